// 补考管理: the lists (the 考核进度 query with the status of the tab, plus 试卷名称 / 不合格原因 filters on the attempts)
// and the provincial authority's 允许补考 / 不允许补考, one by one or in batch, all-or-nothing.
import { inArray, sql, type SQL } from 'drizzle-orm';
import { transition } from '../../../common/enrolment-machine.js';
import { regionPrefix } from '../../../common/regions.js';
import { exemptedPaper, paperKindLabels, type PaperKind, type Procedure } from '../../../common/papers.js';
import { PROGRESS_COUNT_CAP, type ProgressFilters } from '../../../common/schemas/assessment-progress.js';
import {
  failReasonLabels,
  type RetakeDecisionBody,
  type RetakeFilters,
  type RetakeItem,
  type RetakeList,
  type RetakeListQuery,
  type RetakeTab,
} from '../../../common/schemas/retakes.js';
import type { PolicyFields } from '../../../common/schemas/policy.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { enrolments, examAttempts } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import { isProvincialAuthority, requireProvincialAuthority } from '../cycles/provincial.js';
import { currentCycle } from '../cycles/service.js';
import { requiredPapers } from '../exams/context.js';
import { notifyPhysicians, type PendingSms } from '../messages/notify.js';
import { cachedPolicy } from '../policies/cache.js';
import { allProgressRows, progressPage, type ProgressRow } from '../progress/repository.js';
import { whereOf } from '../progress/service.js';

export interface RetakeDeps {
  db: Database;
  pii: Pii;
}

const tabStatus: Record<RetakeTab, 'PENDING_RETAKE_CONFIRMATION' | 'AWAITING_RETAKE'> = { pending: 'PENDING_RETAKE_CONFIRMATION', allowed: 'AWAITING_RETAKE' };

const failedAttempt = (paper?: PaperKind) =>
  sql`exists (select 1 from ${examAttempts} a where a.enrolment_id = ${enrolments.id} and a.kind = 'exam' and a.status = 'submitted' and a.passed = false${paper ? sql` and a.paper = ${paper}` : sql``})`;

/** The paper is required of the enrolment (its procedure takes it and 免考 does not exempt it) and was not passed. */
function paperNotPassed(paper: PaperKind, policy: PolicyFields): SQL {
  const takers = (Object.keys(policy.papersByProcedure) as Procedure[]).filter((p) => policy.papersByProcedure[p].includes(paper));
  if (takers.length === 0) return sql`false`;
  const exemptedBy = takers.filter((p) => exemptedPaper[p] === paper);
  const exempted = exemptedBy.length
    ? sql` and not (${inArray(enrolments.procedure, exemptedBy)} and exists (select 1 from registrations r where r.enrolment_id = ${enrolments.id} and r.exemption_status = 'approved'))`
    : sql``;
  return sql`(${inArray(enrolments.procedure, takers)}${exempted} and not exists (select 1 from ${examAttempts} a where a.enrolment_id = ${enrolments.id} and a.kind = 'exam' and a.paper = ${paper} and a.passed))`;
}

/** 试卷名称 and 不合格原因 as conditions: 不合格 = a submitted failed attempt; 缺考 = none (failed by not taking it). */
function failureConditions(filters: Pick<RetakeFilters, 'paper' | 'reason'>, policy: PolicyFields): SQL[] {
  const conditions: SQL[] = [];
  if (filters.paper) conditions.push(paperNotPassed(filters.paper, policy));
  if (filters.reason === 'failed') conditions.push(failedAttempt(filters.paper));
  if (filters.reason === 'absent') conditions.push(sql`not ${failedAttempt(filters.paper)}`);
  return conditions;
}

async function whereFor(deps: RetakeDeps, actor: Actor, cycleId: number, filters: Omit<RetakeFilters, 'tab'>, tab: RetakeTab) {
  const { paper, reason, ...rest } = filters;
  const progressFilters: ProgressFilters = { ...rest, status: tabStatus[tab] };
  const { where, wholeProvince } = await whereOf(deps, actor, cycleId, progressFilters);
  const policy = (await cachedPolicy(deps.db, actor.provinceCode)).fields;
  where.conditions.push(...failureConditions({ paper, reason }, policy));
  return { where, wholeProvince, policy };
}

/** Each row's papers not passed, with why (不合格 with the score, or 缺考). */
async function withFailures(db: Database, rows: ProgressRow[], policy: PolicyFields): Promise<RetakeItem[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .select({ enrolmentId: examAttempts.enrolmentId, paper: examAttempts.paper, passed: examAttempts.passed, score: examAttempts.score, status: examAttempts.status })
    .from(examAttempts)
    .where(inArray(examAttempts.enrolmentId, rows.map((r) => r.enrolmentId)));
  return rows.map(({ birthDate: _b, ...row }) => {
    const own = attempts.filter((a) => a.enrolmentId === row.enrolmentId && a.status === 'submitted');
    const procedure = row.procedure === 'none' ? null : row.procedure;
    const required = procedure ? requiredPapers(policy, procedure, row.exemptionStatus === 'approved') : [];
    const failures = required
      .filter((paper) => !own.some((a) => a.paper === paper && a.passed))
      .map((paper) => {
        const failed = own.filter((a) => a.paper === paper && !a.passed).at(-1);
        const reason = failed ? ('failed' as const) : ('absent' as const);
        return { paper, paperLabel: paperKindLabels[paper], reason, reasonLabel: failReasonLabels[reason], score: failed?.score ?? null };
      });
    return { ...row, failures };
  });
}

