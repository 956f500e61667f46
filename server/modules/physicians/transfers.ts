// 调离 and 调入 (seed 004 slides 9 and 11): a physician leaves an institution's roster with a reason, and
// only then can another institution — found by 证件号码 — take them onto its own.
import { and, eq, isNotNull, isNull, like } from 'drizzle-orm';
import { idTypes, type EnrolmentStatus } from '../../../common/enums.js';
import { REVIEW_PENDING, transition } from '../../../common/enrolment-machine.js';
import { normalizeIdNumber, normalizeResidentId } from '../../../common/id-number.js';
import { transferReasonLabels, type TransferReason } from '../../../common/physician-catalogs.js';
import { regionPrefix } from '../../../common/regions.js';
import type { TransferCandidate, transferOutBodySchema } from '../../../common/schemas/physician.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Tx } from '../../db/client.js';
import { authorities, enrolments, institutions, physicianChangeRequests, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import type { RosterDeps } from './roster.js';

/** The answer to every 调入 that may not happen, whether the physician does not exist or is not the actor's to take. */
export const NOT_TRANSFERABLE = '未找到可调入的医师，请核对证件号码；医师须已被原单位调离';
export const TRANSFERRED_OUT_REASON = '医师已被原单位调离';

/**
 * 调离: the physician leaves the roster, and this cycle's enrolment leaves the institution with them: held by no
 * institution (no 考核进度, 审核 list or 医师列表 shows it) until another institution 调入 them, when it follows them.
 * A registration still being filled in is withdrawn from the cycle; one waiting for a review cannot be 调离; one
 * past review (待参加考核 … 考核完成) keeps its status, evaluations and result: their record stays. A pending
 * 信息修改申请 is closed, since the institution asked can no longer decide it.
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
      if (enrolment) {
        const withdrawn = withdrawal.ok ? { status: withdrawal.status, cancelReason: reasonText, version: enrolment.version + 1 } : {};
        await tx.update(enrolments).set({ ...withdrawn, institutionId: null, updatedAt: new Date() }).where(eq(enrolments.id, enrolment.id));
        if (withdrawal.ok) {
          await recordAudit(tx, { action: 'enrolment.withdrawn', actor, targetType: 'enrolment', targetId: enrolment.id, before: { status }, after: { status: withdrawal.status, reason: reasonText, physicianId: id }, ip });
        }
      }
    }
    await closePendingChangeRequests(tx, actor, id, ip);
    await tx
      .update(physicians)
      .set({ transferredOutAt: new Date(), transferReason: body.reason, transferDetail: body.detail })
      .where(eq(physicians.id, id));
    await recordAudit(tx, { action: 'physician.transferredOut', actor, targetType: 'physician', targetId: id, after: { institutionId: actor.orgId, reason: body.reason, detail: body.detail }, ip });
  });
}

async function closePendingChangeRequests(tx: Tx, actor: Actor, physicianId: number, ip: string): Promise<void> {
  const closed = await tx
    .update(physicianChangeRequests)
    .set({ status: 'rejected', rejectReason: TRANSFERRED_OUT_REASON, reviewedBy: actor.accountId, reviewedAt: new Date() })
    .where(and(eq(physicianChangeRequests.physicianId, physicianId), eq(physicianChangeRequests.status, 'pending')))
    .returning({ id: physicianChangeRequests.id });
  for (const { id } of closed) {
    await recordAudit(tx, {
      action: 'changeRequest.rejected',
      actor,
      targetType: 'changeRequest',
      targetId: id,
      before: { physicianId, status: 'pending' },
      after: { physicianId, status: 'rejected', reason: TRANSFERRED_OUT_REASON },
      ip,
    });
  }
}

/** The 证件号码 of a 调入 search or 调入: the whole number of a 身份证 (15 or 18 digits) or of another ID, else 400. */
function transferIdNumber(raw: string): string {
  const input = raw.trim();
  if (/^\d{14,18}[Xx]?$/.test(input)) {
    const resident = normalizeResidentId(input);
    if (!resident.ok) throw badRequest(`证件号码：${resident.message}`, { idNumber: resident.message });
  } else if (!idTypes.some((type) => normalizeIdNumber(type, input).ok)) {
    throw badRequest('证件号码：请输入完整的证件号码（身份证15位或18位）', { idNumber: '请输入完整的证件号码（身份证15位或18位）' });
  }
  return input;
}

/** Physicians of the actor's province only: 调入 never crosses a province. */
const inProvince = (actor: Actor) => like(institutions.regionCode, `${regionPrefix(actor.provinceCode)}%`);

/**
 * 调入医师 search: by the full 证件号码 only (15 or 18 digits of a 身份证, or another ID's number), sent in the
 * body so it never reaches a URL or a log; within the actor's province; the number is shown masked.
 */
export async function searchTransfer(deps: RosterDeps, actor: Actor, raw: string): Promise<{ items: TransferCandidate[] }> {
  requireRole(actor, ['institution']);
  const input = transferIdNumber(raw);
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
    .where(and(eq(physicians.idNumberHash, deps.pii.idNumberHash(input)), inProvince(actor)));
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

/**
 * 调入: of the physician the search found — the id and the full 证件号码 must name the same person (blind index) —
 * whom the previous institution transferred out, within the province; they arrive without a 科室. Whatever the
 * reason it cannot happen (no such id, another number, not transferred out, another province), the answer is the
 * same 404, so it tells nothing about who exists.
 */
export async function transferIn(deps: RosterDeps, actor: Actor, id: number, rawIdNumber: string, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  const idNumberHash = deps.pii.idNumberHash(transferIdNumber(rawIdNumber));
  const cycle = await currentCycle(db, actor.provinceCode);
  await db.transaction(async (tx) => {
    const [physician] = await tx
      .select({ institutionId: physicians.institutionId })
      .from(physicians)
      .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
      .where(and(eq(physicians.id, id), eq(physicians.idNumberHash, idNumberHash), isNotNull(physicians.transferredOutAt), inProvince(actor)))
      .for('update', { of: physicians });
    if (!physician) throw notFound(NOT_TRANSFERABLE);
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
