// The record a reviewer opens (审核 / 复核 / 查看): 医师信息, 工作成绩、职业道德 with the evaluation and the other
// sites' opinions, 提交日志, and the buttons the actor may press now.
import { asc, eq } from 'drizzle-orm';
import { NOT_SUBMITTED, transition } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { Procedure } from '../../../common/papers.js';
import { checkSimplified, workloadKindsFor } from '../../../common/registration-rules.js';
import type { ConductStep, ExemptionStatus, PracticeStep, ProcedureStep } from '../../../common/schemas/registration.js';
import type { ReviewAction, ReviewRecord, Verdict } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { cycles, departments, enrolments, evaluations, registrations, reviewOpinions } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import { filesOf } from '../files/service.js';
import { physicianDetail } from '../physicians/records.js';
import { enrolmentTimeline, latestReturnReason } from '../registrations/context.js';
import { decisionBlock, type ReviewDeps } from './context.js';

/** Submitted and not returned: what a 免考 decision needs of the enrolment. */
export const isSubmitted = (status: EnrolmentStatus) => !NOT_SUBMITTED.includes(status);

/** The enrolment with its registration and evaluation (locked when `lock`), or 404. */
export async function loadReview(db: Database | Tx, enrolmentId: number, lock = false) {
  const query = db
    .select({ enrolment: enrolments, registration: registrations, evaluation: evaluations, cycleName: cycles.name })
    .from(enrolments)
    .innerJoin(registrations, eq(registrations.enrolmentId, enrolments.id))
    .innerJoin(cycles, eq(cycles.id, enrolments.cycleId))
    .leftJoin(evaluations, eq(evaluations.enrolmentId, enrolments.id))
    .where(eq(enrolments.id, enrolmentId));
  const [row] = lock ? await query.for('update', { of: [enrolments, registrations] }) : await query;
  if (!row || !row.registration.submittedAt) throw notFound('报名信息不存在');
  return row;
}
export type LoadedReview = Awaited<ReturnType<typeof loadReview>>;

/** The buttons of the record: the state machine and the 免考 status decide, a block disables them all. */
export function reviewActionsFor(actor: Actor, review: Pick<LoadedReview, 'enrolment' | 'registration'>, blocked: boolean): ReviewAction[] {
  if (blocked || (actor.role !== 'institution' && actor.role !== 'assessor')) return [];
  const status = review.enrolment.status as EnrolmentStatus;
  const actions: ReviewAction[] = [];
  if (actor.role === 'institution' && transition(status, 'institutionApprove', 'institution').ok) actions.push('approve', 'reject', 'addOpinion');
  if (actor.role === 'assessor' && transition(status, 'assessorApprove', 'assessor').ok) actions.push('approve', 'reject');
  const waiting: ExemptionStatus = actor.role === 'institution' ? 'pendingInstitution' : 'pendingAssessor';
  if (review.registration.exemptionStatus === waiting && isSubmitted(status)) actions.push('approveExemption', 'rejectExemption');
  return actions;
}

export async function reviewRecord(deps: ReviewDeps, actor: Actor, enrolmentId: number): Promise<ReviewRecord> {
  requireRole(actor, ['institution', 'assessor', 'authority']);
  const { db } = deps;
  await requireAccess(db, actor, 'enrolment.review', [enrolmentId]);
  const review = await loadReview(db, enrolmentId);
  const { enrolment, registration, evaluation } = review;
  const status = enrolment.status as EnrolmentStatus;
  const conduct = registration.conduct as ConductStep | null;
  const procedure = registration.procedure as ProcedureStep | null;
  const practice = registration.practice as PracticeStep | null;
  const [department] = practice ? await db.select({ subjects: departments.clinicalSubjects }).from(departments).where(eq(departments.id, practice.departmentId)) : [];
  const blockMessage = await decisionBlock(db, actor, await currentCycle(db, actor.provinceCode));
  const physician = await physicianDetail(deps, actor, enrolment.physicianId);
  return {
    enrolmentId: enrolment.id,
    version: enrolment.version,
    cycleName: review.cycleName,
    status,
    result: enrolment.result as Verdict | null,
    procedure: enrolment.procedure as Procedure | null,
    submittedAt: registration.submittedAt?.toISOString() ?? null,
    physician: { ...physician, actions: ['view'] },
    conduct: (conduct as unknown as Record<string, unknown>) ?? null,
    procedureStep: (procedure as unknown as Record<string, unknown>) ?? null,
    workloadKinds: workloadKindsFor(department?.subjects ?? []),
    files: (await filesOf(db, 'registration', registration.id)).map((f) => ({ id: f.id, slot: f.slot, name: f.name, size: f.size })),
    simplifiedCheck:
      procedure?.procedure === 'simplified'
        ? checkSimplified(procedure.simplifiedReason, {
            firstRegistrationDate: physician.practice.firstRegistrationDate,
            hasGoodRecord: conduct?.hasGoodRecord ?? null,
            hasBadRecord: conduct?.hasBadRecord ?? null,
          })
        : null,
    exemption: {
      requested: procedure?.exemptionRequested ?? false,
      reason: procedure?.exemptionReason ?? null,
      status: registration.exemptionStatus as ExemptionStatus,
      rejectReason: registration.exemptionRejectReason,
      version: registration.version,
    },
    evaluation: evaluation
      ? {
          workPerformance: evaluation.workPerformance as Verdict,
          workPerformanceReason: evaluation.workPerformanceReason,
          ethics: evaluation.ethics as Verdict,
          ethicsReason: evaluation.ethicsReason,
          evaluatedAt: evaluation.evaluatedAt.toISOString(),
        }
      : null,
    opinions: (
      await db.select().from(reviewOpinions).where(eq(reviewOpinions.enrolmentId, enrolment.id)).orderBy(asc(reviewOpinions.createdAt), asc(reviewOpinions.id))
    ).map((o) => ({ id: o.id, institutionName: o.institutionName, opinion: o.opinion, opinionDate: o.opinionDate, createdAt: o.createdAt.toISOString() })),
    returnReason: status === 'RETURNED_BY_ASSESSOR' ? await latestReturnReason(db, enrolment.id, ['RETURNED_BY_ASSESSOR']) : null,
    timeline: await enrolmentTimeline(db, enrolment.id),
    actions: reviewActionsFor(actor, review, blockMessage !== null),
    blockMessage,
  };
}
