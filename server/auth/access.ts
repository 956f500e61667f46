// The one access module (after immich's access.ts): every service method names the actor and the
// permission first. What an actor may not see answers 404, so other tenants' records are not revealed.
import { and, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { AccountKind, Role } from '../../common/enums.js';
import { regionPrefix } from '../../common/regions.js';
import type { Database } from '../db/client.js';
import {
  accounts,
  assessorApplications,
  assessorAssignments,
  assessorCommitteeMembers,
  authorities,
  cycles,
  departments,
  enrolments,
  files,
  institutions,
  notices,
  physicianChangeRequests,
  physicians,
  registrations,
} from '../db/schema/index.js';
import { forbidden, notFound } from '../lib/errors.js';

export interface Actor {
  accountId: number;
  kind: AccountKind;
  role: Role;
  /** authority id, institution id (also while acting as assessor), or physician id. */
  orgId: number;
  regionCode: string;
  provinceCode: string;
}

export const permissions = [
  'physician.read',
  'physician.idNumber.view',
  'account.unlock',
  'account.resetPassword',
  'institution.read',
  'institution.manage',
  'department.manage',
  'assessorApplication.review',
  'committeeMember.manage',
  'notice.manage',
  'changeRequest.review',
  'enrolment.review',
] as const;
export type Permission = (typeof permissions)[number];

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden('当前身份无权执行此操作');
}

/** Institutions assigned to this assessor in its province's current cycle. */
function assignedInstitutionIds(db: Database, assessorInstitutionId: number) {
  return db
    .select({ id: assessorAssignments.institutionId })
    .from(assessorAssignments)
    .innerJoin(cycles, eq(cycles.id, assessorAssignments.cycleId))
    .where(and(eq(assessorAssignments.assignedAssessorId, assessorInstitutionId), eq(cycles.isCurrent, true)));
}

const inJurisdiction = (actor: Actor) => like(institutions.regionCode, `${regionPrefix(actor.regionCode)}%`);

/**
 * THE rule of who may act on a physician, as a condition on `physicians`: the physician themself; their
 * institution, its assigned 考核机构 and the authorities whose jurisdiction holds it. A physician 调离 belongs to
 * no organisation until another institution 调入 them, so nobody but themself reaches them meanwhile. Every
 * permission that reaches a physician through another id (account, file, registration, enrolment, change
 * request) joins `physicians` and applies this condition; there is no second copy of it.
 */
function physicianRule(db: Database, actor: Actor): SQL {
  if (actor.role === 'physician') return eq(physicians.id, actor.orgId);
  const held = isNull(physicians.transferredOutAt);
  switch (actor.role) {
    case 'institution':
      return and(held, eq(physicians.institutionId, actor.orgId))!;
    case 'assessor':
      return and(held, inArray(physicians.institutionId, assignedInstitutionIds(db, actor.orgId)))!;
    case 'authority':
      return and(held, inArray(physicians.institutionId, db.select({ id: institutions.id }).from(institutions).where(inJurisdiction(actor))))!;
  }
}

async function physiciansVisible(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  const rows = await db.select({ id: physicians.id }).from(physicians).where(and(inArray(physicians.id, ids), physicianRule(db, actor)));
  return rows.map((r) => r.id);
}

/**
 * An account's superiors may unlock it and reset its password. A physician's account: whoever the physician rule
 * lets act on the physician, among institutions and authorities. An institution's account: the authorities whose
 * jurisdiction holds it; an authority's: the authorities strictly above it.
 */
async function accountsUnlockable(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'institution' && actor.role !== 'authority') return [];
  const ofPhysicians = (
    await db.select({ id: accounts.id }).from(accounts)
      .innerJoin(physicians, eq(physicians.id, accounts.physicianId))
      .where(and(inArray(accounts.id, ids), physicianRule(db, actor)))
  ).map((r) => r.id);
  if (actor.role !== 'authority') return ofPhysicians;
  const prefix = `${regionPrefix(actor.regionCode)}%`;
  const ofOrganisations = await db
    .select({ id: accounts.id })
    .from(accounts)
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(institutions, eq(institutions.id, accounts.institutionId))
    .where(
      and(
        inArray(accounts.id, ids),
        isNull(accounts.physicianId),
        sql`(
          (${institutions.regionCode} like ${prefix})
          or (${authorities.regionCode} like ${prefix} and ${authorities.regionCode} <> ${actor.regionCode})
        )`,
      ),
    );
  return [...ofPhysicians, ...ofOrganisations.map((r) => r.id)];
}


/** Authorities manage the institutions of their jurisdiction (any level above them). */
async function institutionsManaged(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'authority') return [];
  const rows = await db.select({ id: institutions.id }).from(institutions).where(and(inArray(institutions.id, ids), inJurisdiction(actor)));
  return rows.map((r) => r.id);
}

/** Authorities see their jurisdiction's institutions; an institution itself; an assessor itself and those assigned to it. */
async function institutionsVisible(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  switch (actor.role) {
    case 'authority':
      return institutionsManaged(db, actor, ids);
    case 'institution':
      return ids.filter((id) => id === actor.orgId);
    case 'assessor': {
      const assigned = (await db.select({ id: institutions.id }).from(institutions)
        .where(and(inArray(institutions.id, ids), inArray(institutions.id, assignedInstitutionIds(db, actor.orgId))))).map((r) => r.id);
      return ids.filter((id) => id === actor.orgId || assigned.includes(id));
    }
    case 'physician':
      return [];
  }
}

async function departmentsOwned(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'institution') return [];
  const rows = await db.select({ id: departments.id }).from(departments)
    .where(and(inArray(departments.id, ids), eq(departments.institutionId, actor.orgId)));
  return rows.map((r) => r.id);
}

