// 待处理任务 of the review chain, counted in one aggregate statement: what waits for an institution's 审核
// (一般程序 / 简易程序 / 免考) or for an assessor's 复核 in the current cycle.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, enrolments, registrations } from '../../db/schema/index.js';

export interface ReviewCounts {
  standard: number;
  simplified: number;
  exemption: number;
}

/** Registrations waiting for the institution: new ones, and those its assessor returned. */
const institutionStatuses: EnrolmentStatus[] = ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR'];
const assessorStatuses: EnrolmentStatus[] = ['PENDING_ASSESSOR_REVIEW'];

const countWhere = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * Counts the enrolments of `scope` in `statuses` by procedure, and the registrations whose 免考 is `exemption`.
 * The registration is joined only when its 免考 waits (one unique-index probe per enrolment of the scope).
 */
async function countReviews(db: Database, scope: SQL | undefined, statuses: EnrolmentStatus[], exemption: ExemptionStatus, assessorId?: number): Promise<ReviewCounts> {
  const waiting = inArray(enrolments.status, statuses);
  let query = db
    .select({
      standard: countWhere(and(waiting, eq(enrolments.procedure, 'standard'))),
      simplified: countWhere(and(waiting, eq(enrolments.procedure, 'simplified'))),
      exemption: sql<number>`count(${registrations.id})`.mapWith(Number),
    })
    .from(enrolments)
    .leftJoin(registrations, and(eq(registrations.enrolmentId, enrolments.id), eq(registrations.exemptionStatus, exemption)))
    .$dynamic();
  if (assessorId !== undefined) {
    query = query.innerJoin(
      assessorAssignments,
      and(eq(assessorAssignments.cycleId, enrolments.cycleId), eq(assessorAssignments.institutionId, enrolments.institutionId), eq(assessorAssignments.assignedAssessorId, assessorId)),
    );
  }
  const [row] = await query.where(scope);
  return row;
}

/** 一般程序待审核, 简易程序待审核, 免考申请待审核 of one institution in the cycle. */
export function institutionReviewCounts(db: Database, cycleId: number, institutionId: number): Promise<ReviewCounts> {
  return countReviews(db, and(eq(enrolments.cycleId, cycleId), eq(enrolments.institutionId, institutionId)), institutionStatuses, 'pendingInstitution');
}

/** 一般程序待复核, 简易程序待复核, 免考申请待复核 of the institutions assigned to the assessor in the cycle. */
export function assessorReviewCounts(db: Database, cycleId: number, assessorId: number): Promise<ReviewCounts> {
  return countReviews(db, eq(enrolments.cycleId, cycleId), assessorStatuses, 'pendingAssessor', assessorId);
}
