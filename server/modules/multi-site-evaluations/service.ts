// 医疗机构考核 (seed 000 §8) of a 多点执业 site, while the 考核政策 「所有多点执业机构均须评价」 is on: the current
// cycle's enrolled physicians whose 多点执业 rows name this institution (never its own physicians: their 工作成绩 /
// 职业道德 is recorded in 审核), with 保存 per row and 「职业道德 工作成绩合格」 for every 未评价 one the filters match.
import { and, asc, count, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PracticeCategory } from '../../../common/enums.js';
import type {
  SiteEvaluationItem,
  SiteEvaluationList,
  siteEvaluationBatchBodySchema,
  siteEvaluationBodySchema,
  siteEvaluationFilterFields,
  siteEvaluationListQuerySchema,
} from '../../../common/schemas/multi-site-evaluation.js';
import type { Verdict } from '../../../common/schemas/review.js';
import { requireRole, type Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { enrolments, institutions, multiSiteEvaluations, physicianMultiSites, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import { currentCycle } from '../cycles/service.js';
import { physicianConditions } from '../physicians/repository.js';
import { cachedPolicy } from '../policies/cache.js';
import { idNumberCondition } from '../progress/scope.js';

export interface SiteEvaluationDeps {
  db: Database;
  pii: Pii;
}

type Filters = z.output<z.ZodObject<typeof siteEvaluationFilterFields>>;

export const SITE_EVALUATION_OFF = '本省考核政策未开启“所有多点执业机构均须评价”，无需进行医疗机构考核';

/** An institution of a province whose 考核政策 has the rule on; 409 while it is off, 403 for other roles. */
async function requireSiteActor(db: Database, actor: Actor): Promise<void> {
  requireRole(actor, ['institution']);
  if (!(await cachedPolicy(db, actor.provinceCode)).fields.multiSiteEvaluationRequired) throw conflict(SITE_EVALUATION_OFF);
}

/** The enrolments this site evaluates in the cycle: enrolled, on no roster's sidelines, practising here but based elsewhere. */
function siteScope(cycleId: number, institutionId: number): SQL[] {
  return [
    eq(enrolments.cycleId, cycleId),
    ne(enrolments.status, 'NOT_ENROLLED'),
    ne(enrolments.institutionId, institutionId),
    isNull(physicians.transferredOutAt),
    isNull(physicians.hiddenAt),
    sql`exists (select 1 from ${physicianMultiSites} where ${physicianMultiSites.physicianId} = ${physicians.id} and ${physicianMultiSites.institutionId} = ${institutionId})`,
  ];
}

const evaluationJoin = (institutionId: number) =>
  and(eq(multiSiteEvaluations.enrolmentId, enrolments.id), eq(multiSiteEvaluations.institutionId, institutionId));

async function filterConditions(deps: SiteEvaluationDeps, scope: SQL[], filters: Filters): Promise<SQL[]> {
  const idNumber = await idNumberCondition(deps, scope, filters.idNumber);
  return [...scope, ...physicianConditions({ name: filters.name, practiceCategory: filters.practiceCategory }, idNumber)];
}

/** 医疗机构考核: one page of the site's physicians in the current cycle, with 共 N 条 and the 未评价 count. */
export async function listSiteEvaluations(deps: SiteEvaluationDeps, actor: Actor, query: z.output<typeof siteEvaluationListQuerySchema>): Promise<SiteEvaluationList> {
  const { db } = deps;
  await requireSiteActor(db, actor);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, cycle: null, pendingTotal: 0 };
  const matching = await filterConditions(deps, siteScope(cycle.id, actor.orgId), query);
  const stateCondition = query.state === 'pending' ? [isNull(multiSiteEvaluations.id)] : query.state === 'evaluated' ? [isNotNull(multiSiteEvaluations.id)] : [];
  const from = () =>
    db
      .select({ total: count() })
      .from(enrolments)
      .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
      .leftJoin(multiSiteEvaluations, evaluationJoin(actor.orgId));
  const [rows, [{ total }], [{ total: pendingTotal }]] = await Promise.all([
    db
      .select({
        enrolmentId: enrolments.id,
        name: physicians.name,
        idNumberMasked: physicians.idNumberMasked,
        practiceCategory: physicians.practiceCategory,
        mainInstitutionName: institutions.name,
        departmentName: sql<string | null>`(select ${physicianMultiSites.departmentName} from ${physicianMultiSites}
          where ${physicianMultiSites.physicianId} = ${physicians.id} and ${physicianMultiSites.institutionId} = ${actor.orgId}
          order by ${physicianMultiSites.id} limit 1)`,
        enrolmentStatus: enrolments.status,
        evaluation: multiSiteEvaluations,
      })
      .from(enrolments)
      .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
      .innerJoin(institutions, eq(institutions.id, enrolments.institutionId))
      .leftJoin(multiSiteEvaluations, evaluationJoin(actor.orgId))
      .where(and(...matching, ...stateCondition))
      .orderBy(asc(enrolments.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    from().where(and(...matching, ...stateCondition)),
    from().where(and(...matching, isNull(multiSiteEvaluations.id), ne(enrolments.status, 'COMPLETED'))),
  ]);
  const items: SiteEvaluationItem[] = rows.map((r) => ({
    enrolmentId: r.enrolmentId,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    practiceCategory: r.practiceCategory as PracticeCategory,
    mainInstitutionName: r.mainInstitutionName,
    departmentName: r.departmentName,
    enrolmentStatus: r.enrolmentStatus as SiteEvaluationItem['enrolmentStatus'],
    evaluation: r.evaluation
      ? {
          workPerformance: r.evaluation.workPerformance as Verdict,
          workPerformanceReason: r.evaluation.workPerformanceReason,
          ethics: r.evaluation.ethics as Verdict,
          ethicsReason: r.evaluation.ethicsReason,
          evaluatedAt: r.evaluation.evaluatedAt.toISOString(),
        }
      : null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, cycle: { id: cycle.id, name: cycle.name }, pendingTotal };
}

/** 保存 one row. An enrolment that is not this site's (another institution's, another cycle's) is a 404. */
export async function saveSiteEvaluation(
  deps: SiteEvaluationDeps,
  actor: Actor,
  enrolmentId: number,
  body: z.output<typeof siteEvaluationBodySchema>,
  ip: string,
): Promise<void> {
  const { db } = deps;
  await requireSiteActor(db, actor);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) throw notFound('未找到该医师的本周期考核');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: enrolments.status, before: multiSiteEvaluations })
      .from(enrolments)
      .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
      .leftJoin(multiSiteEvaluations, evaluationJoin(actor.orgId))
      .where(and(eq(enrolments.id, enrolmentId), ...siteScope(cycle.id, actor.orgId)))
      .for('update', { of: enrolments });
    if (!row) throw notFound('未找到该医师的本周期考核');
    if (row.status === 'COMPLETED') throw conflict('该医师本周期考核已完成，不能再修改评价');
    const values = { ...body, evaluatedBy: actor.accountId, evaluatedAt: new Date() };
    await tx
      .insert(multiSiteEvaluations)
      .values({ enrolmentId, institutionId: actor.orgId, ...values })
      .onConflictDoUpdate({ target: [multiSiteEvaluations.enrolmentId, multiSiteEvaluations.institutionId], set: values });
    const before = row.before && {
      workPerformance: row.before.workPerformance,
      workPerformanceReason: row.before.workPerformanceReason,
      ethics: row.before.ethics,
      ethicsReason: row.before.ethicsReason,
    };
    await recordAudit(tx, {
      action: 'multiSiteEvaluation.saved',
      actor,
      targetType: 'enrolment',
      targetId: enrolmentId,
      before,
      after: { institutionId: actor.orgId, ...body },
      ip,
    });
  });
}