async function applicationsReviewable(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'authority') return [];
  const rows = await db.select({ id: assessorApplications.id }).from(assessorApplications)
    .innerJoin(institutions, eq(institutions.id, assessorApplications.institutionId))
    .where(and(inArray(assessorApplications.id, ids), inJurisdiction(actor)));
  return rows.map((r) => r.id);
}

async function committeeMembersOwned(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  // The committee belongs to the institution, whichever of its two roles the account acts in.
  if (actor.role !== 'institution' && actor.role !== 'assessor') return [];
  const rows = await db.select({ id: assessorCommitteeMembers.id }).from(assessorCommitteeMembers)
    .where(and(inArray(assessorCommitteeMembers.id, ids), eq(assessorCommitteeMembers.institutionId, actor.orgId)));
  return rows.map((r) => r.id);
}

async function noticesOwned(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'authority') return [];
  const rows = await db.select({ id: notices.id }).from(notices).where(and(inArray(notices.id, ids), eq(notices.authorityId, actor.orgId)));
  return rows.map((r) => r.id);
}

/** 医师信息修改申请 are reviewed by the institution they were addressed to, while the physician rule lets it act on the physician. */
async function changeRequestsReviewable(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role !== 'institution') return [];
  const rows = await db.select({ id: physicianChangeRequests.id }).from(physicianChangeRequests)
    .innerJoin(physicians, eq(physicians.id, physicianChangeRequests.physicianId))
    .where(and(inArray(physicianChangeRequests.id, ids), eq(physicianChangeRequests.institutionId, actor.orgId), physicianRule(db, actor)));
  return rows.map((r) => r.id);
}

/**
 * 审核 / 复核 records (enrolments), always within the physician rule: the institution its own; the assessor those
 * of the institutions assigned to it for that enrolment's cycle; the authority those of its jurisdiction
 * (read-only, the services decide what it may do).
 */
async function enrolmentsVisible(db: Database, actor: Actor, ids: number[]): Promise<number[]> {
  if (actor.role === 'physician') return [];
  const base = db.select({ id: enrolments.id }).from(enrolments).innerJoin(physicians, eq(physicians.id, enrolments.physicianId));
  const where = and(inArray(enrolments.id, ids), physicianRule(db, actor));
  switch (actor.role) {
    case 'institution':
      return (await base.where(and(where, eq(enrolments.institutionId, actor.orgId)))).map((r) => r.id);
    case 'assessor':
      return (
        await base
          .innerJoin(assessorAssignments, and(eq(assessorAssignments.cycleId, enrolments.cycleId), eq(assessorAssignments.institutionId, enrolments.institutionId)))
          .where(and(where, eq(assessorAssignments.assignedAssessorId, actor.orgId)))
      ).map((r) => r.id);
    case 'authority':
      return (
        await base.innerJoin(institutions, eq(institutions.id, enrolments.institutionId)).where(and(where, inJurisdiction(actor)))
      ).map((r) => r.id);
  }
}

const checkers: Record<Permission, (db: Database, actor: Actor, ids: number[]) => Promise<number[]>> = {
  'physician.read': physiciansVisible,
  'physician.idNumber.view': physiciansVisible,
  'account.unlock': accountsUnlockable,
  'account.resetPassword': accountsUnlockable,
  'institution.read': institutionsVisible,
  'institution.manage': institutionsManaged,
  'department.manage': departmentsOwned,
  'assessorApplication.review': applicationsReviewable,
  'committeeMember.manage': committeeMembersOwned,
  'notice.manage': noticesOwned,
  'changeRequest.review': changeRequestsReviewable,
  'enrolment.review': enrolmentsVisible,
};

/** Throws 404 unless the actor holds `permission` on every id. */
export async function requireAccess(db: Database, actor: Actor, permission: Permission, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const allowed = new Set(await checkers[permission](db, actor, unique));
  if (unique.some((id) => !allowed.has(id))) throw notFound();
}

/**
 * Who may download a file depends on what it belongs to: a published notice's files are public; a draft
 * notice's only for its authority; an assessor application's for the applying institution and the
 * authorities above it; a physician's photo for whoever may see the physician. Anything else, or no file: 404.
 */
export async function requireFileAccess(db: Database, actor: Actor | null, fileId: string): Promise<typeof files.$inferSelect> {
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound('文件不存在');
  let allowed = false;
  if (file.ownerType === 'physicianPhoto') {
    allowed = Boolean(actor) && (await physiciansVisible(db, actor!, [file.ownerId])).length === 1;
  } else if (file.ownerType === 'registration' && actor) {
    const [registration] = await db.select({ physicianId: registrations.physicianId }).from(registrations).where(eq(registrations.id, file.ownerId));
    allowed = Boolean(registration) && (await physiciansVisible(db, actor, [registration.physicianId])).length === 1;
  } else if (file.ownerType === 'notice') {
    const [notice] = await db.select().from(notices).where(eq(notices.id, file.ownerId));
    allowed = Boolean(notice) && (notice.status === 'published' || (actor?.role === 'authority' && actor.orgId === notice.authorityId));
  } else if (file.ownerType === 'assessorApplication' && actor) {
    const [application] = await db.select().from(assessorApplications).where(eq(assessorApplications.id, file.ownerId));
    if (application) {
      allowed =
        ((actor.role === 'institution' || actor.role === 'assessor') && actor.orgId === application.institutionId) ||
        (await applicationsReviewable(db, actor, [application.id])).length === 1;
    }
  }
  if (!allowed) throw notFound('文件不存在');
  return file;
}