const retakeRoles = ['institution', 'authority'] as const;

export async function listRetakes(deps: RetakeDeps, actor: Actor, query: RetakeListQuery): Promise<RetakeList> {
  requireRole(actor, retakeRoles);
  const canDecide = isProvincialAuthority(actor);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, totalCapped: false, canDecide };
  const { tab, page, pageSize, ...filters } = query;
  const { where, wholeProvince, policy } = await whereFor(deps, actor, cycle.id, filters, tab);
  const wide = actor.role === 'authority' && !filters.institutionId;
  const { rows, total, totalCapped } = await progressPage(deps.db, where, { page, pageSize, wholeProvince }, wide ? PROGRESS_COUNT_CAP : undefined);
  return { items: await withFailures(deps.db, rows, policy), total, page, pageSize, totalCapped, canDecide };
}

/** 导出: every row of the tab and filter, in batches. */
export async function exportRetakes(deps: RetakeDeps, actor: Actor, filters: RetakeFilters): Promise<AsyncIterable<RetakeItem[]>> {
  requireRole(actor, retakeRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) return (async function* () {})();
  const { tab, ...rest } = filters;
  const { where, wholeProvince, policy } = await whereFor(deps, actor, cycle.id, rest, tab);
  const batches = allProgressRows(deps.db, where, wholeProvince);
  return (async function* () {
    for await (const batch of batches) yield withFailures(deps.db, batch, policy);
  })();
}

/** 允许补考 → 待参加补考; 不允许补考 → 考核完成 不合格, with the reason. All the chosen rows or none. */
export async function decideRetakes(deps: RetakeDeps, actor: Actor, body: RetakeDecisionBody, ip: string): Promise<{ count: number; sms: PendingSms[] }> {
  requireProvincialAuthority(actor, body.decision === 'allow' ? '允许补考' : '不允许补考');
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) throw conflict('当前没有进行中的考核周期');
  let ids = body.enrolmentIds ?? [];
  if (body.filters) {
    const { where, wholeProvince } = await whereFor(deps, actor, cycle.id, body.filters, 'pending');
    ids = [];
    for await (const batch of allProgressRows(deps.db, where, wholeProvince)) ids.push(...batch.map((r) => r.enrolmentId));
    if (ids.length !== body.expectedCount) throw conflict(`符合条件的记录已变化（现为${ids.length}条），请刷新后重试`);
  }
  const outcome = transition('PENDING_RETAKE_CONFIRMATION', body.decision === 'allow' ? 'retakeAllow' : 'retakeDecline', 'authority');
  if (!outcome.ok) throw conflict(outcome.reason);
  const idArray = `{${[...new Set(ids)].join(',')}}`;
  return deps.db.transaction(async (tx) => {
    const rows = ((await tx.execute(sql`
      select e.id, e.status, e.physician_id as "physicianId", e.institution_id as "institutionId"
      from enrolments e join institutions i on i.id = e.institution_id
      where e.id = any(${idArray}::int[]) and e.cycle_id = ${cycle.id} and i.region_code like ${`${regionPrefix(actor.regionCode)}%`}
      for update of e`)) as unknown as { rows: { id: number; status: string; physicianId: number; institutionId: number }[] }).rows;
    if (rows.length !== new Set(ids).size) throw notFound('所选记录不存在');
    if (rows.some((r) => r.status !== 'PENDING_RETAKE_CONFIRMATION')) throw conflict('所选记录中有已被处理的记录，请刷新后重试');
    await tx
      .update(enrolments)
      .set({ status: outcome.status, result: outcome.result, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
      .where(inArray(enrolments.id, rows.map((r) => r.id)));
    await tx.execute(sql`
      insert into audit_events (actor_account_id, actor_role, action, target_type, target_id, before, after, ip)
      select ${actor.accountId}::int, ${actor.role}::text, ${body.decision === 'allow' ? 'enrolment.retakeAllowed' : 'enrolment.retakeDeclined'}::text, 'enrolment', id::text,
             jsonb_build_object('status', 'PENDING_RETAKE_CONFIRMATION'),
             jsonb_build_object('status', ${outcome.status}::text, 'result', ${outcome.result}::text, 'reason', ${body.reason ?? null}::text), ${ip}::text
      from unnest(${idArray}::int[]) as id`);
    const content =
      body.decision === 'allow'
        ? `卫生行政部门已允许您参加补考，请在补考时间内登录系统，在【考核管理】中参加补考。`
        : `卫生行政部门不允许您参加补考，理由：${body.reason}。本周期定期考核结果：不合格。`;
    const sms = await notifyPhysicians(tx, rows.map((r) => r.physicianId), { title: body.decision === 'allow' ? '允许补考' : '不允许补考', content });
    // Each institution is told how many of its physicians were decided, in one message per institution.
    await tx.execute(sql`
      insert into messages (account_id, title, content)
      select a.id, ${body.decision === 'allow' ? '允许补考' : '不允许补考'}::text,
             ${body.decision === 'allow' ? '卫生行政部门已允许本机构' : '卫生行政部门不允许本机构'}::text || n || ${body.decision === 'allow' ? '名医师参加补考。' : `名医师参加补考，理由：${body.reason}。`}::text
      from (select e.institution_id, count(*) as n from enrolments e where e.id = any(${idArray}::int[]) group by e.institution_id) c
      join accounts a on a.institution_id = c.institution_id and a.kind = 'institution'`);
    return { count: rows.length, sms };
  });
}

