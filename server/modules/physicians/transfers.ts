// 调离 and 调入 (seed 004 slides 9 and 11): a physician leaves an institution's roster with a reason, and
// only then can another institution — found by 证件号码 — take them onto its own.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { idTypes, type EnrolmentStatus } from '../../../common/enums.js';
import { REVIEW_PENDING, transition } from '../../../common/enrolment-machine.js';
import { normalizeIdNumber, normalizeResidentId } from '../../../common/id-number.js';
import { transferReasonLabels, type TransferReason } from '../../../common/physician-catalogs.js';
import type { TransferCandidate, transferOutBodySchema } from '../../../common/schemas/physician.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import { authorities, enrolments, institutions, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import type { RosterDeps } from './roster.js';

/**
 * 调离: the physician leaves the roster; a registration still being filled in is withdrawn from the cycle
 * (refused while a review is pending); a registration already reviewed keeps its record.
 */
export async function transferOut(deps: RosterDeps, actor: Actor, id: number, body: z.output<typeof transferOutBodySchema>, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  await requireAccess(db, actor, 'physician.read', [id]);
  const cycle = await currentCycle(db, actor.provinceCode);
  await db.transaction(async (tx) => {
    const [physician] = await tx.select({ id: physicians.id }).from(physicians).where(and(eq(physicians.id, id), isNull(physicians.transferredOutAt))).for('update');
    if (!physician) throw conflict('该医师已被调离');
    const reasonText = `调离：${transferReasonLabels[body.reason]}，${body.detail}`;
    if (cycle) {
      const [enrolment] = await tx.select().from(enrolments).where(and(eq(enrolments.cycleId, cycle.id), eq(enrolments.physicianId, id))).for('update');
      const status = (enrolment?.status as EnrolmentStatus | undefined) ?? 'NOT_ENROLLED';
      const withdrawal = transition(status, 'withdraw', 'institution');
      if (REVIEW_PENDING.includes(status) && !withdrawal.ok) throw conflict(withdrawal.reason);
      if (enrolment && withdrawal.ok) {
        await tx
          .update(enrolments)
          .set({ status: withdrawal.status, cancelReason: reasonText, version: enrolment.version + 1, updatedAt: new Date() })
          .where(eq(enrolments.id, enrolment.id));
        await recordAudit(tx, { action: 'enrolment.withdrawn', actor, targetType: 'enrolment', targetId: enrolment.id, before: { status }, after: { status: withdrawal.status, reason: reasonText, physicianId: id }, ip });
      }
    }
    await tx
      .update(physicians)
      .set({ transferredOutAt: new Date(), transferReason: body.reason, transferDetail: body.detail })
      .where(eq(physicians.id, id));
    await recordAudit(tx, { action: 'physician.transferredOut', actor, targetType: 'physician', targetId: id, after: { institutionId: actor.orgId, reason: body.reason, detail: body.detail }, ip });
  });
}

/**
 * 调入医师 search: by the full 证件号码 only (15 or 18 digits of a 身份证, or another ID's number), so
 * nobody can browse other institutions' physicians; the number is shown masked.
 */
export async function searchTransfer(deps: RosterDeps, actor: Actor, raw: string): Promise<{ items: TransferCandidate[] }> {
  requireRole(actor, ['institution']);
  const input = raw.trim();
  if (/^\d{14,18}[Xx]?$/.test(input)) {
    const resident = normalizeResidentId(input);
    if (!resident.ok) throw badRequest(`证件号码：${resident.message}`, { idNumber: resident.message });
  } else if (!idTypes.some((type) => normalizeIdNumber(type, input).ok)) {
    throw badRequest('证件号码：请输入完整的证件号码（身份证15位或18位）', { idNumber: '请输入完整的证件号码（身份证15位或18位）' });
  }
  const rows = await deps.db
    .select({
      id: physicians.id,
      name: physicians.name,
      idNumberMasked: physicians.idNumberMasked,
      licenseNumber: physicians.licenseNumber,
      institutionId: physicians.institutionId,
      institutionName: institutions.name,
      authorityName: authorities.name,
      transferredOutAt: physicians.transferredOutAt,
      transferReason: physicians.transferReason,
      transferDetail: physicians.transferDetail,
    })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .innerJoin(authorities, eq(authorities.id, institutions.authorityId))
    .where(eq(physicians.idNumberHash, deps.pii.idNumberHash(input)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumberMasked: r.idNumberMasked,
      licenseNumber: r.licenseNumber,
      authorityName: r.authorityName,
      institutionName: r.institutionName,
      transferredOut: r.transferredOutAt !== null,
      transferReason: r.transferReason as TransferReason | null,
      transferDetail: r.transferDetail,
      transferredOutAt: r.transferredOutAt ? r.transferredOutAt.toISOString() : null,
      ownRoster: r.transferredOutAt === null && r.institutionId === actor.orgId,
      canTransferIn: r.transferredOutAt !== null,
    })),
  };
}

/** 调入: only a physician whom the previous institution transferred out; they arrive without a 科室. */
export async function transferIn(deps: RosterDeps, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  const cycle = await currentCycle(db, actor.provinceCode);
  await db.transaction(async (tx) => {
    const [physician] = await tx
      .select({ institutionId: physicians.institutionId, transferredOutAt: physicians.transferredOutAt })
      .from(physicians)
      .where(eq(physicians.id, id))
      .for('update');
    if (!physician) throw notFound('医师不存在');
    if (!physician.transferredOutAt) throw conflict('医师未被原单位调离，需联系原单位先调离');
    await tx
      .update(physicians)
      .set({ institutionId: actor.orgId, departmentId: null, transferredOutAt: null, transferReason: null, transferDetail: null })
      .where(and(eq(physicians.id, id), isNotNull(physicians.transferredOutAt)));
    // This cycle's enrolment follows the physician: the new institution enrols, reviews and follows them
    // from now on (and the roster finds enrolments by institution).
    if (cycle) {
      await tx
        .update(enrolments)
        .set({ institutionId: actor.orgId, updatedAt: new Date() })
        .where(and(eq(enrolments.cycleId, cycle.id), eq(enrolments.physicianId, id)));
    }
    await recordAudit(tx, {
      action: 'physician.transferredIn',
      actor,
      targetType: 'physician',
      targetId: id,
      before: { institutionId: physician.institutionId },
      after: { institutionId: actor.orgId },
      ip,
    });
  });
}
