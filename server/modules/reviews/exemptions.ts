// 免考审核 (institution) and 免考复核 (assessor): the 免考 status beside the enrolment's —
// 待医疗卫生机构审核 → 待考核机构复核 → 免考通过, or 免考驳回 with a reason at either step. The assessor's 通过 goes
// through the state machine: after 复核 it may leave no paper to take, and the cycle completes 合格.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { transition } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { allPapersExempted, type Procedure } from '../../../common/papers.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { exemptionApproveBodySchema, exemptionRejectBodySchema, ReviewRecord } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import { enrolments, registrations } from '../../db/schema/index.js';
import { recordAudit, type AuditAction } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { CERTIFICATE_READY, issueCertificates } from '../certificates/issue.js';
import { deliverSms, notifyPhysicians } from '../messages/notify.js';
import { readPolicy } from '../policies/repository.js';
import { requireDecisionAllowed, reviewerOf, staleReview, type Reviewer, type ReviewDeps } from './context.js';
import { isSubmitted, loadReview, reviewRecord, type LoadedReview } from './record.js';
import * as texts from './texts.js';

const waitingFor: Record<Reviewer, ExemptionStatus> = { institution: 'pendingInstitution', assessor: 'pendingAssessor' };
const approvedTo: Record<Reviewer, ExemptionStatus> = { institution: 'pendingAssessor', assessor: 'approved' };
const auditOf: Record<Reviewer, { approve: AuditAction; reject: AuditAction }> = {
  institution: { approve: 'exemption.approvedByInstitution', reject: 'exemption.rejectedByInstitution' },
  assessor: { approve: 'exemption.approvedByAssessor', reject: 'exemption.rejectedByAssessor' },
};

/** The granted 免考 re-evaluates the enrolment (state machine `exemptionApprove`); what it became, or null if unchanged. */
async function applyGrantedExemption(tx: Tx, { enrolment }: LoadedReview, exemptsAll: (procedure: Procedure) => boolean) {
  const status = enrolment.status as EnrolmentStatus;
  const outcome = transition(status, 'exemptionApprove', 'assessor', { allPapersExempted: exemptsAll(enrolment.procedure as Procedure) });
  if (!outcome.ok) throw conflict(outcome.reason);
  if (outcome.unchanged) return null;
  await tx
    .update(enrolments)
    .set({ status: outcome.status, result: outcome.result, version: enrolment.version + 1, updatedAt: new Date() })
    .where(eq(enrolments.id, enrolment.id));
  return { status: outcome.status, result: outcome.result };
}

async function decideExemption(
  deps: ReviewDeps,
  actor: Actor,
  enrolmentId: number,
  decision: { approve: true; version: number } | { approve: false; version: number; reason: string },
  ip: string,
): Promise<ReviewRecord> {
  const reviewer = reviewerOf(actor);
  const { db } = deps;
  await requireAccess(db, actor, 'enrolment.review', [enrolmentId]);
  await requireDecisionAllowed(db, actor);
  const required = (await readPolicy(db, actor.provinceCode)).fields.papersByProcedure;
  const exemptsAll = (procedure: Procedure) => allPapersExempted(required[procedure], procedure);
  const pending = await db.transaction(async (tx) => {
    const review = await loadReview(tx, enrolmentId, true);
    const { enrolment, registration } = review;
    if (registration.version !== decision.version) throw staleReview();
    if (registration.exemptionStatus !== waitingFor[reviewer] || !isSubmitted(enrolment.status as EnrolmentStatus)) {
      throw conflict(reviewer === 'institution' ? '当前免考状态不是待医疗卫生机构审核' : '当前免考状态不是待考核机构复核');
    }
    const next: ExemptionStatus = decision.approve ? approvedTo[reviewer] : 'rejected';
    const reason = decision.approve ? null : decision.reason;
    await tx
      .update(registrations)
      .set({ exemptionStatus: next, exemptionRejectReason: reason, version: registration.version + 1, updatedAt: new Date() })
      .where(eq(registrations.id, registration.id));
    const moved = decision.approve && reviewer === 'assessor' ? await applyGrantedExemption(tx, review, exemptsAll) : null;
    await recordAudit(tx, {
      action: decision.approve ? auditOf[reviewer].approve : auditOf[reviewer].reject,
      actor,
      targetType: 'enrolment',
      targetId: enrolmentId,
      before: { exemptionStatus: registration.exemptionStatus, ...(moved ? { status: enrolment.status } : {}) },
      after: { exemptionStatus: next, ...(reason ? { reason } : {}), ...(moved ?? {}) },
      ip,
    });
    const notice = decision.approve ? texts.exemptionApproved(reviewer === 'assessor', moved?.status) : texts.exemptionRejected(decision.reason);
    // 免考 leaving no paper completes the cycle 合格 here: the certificate is issued with it.
    if (moved?.status === 'COMPLETED' && moved.result === 'passed' && (await issueCertificates(tx, [enrolmentId])).length) {
      return notifyPhysicians(tx, [enrolment.physicianId], { ...notice, content: `${notice.content}${CERTIFICATE_READY}` });
    }
    return notifyPhysicians(tx, [enrolment.physicianId], notice);
  });
  await deliverSms(db, deps.sms, deps.log, pending);
  return reviewRecord(deps, actor, enrolmentId);
}

export function approveExemption(deps: ReviewDeps, actor: Actor, enrolmentId: number, body: z.output<typeof exemptionApproveBodySchema>, ip: string) {
  return decideExemption(deps, actor, enrolmentId, { approve: true, version: body.version }, ip);
}

export function rejectExemption(deps: ReviewDeps, actor: Actor, enrolmentId: number, body: z.output<typeof exemptionRejectBodySchema>, ip: string) {
  return decideExemption(deps, actor, enrolmentId, { approve: false, version: body.version, reason: body.reason }, ip);
}
