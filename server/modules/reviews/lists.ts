// The 审核 / 复核 lists: 一般程序, 简易程序 and 免考, 未审核 / 已审核, with the filters of seed 003 §2.2.6–2.2.8.
import { and, asc, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { NOT_SUBMITTED } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { ReviewList, ReviewListQuery } from '../../../common/schemas/review.js';
import { regionPrefix } from '../../../common/regions.js';
import type { Procedure } from '../../../common/papers.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { assessorAssignments, departments, enrolments, institutions, physicians, registrations } from '../../db/schema/index.js';
import { currentCycle } from '../cycles/service.js';
import { idNumberCondition } from '../physicians/roster.js';
import { physicianConditions, type RosterScope } from '../physicians/repository.js';
import { decisionBlock, type ReviewDeps } from './context.js';

type Side = 'institution' | 'assessor' | 'authority';

/** The enrolment statuses of each registration list, per side and tab. */
const registrationStatuses: Record<Side, Record<'pending' | 'reviewed', readonly EnrolmentStatus[]>> = {
  institution: {
    pending: ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR'],
    reviewed: ['RETURNED_BY_INSTITUTION', 'PENDING_ASSESSOR_REVIEW', 'AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'],
  },
  assessor: {
    pending: ['PENDING_ASSESSOR_REVIEW'],
    reviewed: ['RETURNED_BY_ASSESSOR', 'AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'],
  },
  authority: {
    pending: ['PENDING_INSTITUTION_REVIEW', 'RETURNED_BY_ASSESSOR', 'PENDING_ASSESSOR_REVIEW'],
    reviewed: ['RETURNED_BY_INSTITUTION', 'AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'],
  },
};

/** The 免考 statuses of each exemption list. */
const exemptionStatusesOf: Record<Side, Record<'pending' | 'reviewed', readonly ExemptionStatus[]>> = {
  institution: { pending: ['pendingInstitution'], reviewed: ['pendingAssessor', 'approved', 'rejected'] },
  assessor: { pending: ['pendingAssessor'], reviewed: ['approved', 'rejected'] },
  authority: { pending: ['pendingInstitution', 'pendingAssessor'], reviewed: ['approved', 'rejected'] },
};


function sideOf(actor: Actor): Side {
  requireRole(actor, ['institution', 'assessor', 'authority']);
  return actor.role as Side;
}

/** Whose enrolments the actor sees in `cycleId`. */
function scopeConditions(actor: Actor, cycleId: number, institutionId: number | undefined): SQL[] {
  const conditions: SQL[] = [eq(enrolments.cycleId, cycleId)];
  if (actor.role === 'institution') return [...conditions, eq(enrolments.institutionId, actor.orgId)];
  if (institutionId) conditions.push(eq(enrolments.institutionId, institutionId));
  if (actor.role === 'assessor') {
    conditions.push(
      inArray(
        enrolments.institutionId,
        sql`(select ${assessorAssignments.institutionId} from ${assessorAssignments} where ${assessorAssignments.cycleId} = ${cycleId} and ${assessorAssignments.assignedAssessorId} = ${actor.orgId})`,
      ),
    );
  } else {
    conditions.push(
      inArray(enrolments.institutionId, sql`(select ${institutions.id} from ${institutions} where ${institutions.regionCode} like ${`${regionPrefix(actor.regionCode)}%`})`),
    );
  }
  return conditions;
}

/** A 证件号码 filter is resolved within the widest scope the actor could see; the list's own scope still applies. */
function idScope(actor: Actor): RosterScope {
  return actor.role === 'institution' ? { institutionId: actor.orgId } : { regionCode: actor.role === 'assessor' ? actor.provinceCode : actor.regionCode };
}

export async function listReviews(deps: Pick<ReviewDeps, 'db' | 'pii'>, actor: Actor, query: ReviewListQuery): Promise<ReviewList> {
  const side = sideOf(actor);
  const { db } = deps;
  const cycle = await currentCycle(db, actor.provinceCode);
  const blockMessage = await decisionBlock(db, actor, cycle);
  if (!cycle) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, blockMessage };

  // Two steps, as the 医师列表 does: the page's ids from enrolments (and only the tables a filter needs), then the
  // columns for those rows. The queue is worked oldest first: by when each registration reached this list.
  const where = scopeConditions(actor, cycle.id, query.institutionId);
  const exemptionWhere: SQL[] = [];
  if (query.kind === 'exemption') {
    exemptionWhere.push(inArray(registrations.exemptionStatus, [...exemptionStatusesOf[side][query.tab]]));
    // A returned registration's 免考 waits for the next 提交.
    where.push(notInArray(enrolments.status, [...NOT_SUBMITTED]));
    if (query.procedure) where.push(eq(enrolments.procedure, query.procedure));
  } else {
    where.push(eq(enrolments.procedure, query.kind));
    let statuses = registrationStatuses[side][query.tab];
    if (side === 'institution' && query.tab === 'pending' && query.pendingKind) {
      statuses = [query.pendingKind === 'submitted' ? 'PENDING_INSTITUTION_REVIEW' : 'RETURNED_BY_ASSESSOR'];
    }
    where.push(inArray(enrolments.status, [...statuses]));
  }
  const narrow = actor.role !== 'authority' || Boolean(query.institutionId);
  const physicianWhere = physicianConditions(query, await idNumberCondition(deps, idScope(actor), query.idNumber), narrow);

  // Filters on other tables are semi-joins, so the page is cut from enrolments alone.
  if (physicianWhere.length) {
    where.push(sql`exists (select 1 from ${physicians} where ${physicians.id} = ${enrolments.physicianId} and ${and(...physicianWhere)})`);
  }
  if (query.kind === 'exemption') {
    where.push(sql`exists (select 1 from ${registrations} where ${registrations.enrolmentId} = ${enrolments.id} and ${and(...exemptionWhere)})`);
  }
  const [{ n: total }] = await db.select({ n: count() }).from(enrolments).where(and(...where));
  const pageIds = (
    await db
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(...where))
      .orderBy(asc(enrolments.updatedAt), asc(enrolments.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
  ).map((r) => r.id);
  const found = pageIds.length === 0 ? [] : await db
    .select({
      enrolmentId: enrolments.id,
      physicianId: physicians.id,
      version: enrolments.version,
      exemptionVersion: registrations.version,
      institutionId: institutions.id,
      institutionName: institutions.name,
      departmentName: departments.name,
      name: physicians.name,
      idNumberMasked: physicians.idNumberMasked,
      practiceCategory: physicians.practiceCategory,
      physicianLevel: physicians.physicianLevel,
      procedure: enrolments.procedure,
      firstRegistrationDate: physicians.firstRegistrationDate,
      status: enrolments.status,
      exemptionStatus: registrations.exemptionStatus,
      submittedAt: registrations.submittedAt,
    })
    .from(enrolments)
    .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
    .innerJoin(institutions, eq(institutions.id, enrolments.institutionId))
    .innerJoin(registrations, eq(registrations.enrolmentId, enrolments.id))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .where(inArray(enrolments.id, pageIds));
  const rows = pageIds.map((id) => found.find((r) => r.enrolmentId === id)!);
  return {
    items: rows.map((r) => ({
      ...r,
      practiceCategory: r.practiceCategory as ReviewList['items'][number]['practiceCategory'],
      physicianLevel: r.physicianLevel as ReviewList['items'][number]['physicianLevel'],
      procedure: r.procedure as Procedure | null,
      status: r.status as EnrolmentStatus,
      exemptionStatus: r.exemptionStatus as ExemptionStatus,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    blockMessage,
  };
}
