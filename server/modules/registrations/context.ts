// What every 报名 use case starts from: the signed-in physician, the province's current cycle, their enrolment
// in it, and the saved draft.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { TimelineEntry } from '../../../common/schemas/registration.js';
import { auditActions, type AuditAction } from '../../lib/audit.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { auditEvents, departments, enrolments, institutions, physicians, registrations } from '../../db/schema/index.js';
import { currentCycle, type CycleRow } from '../cycles/service.js';

export { SUBMITTABLE } from '../../../common/enrolment-machine.js';
export const RETURNED: readonly EnrolmentStatus[] = ['RETURNED_BY_INSTITUTION', 'RETURNED_BY_AUTHORITY'];

export async function physicianOf(db: Database | Tx, physicianId: number) {
  const [row] = await db
    .select({ physician: physicians, institutionName: institutions.name })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .where(eq(physicians.id, physicianId));
  return row;
}

export async function enrolmentOf(db: Database | Tx, cycleId: number, physicianId: number) {
  const [row] = await db.select().from(enrolments).where(and(eq(enrolments.cycleId, cycleId), eq(enrolments.physicianId, physicianId)));
  return row ?? null;
}

export async function registrationOf(db: Database | Tx, enrolmentId: number) {
  const [row] = await db.select().from(registrations).where(eq(registrations.enrolmentId, enrolmentId));
  return row ?? null;
}

export async function enabledDepartments(db: Database | Tx, institutionId: number) {
  return db.select().from(departments).where(and(eq(departments.institutionId, institutionId), eq(departments.status, 'enabled')));
}

export interface RegistrationContext {
  physician: typeof physicians.$inferSelect;
  institutionName: string;
  cycle: CycleRow | null;
  enrolment: typeof enrolments.$inferSelect | null;
  status: EnrolmentStatus | null;
}

export async function loadContext(db: Database, actor: Actor): Promise<RegistrationContext> {
  requireRole(actor, ['physician']);
  const { physician, institutionName } = await physicianOf(db, actor.orgId);
  const cycle = await currentCycle(db, actor.provinceCode);
  const enrolment = cycle ? await enrolmentOf(db, cycle.id, actor.orgId) : null;
  return { physician, institutionName, cycle, enrolment, status: (enrolment?.status as EnrolmentStatus | undefined) ?? null };
}

/** The enrolment's audit trail (its 提交日志): every transition with its reason, oldest first. */
export async function enrolmentTrail(db: Database, enrolmentId: number) {
  return db
    .select({ at: auditEvents.at, action: auditEvents.action, actorRole: auditEvents.actorRole, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'enrolment'), eq(auditEvents.targetId, String(enrolmentId))))
    .orderBy(auditEvents.at, auditEvents.id);
}

/** The reason of the latest 驳回 / 退回 into one of `statuses` (by default those that return it to the physician). */
export async function latestReturnReason(db: Database, enrolmentId: number, statuses: readonly EnrolmentStatus[] = RETURNED): Promise<string | null> {
  const [row] = await db
    .select({ reason: sql<string | null>`${auditEvents.after}->>'reason'` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, 'enrolment'),
        eq(auditEvents.targetId, String(enrolmentId)),
        inArray(sql`${auditEvents.after}->>'status'`, [...statuses]),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return row?.reason ?? null;
}

/** The enrolment's trail as the pages show it (提交日志, the physician's timeline): label, status reached, reason. */
export async function enrolmentTimeline(db: Database, enrolmentId: number): Promise<TimelineEntry[]> {
  return (await enrolmentTrail(db, enrolmentId)).map((event) => {
    const after = (event.after ?? {}) as { status?: EnrolmentStatus; reason?: string };
    return {
      at: event.at.toISOString(),
      action: event.action,
      label: auditActions[event.action as AuditAction] ?? event.action,
      actorRole: event.actorRole,
      status: after.status ?? null,
      reason: after.reason ?? null,
    };
  });
}
