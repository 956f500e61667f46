// 提交 / 通过 and 驳回 of a registration, one at a time or (the institution) as 批量审核, through the state machine.
// Each decision names the version it was taken on: a second reviewer acting on the same step gets 409 and changes nothing.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { transition, type EnrolmentEvent, type TransitionContext } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { allPapersExempted, type Procedure } from '../../../common/papers.js';
import type { approveBodySchema, batchApproveBodySchema, rejectBodySchema, ReviewRecord } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import { enrolments, evaluations, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { CERTIFICATE_READY, issueCertificates } from '../certificates/issue.js';
import { deliverSms, notifyPhysicians, type PendingSms } from '../messages/notify.js';
import { cachedPolicy } from '../policies/cache.js';
import { requireDecisionAllowed, reviewerOf, staleReview, type ReviewDeps } from './context.js';
import { loadReview, reviewRecord } from './record.js';
import * as texts from './texts.js';

type ApproveBody = z.output<typeof approveBodySchema>;
type RejectBody = z.output<typeof rejectBodySchema>;
type BatchApproveBody = z.output<typeof batchApproveBodySchema>;

const EVALUATION_MISSING = '请评定工作成绩和职业道德';

async function institutionName(deps: ReviewDeps, institutionId: number): Promise<string> {
  const [row] = await deps.db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, institutionId));
  return row.name;
}

/**
 * 提交 (institution, with its 工作成绩 / 职业道德 evaluation) → 待考核机构复核; 通过 (assessor) → 待参加考核, or
 * 考核完成 不合格 when an evaluation was 不合格, or 考核完成 合格 when 免考 leaves no paper to take.
 */
export async function approveReview(deps: ReviewDeps, actor: Actor, enrolmentId: number, body: ApproveBody, ip: string): Promise<ReviewRecord> {
  const reviewer = reviewerOf(actor);
  const { db } = deps;
  await requireAccess(db, actor, 'enrolment.review', [enrolmentId]);
  const evaluation = body.evaluation;
  if (reviewer === 'institution' && !evaluation) throw badRequest(EVALUATION_MISSING, { evaluation: EVALUATION_MISSING });
  const cycle = await requireDecisionAllowed(db, actor);
  const required = (await cachedPolicy(db, actor.provinceCode)).fields.papersByProcedure;
  const reviewerName = reviewer === 'institution' ? await institutionName(deps, actor.orgId) : '';
  const pending = await db.transaction(async (tx) => {
    const { enrolment, registration, evaluation: stored } = await loadReview(tx, enrolmentId, true);
    if (enrolment.version !== body.version) throw staleReview();
    if (enrolment.cycleId !== cycle.id) throw conflict('该报名不属于当前考核周期');
    const status = enrolment.status as EnrolmentStatus;
    const procedure = enrolment.procedure as Procedure;
    const event: EnrolmentEvent = reviewer === 'institution' ? 'institutionApprove' : 'assessorApprove';
    const context: TransitionContext =
      reviewer === 'assessor'
        ? {
            evaluationFailed: stored?.workPerformance === 'failed' || stored?.ethics === 'failed',
            allPapersExempted: registration.exemptionStatus === 'approved' && allPapersExempted(required[procedure], procedure),
          }
        : {};
    const outcome = transition(status, event, reviewer, context);
    if (!outcome.ok) throw conflict(outcome.reason);
    if (evaluation && reviewer === 'institution') {
      const values = { ...evaluation, evaluatedBy: actor.accountId, evaluatedAt: new Date() };
      await tx.insert(evaluations).values({ enrolmentId, ...values }).onConflictDoUpdate({ target: evaluations.enrolmentId, set: values });
    }
    await tx
      .update(enrolments)
      .set({ status: outcome.status, result: outcome.result, version: enrolment.version + 1, updatedAt: new Date() })
      .where(eq(enrolments.id, enrolmentId));
    await recordAudit(tx, {
      action: reviewer === 'institution' ? 'enrolment.approvedByInstitution' : 'enrolment.approvedByAssessor',
      actor,
      targetType: 'enrolment',
      targetId: enrolmentId,
      before: { status },
      after: { status: outcome.status, result: outcome.result, ...(reviewer === 'institution' ? { evaluation } : {}) },
      ip,
    });
    const notice = reviewer === 'institution' ? texts.approvedByInstitution(reviewerName) : texts.approvedByAssessor(outcome.status);
    // Every paper exempted: the cycle is completed 合格 here, and the certificate issued with it.
    if (outcome.status === 'COMPLETED' && outcome.result === 'passed' && (await issueCertificates(tx, [enrolmentId])).length) {
      return notifyPhysicians(tx, [enrolment.physicianId], { ...notice, content: `${notice.content}${CERTIFICATE_READY}` });
    }
    return notifyPhysicians(tx, [enrolment.physicianId], notice);
  });
  await deliverSms(db, deps.sms, deps.log, pending);
  return reviewRecord(deps, actor, enrolmentId);
}