/**
 * 「职业道德 工作成绩合格」: every 未评价 physician the filters match passes both, set-based in one transaction. Refused
 * (nothing written) when that is no longer the number the confirm stated.
 */
export async function passAllSiteEvaluations(
  deps: SiteEvaluationDeps,
  actor: Actor,
  body: z.output<typeof siteEvaluationBatchBodySchema>,
  ip: string,
): Promise<{ passed: number }> {
  const { db } = deps;
  await requireSiteActor(db, actor);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) throw conflict('当前没有进行中的考核周期');
  const matching = await filterConditions(deps, siteScope(cycle.id, actor.orgId), body);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
      .leftJoin(multiSiteEvaluations, evaluationJoin(actor.orgId))
      .where(and(...matching, isNull(multiSiteEvaluations.id), ne(enrolments.status, 'COMPLETED')))
      .orderBy(asc(enrolments.id))
      .for('update', { of: enrolments });
    if (rows.length !== body.expected) throw conflict(`待评价医师已变为${rows.length}名，请刷新后重试`);
    const ids = sql`${`{${rows.map((r) => r.id).join(',')}}`}::int[]`;
    const result = await tx.execute(sql`
      with inserted as (
        insert into ${multiSiteEvaluations} (enrolment_id, institution_id, work_performance, ethics, evaluated_by, evaluated_at)
        select id, ${actor.orgId}, 'passed', 'passed', ${actor.accountId}, now() from unnest(${ids}) as id
        on conflict (enrolment_id, institution_id) do nothing
        returning enrolment_id
      ), audited as (
        insert into audit_events (action, actor_account_id, actor_role, target_type, target_id, after, ip)
        select 'multiSiteEvaluation.saved', ${actor.accountId}, ${actor.role}, 'enrolment', enrolment_id::text,
               jsonb_build_object('institutionId', ${actor.orgId}::int, 'workPerformance', 'passed', 'ethics', 'passed', 'batch', true), ${ip}
        from inserted
        returning 1
      )
      select count(*)::int as passed from audited`);
    const passed = Number((result as unknown as { rows: { passed: number }[] }).rows[0].passed);
    return { passed };
  });
}
