// 免考审核 (institution) and 免考复核 (assessor): the 免考 status beside the enrolment's —
// 待医疗卫生机构审核 → 待考核机构复核 → 免考通过, or 免考驳回 with a reason at either step.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { exemptionApproveBodySchema, exemptionRejectBodySchema, ReviewRecord } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess } from '../../auth/access.js';
import { registrations } from '../../db/schema/index.js';
import { recordAudit, type AuditAction } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { deliverSms, notifyPhysicians } from '../messages/notify.js';
import { requireDecisionAllowed, reviewerOf, staleReview, type Reviewer, type ReviewDeps } from './context.js';
import { isSubmitted, loadReview, reviewRecord } from './record.js';
import * as texts from './texts.js';

const waitingFor: Record<Reviewer, ExemptionStatus> = { institution: 'pendingInstitution', assessor: 'pendingAssessor' };
const approvedTo: Record<Reviewer, ExemptionStatus> = { institution: 'pendingAssessor', assessor: 'approved' };
const auditOf: Record<Reviewer, { approve: AuditAction; reject: AuditAction }> = {
  institution: { approve: 'exemption.approvedByInstitution', reject: 'exemption.rejectedByInstitution' },
  assessor: { approve: 'exemption.approvedByAssessor', reject: 'exemption.rejectedByAssessor' },
};

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
  const pending = await db.transaction(async (tx) => {
    const { enrolment, registration } = await loadReview(tx, enrolmentId, true);
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
    await recordAudit(tx, {
      action: decision.approve ? auditOf[reviewer].approve : auditOf[reviewer].reject,
      actor,
      targetType: 'enrolment',
      targetId: enrolmentId,
      before: { exemptionStatus: registration.exemptionStatus },
      after: { exemptionStatus: next, ...(reason ? { reason } : {}) },
      ip,
    });
    const notice = decision.approve ? texts.exemptionApproved(reviewer === 'assessor') : texts.exemptionRejected(decision.reason);
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