/** 驳回 with a reason: the institution's goes back to the physician, the assessor's back to the institution. */
export async function rejectReview(deps: ReviewDeps, actor: Actor, enrolmentId: number, body: RejectBody, ip: string): Promise<ReviewRecord> {
  const reviewer = reviewerOf(actor);
  const { db } = deps;
  await requireAccess(db, actor, 'enrolment.review', [enrolmentId]);
  const cycle = await requireDecisionAllowed(db, actor);
  const reviewerName = reviewer === 'institution' ? await institutionName(deps, actor.orgId) : '';
  const pending = await db.transaction(async (tx) => {
    const { enrolment } = await loadReview(tx, enrolmentId, true);
    if (enrolment.version !== body.version) throw staleReview();
    if (enrolment.cycleId !== cycle.id) throw conflict('该报名不属于当前考核周期');
    const status = enrolment.status as EnrolmentStatus;
    const outcome = transition(status, reviewer === 'institution' ? 'institutionReject' : 'assessorReject', reviewer);
    if (!outcome.ok) throw conflict(outcome.reason);
    await tx.update(enrolments).set({ status: outcome.status, version: enrolment.version + 1, updatedAt: new Date() }).where(eq(enrolments.id, enrolmentId));
    await recordAudit(tx, {
      action: reviewer === 'institution' ? 'enrolment.rejectedByInstitution' : 'enrolment.rejectedByAssessor',
      actor,
      targetType: 'enrolment',
      targetId: enrolmentId,
      before: { status },
      after: { status: outcome.status, reason: body.reason },
      ip,
    });
    const notice = reviewer === 'institution' ? texts.rejectedByInstitution(reviewerName, body.reason) : texts.rejectedByAssessor(body.reason);
    return notifyPhysicians(tx, [enrolment.physicianId], notice);
  });
  await deliverSms(db, deps.sms, deps.log, pending);
  return reviewRecord(deps, actor, enrolmentId);
}

/**
 * 批量审核 (seed 000 §7–8): the chosen registrations pass with 工作成绩 and 职业道德 合格, set-based, in one transaction.
 * If any of them changed since the list was read (or cannot be passed), none is passed.
 */
export async function batchApprove(deps: ReviewDeps, actor: Actor, body: BatchApproveBody, ip: string): Promise<{ approved: number }> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  const ids = body.items.map((i) => i.enrolmentId);
  if (new Set(ids).size !== ids.length) throw badRequest('所选医师有重复', { items: '所选医师有重复' });
  await requireAccess(db, actor, 'enrolment.review', ids);
  const cycle = await requireDecisionAllowed(db, actor);
  const target = transition('PENDING_INSTITUTION_REVIEW', 'institutionApprove', 'institution');
  if (!target.ok) throw conflict(target.reason);
  const reviewerName = await institutionName(deps, actor.orgId);
  const versions = body.items.map((i) => i.version);
  const idArray = sql`${`{${ids.join(',')}}`}::int[]`;
  const pending = await db.transaction(async (tx) => {
    const locked = await tx.execute(sql`
      select e.id, e.status, e.version, e.cycle_id, e.physician_id from ${enrolments} e
      where e.id = any(${idArray}) order by e.id for update`);
    const rows = (locked as unknown as { rows: { id: number; status: EnrolmentStatus; version: number; cycle_id: number; physician_id: number }[] }).rows;
    const expected = new Map(body.items.map((i) => [i.enrolmentId, i.version]));
    if (rows.length !== ids.length) throw staleReview();
    for (const row of rows) {
      if (row.version !== expected.get(row.id)) throw staleReview();
      if (row.cycle_id !== cycle.id || !transition(row.status, 'institutionApprove', 'institution').ok) throw staleReview();
    }
    const input = sql`unnest(${idArray}, ${`{${versions.join(',')}}`}::int[]) as i(id, version)`;
    await tx.execute(sql`
      insert into ${evaluations} (enrolment_id, work_performance, ethics, evaluated_by, evaluated_at)
      select id, 'passed', 'passed', ${actor.accountId}, now() from unnest(${idArray}) as id
      on conflict (enrolment_id) do update set work_performance = 'passed', work_performance_reason = null, ethics = 'passed',
        ethics_reason = null, evaluated_by = excluded.evaluated_by, evaluated_at = excluded.evaluated_at`);
    await tx.execute(sql`
      with moved as (
        update ${enrolments} e set status = ${target.status}, version = e.version + 1, updated_at = now()
        from ${input} where e.id = i.id
        returning e.id
      )
      insert into audit_events (action, actor_account_id, actor_role, target_type, target_id, before, after, ip)
      select 'enrolment.approvedByInstitution', ${actor.accountId}, ${actor.role}, 'enrolment', m.id::text,
             jsonb_build_object('status', old.status),
             jsonb_build_object('status', ${target.status}::text, 'batch', true,
               'evaluation', jsonb_build_object('workPerformance', 'passed', 'ethics', 'passed')),
             ${ip}
      from moved m join unnest(${`{${rows.map((r) => r.id).join(',')}}`}::int[], ${`{${rows.map((r) => r.status).join(',')}}`}::text[]) as old(id, status)
        on old.id = m.id`);
    return notifyPhysicians(tx, rows.map((r) => r.physician_id), texts.approvedByInstitution(reviewerName));
  });
  await deliverSms(db, deps.sms, deps.log, pending);
  return { approved: ids.length };
}
