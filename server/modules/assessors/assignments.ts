// 指定考核机构: the authority assigns an approved 考核机构 of its province to institutions of its
// jurisdiction (one or a selection; assigning again replaces the previous one).
import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { AssessorOptionList, AssessorOptionsQuery, AssignBody, AssignmentList, AssignmentListQuery } from '../../../common/schemas/assessor.js';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { accounts, assessorAssignments, assessors, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { regionPrefix } from '../../../common/regions.js';
import { currentCycle } from '../cycles/service.js';
import { escapeLike } from '../../lib/sql.js';
import { institutionAccount, institutionFilters, iso, offsetOf, regionNameOf, requireCurrentCycle } from './shared.js';

const assessorInstitution = alias(institutions, 'assessor_institution');

/** The jurisdiction's institutions with the 考核机构 assigned to each in the current cycle. */
export async function listAssignments(db: Database, actor: Actor, input: AssignmentListQuery): Promise<AssignmentList> {
  requireRole(actor, ['authority']);
  const base = { page: input.page, pageSize: input.pageSize };
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) return { items: [], total: 0, ...base, cycle: null };
  const where: SQL[] = institutionFilters(actor, input);
  if (input.assigned === 'yes') where.push(isNotNull(assessorAssignments.institutionId));
  if (input.assigned === 'no') where.push(isNull(assessorAssignments.institutionId));
  const assignmentJoin = and(eq(assessorAssignments.institutionId, institutions.id), eq(assessorAssignments.cycleId, cycle.id));

  const [{ total }] = await db.select({ total: count() }).from(institutions).leftJoin(assessorAssignments, assignmentJoin).where(and(...where));
  const rows = await db
    .select({
      institutionId: institutions.id,
      name: institutions.name,
      regionCode: institutions.regionCode,
      account: sql<string | null>`(select ${accounts.loginName} from ${accounts} where ${institutionAccount} limit 1)`,
      assessorId: assessorInstitution.id,
      assessorName: assessorInstitution.name,
      assignedAt: assessorAssignments.assignedAt,
    })
    .from(institutions)
    .leftJoin(assessorAssignments, assignmentJoin)
    .leftJoin(assessorInstitution, eq(assessorInstitution.id, assessorAssignments.assignedAssessorId))
    .where(and(...where))
    .orderBy(asc(institutions.regionCode), asc(institutions.name), asc(institutions.id))
    .limit(input.pageSize)
    .offset(offsetOf(input));
  return {
    ...base,
    total,
    cycle: { id: cycle.id, name: cycle.name },
    items: rows.map((r) => ({
      institutionId: r.institutionId,
      name: r.name,
      account: r.account,
      regionCode: r.regionCode,
      regionName: regionNameOf(r.regionCode),
      assessor: r.assessorId !== null && r.assessorName !== null ? { id: r.assessorId, name: r.assessorName } : null,
      assignedAt: iso(r.assignedAt),
    })),
  };
}

/** The approved 考核机构 of the current cycle that this authority may assign: those of its province. */
function assessorScope(actor: Actor, cycleId: number): SQL[] {
  return [eq(assessors.cycleId, cycleId), like(institutions.regionCode, `${regionPrefix(actor.provinceCode)}%`)];
}

export async function listAssessorOptions(db: Database, actor: Actor, input: AssessorOptionsQuery): Promise<AssessorOptionList> {
  requireRole(actor, ['authority']);
  const base = { page: input.page, pageSize: input.pageSize };
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) return { items: [], total: 0, ...base };
  const where = assessorScope(actor, cycle.id);
  if (input.name) where.push(ilike(institutions.name, `%${escapeLike(input.name)}%`));
  const [{ total }] = await db.select({ total: count() }).from(assessors).innerJoin(institutions, eq(institutions.id, assessors.institutionId)).where(and(...where));
  const rows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      regionCode: institutions.regionCode,
      assignedCount: sql<number>`(select count(*) from ${assessorAssignments} where ${assessorAssignments.cycleId} = ${cycle.id} and ${assessorAssignments.assignedAssessorId} = ${institutions.id})`.mapWith(Number),
    })
    .from(assessors)
    .innerJoin(institutions, eq(institutions.id, assessors.institutionId))
    .where(and(...where))
    .orderBy(asc(institutions.regionCode), asc(institutions.name))
    .limit(input.pageSize)
    .offset(offsetOf(input));
  return { ...base, total, items: rows.map((r) => ({ ...r, regionName: regionNameOf(r.regionCode) })) };
}

/** One set-based upsert: every chosen institution gets the 考核机构, replacing an earlier assignment. */
export async function assignAssessor(db: Database, actor: Actor, body: AssignBody, ip: string) {
  requireRole(actor, ['authority']);
  const ids = [...new Set(body.institutionIds)];
  await requireAccess(db, actor, 'institution.manage', ids);
  const cycle = await requireCurrentCycle(db, actor.provinceCode);
  const [assessor] = await db
    .select({ id: institutions.id })
    .from(assessors)
    .innerJoin(institutions, eq(institutions.id, assessors.institutionId))
    .where(and(eq(assessors.institutionId, body.assessorId), ...assessorScope(actor, cycle.id)));
  if (!assessor) throw notFound('考核机构不存在或未通过本周期审核');

  return db.transaction(async (tx) => {
    const before = await tx
      .select({ institutionId: assessorAssignments.institutionId, assessorId: assessorAssignments.assignedAssessorId })
      .from(assessorAssignments)
      .where(and(eq(assessorAssignments.cycleId, cycle.id), inArray(assessorAssignments.institutionId, ids)));
    const now = new Date();
    const written = await tx
      .insert(assessorAssignments)
      .select(
        tx
          .select({
            cycleId: sql<number>`${cycle.id}`.as('cycle_id'),
            institutionId: institutions.id,
            assignedAssessorId: sql<number>`${body.assessorId}`.as('assigned_assessor_id'),
            assignedAt: sql<Date>`${now}`.as('assigned_at'),
          })
          .from(institutions)
          .where(inArray(institutions.id, ids)),
      )
      .onConflictDoUpdate({
        target: [assessorAssignments.cycleId, assessorAssignments.institutionId],
        set: { assignedAssessorId: sql`excluded.assigned_assessor_id`, assignedAt: sql`excluded.assigned_at` },
      })
      .returning({ institutionId: assessorAssignments.institutionId });
    await recordAudit(tx, {
      action: 'assessor.assigned',
      actor,
      targetType: 'assessor',
      targetId: body.assessorId,
      before,
      after: { cycleId: cycle.id, assessorId: body.assessorId, institutionIds: ids },
      ip,
    });
    return { assigned: written.length };
  });
}
