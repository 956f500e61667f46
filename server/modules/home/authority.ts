// 首页 of the 卫生行政部门: every number is one aggregate query over the jurisdiction (region-code prefix).
import { and, asc, count, eq, isNull, like, notExists, sql } from 'drizzle-orm';
import { roleLabels } from '../../../common/enums.js';
import { regionPath, regionPrefix } from '../../../common/regions.js';
import type { AuthorityHome } from '../../../common/schemas/authority-home.js';
import { requireRole, type Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, authorities, institutions, physicians } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { currentCycle, cycleSummary } from '../cycles/service.js';
import { progressOf } from '../enrolments/progress.js';

const WITHOUT_ASSESSOR_SHOWN = 10;

async function countsOf(db: Database, prefix: string) {
  const inJurisdiction = like(institutions.regionCode, prefix);
  const [[inst], [phys]] = await Promise.all([
    db.select({ n: count() }).from(institutions).where(inJurisdiction),
    // 调离 physicians belong to no institution (as in the 医师列表) until they are 调入.
    db.select({ n: count() }).from(physicians).innerJoin(institutions, eq(institutions.id, physicians.institutionId)).where(and(inJurisdiction, isNull(physicians.transferredOutAt))),
  ]);
  return { institutions: inst.n, physicians: phys.n };
}

/** The jurisdiction's institutions with no assignment in the cycle: the total and the first ten by region. */
async function withoutAssessor(db: Database, cycleId: number, prefix: string): Promise<NonNullable<AuthorityHome['withoutAssessor']>> {
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, regionCode: institutions.regionCode, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(institutions)
    .where(
      and(
        like(institutions.regionCode, prefix),
        notExists(
          db
            .select({ one: sql`1` })
            .from(assessorAssignments)
            .where(and(eq(assessorAssignments.cycleId, cycleId), eq(assessorAssignments.institutionId, institutions.id))),
        ),
      ),
    )
    .orderBy(asc(institutions.regionCode), asc(institutions.id))
    .limit(WITHOUT_ASSESSOR_SHOWN);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ id, name, regionCode }) => ({ id, name, regionCode, regionName: regionPath(regionCode).join(' ') })),
  };
}

export async function authorityHome(db: Database, actor: Actor): Promise<AuthorityHome> {
  requireRole(actor, ['authority']);
  const prefix = `${regionPrefix(actor.regionCode)}%`;
  const [[authority], cycle, counts] = await Promise.all([
    db.select({ name: authorities.name, regionCode: authorities.regionCode }).from(authorities).where(eq(authorities.id, actor.orgId)),
    currentCycle(db, actor.provinceCode),
    countsOf(db, prefix),
  ]);
  if (!authority) throw notFound('卫生行政部门不存在');
  const [progress, unassigned] = cycle
    ? await Promise.all([progressOf(db, cycle.id, { regionCode: actor.regionCode }), withoutAssessor(db, cycle.id, prefix)])
    : [null, null];
  return {
    greeting: `${authority.name}，您好！当前身份：${roleLabels.authority}`,
    jurisdiction: { authorityName: authority.name, regionCode: authority.regionCode, regionPath: regionPath(authority.regionCode).join(' ') },
    cycle: cycle ? cycleSummary(cycle) : null,
    counts: { ...counts, enrolled: progress?.enrolled ?? 0 },
    progress,
    withoutAssessor: unassigned,
  };
}
