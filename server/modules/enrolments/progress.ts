// 考核进度: the three rates of seed 002 for an institution or a jurisdiction, in one aggregate query.
import { and, count, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import { institutionReviewedStatuses, submittedStatuses } from '../../../common/enums.js';
import { regionPrefix } from '../../../common/regions.js';
import type { Progress, Rate } from '../../../common/schemas/progress.js';
import type { Database } from '../../db/client.js';
import { enrolments, institutions } from '../../db/schema/index.js';

export type ProgressScope = { institutionId: number } | { regionCode: string };

const rate = (done: number, total: number): Rate => ({ done, total, percent: total === 0 ? 0 : Math.round((done * 100) / total) });

/**
 * 报名完成率 = submitted / enrolled; 审核完成率 = reviewed by the institution / submitted;
 * 最终完成率 = completed / enrolled. "Enrolled" is every status but 未确认参加.
 */
export async function progressOf(db: Database, cycleId: number, scope: ProgressScope): Promise<Progress> {
  const scopeFilter: SQL =
    'institutionId' in scope
      ? eq(enrolments.institutionId, scope.institutionId)
      : inArray(enrolments.institutionId, db.select({ id: institutions.id }).from(institutions).where(like(institutions.regionCode, `${regionPrefix(scope.regionCode)}%`)));
  const [row] = await db
    .select({
      enrolled: count(),
      submitted: sql<number>`count(*) filter (where ${inArray(enrolments.status, [...submittedStatuses])})`.mapWith(Number),
      reviewed: sql<number>`count(*) filter (where ${inArray(enrolments.status, [...institutionReviewedStatuses])})`.mapWith(Number),
      completed: sql<number>`count(*) filter (where ${eq(enrolments.status, 'COMPLETED')})`.mapWith(Number),
    })
    .from(enrolments)
    .where(and(eq(enrolments.cycleId, cycleId), ne(enrolments.status, 'NOT_ENROLLED'), scopeFilter));
  return {
    enrolled: row.enrolled,
    registration: rate(row.submitted, row.enrolled),
    review: rate(row.reviewed, row.submitted),
    completion: rate(row.completed, row.enrolled),
  };
}
