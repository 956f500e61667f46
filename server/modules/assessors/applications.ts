// 申请考核机构 (seed 004 slide 4, seed 002 §1.4): an institution whose authority opened the permission
// uploads the five attachments and submits; after 驳回 it may apply again. Approval is the authority's.
import { and, desc, eq } from 'drizzle-orm';
import { windowLabels } from '../../../common/enums.js';
import { windowState } from '../../../common/schedule.js';
import { applicationFileMaxMb, applicationSlots, slotField, type ApplicationFile, type MyApplication } from '../../../common/schemas/assessor.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { assessorApplicationPermissions, assessorApplications, assessors } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, conflict, forbidden } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { MB, checkUpload, fileKinds, type CheckedUpload } from '../../lib/uploads.js';
import { currentCycle, type CycleRow } from '../cycles/service.js';
import { windowOf } from '../cycles/windows.js';
import { filesOf, withStoredFiles } from '../files/service.js';
import { iso, requireCurrentCycle } from './shared.js';
import type { SlotUpload } from './upload-slots.js';

export const NOT_OPENED = '本机构未开通申请考核机构权限，请联系隶属卫生行政部门';
export const ALREADY_ASSESSOR = '本机构已是考核机构，无需再次申请';
export const ALREADY_PENDING = '本机构的考核机构申请正在审核中，请勿重复提交';

export async function applicationFiles(db: Database | Tx, applicationId: number): Promise<ApplicationFile[]> {
  const rows = await filesOf(db, 'assessorApplication', applicationId);
  return rows.map((f) => ({ id: f.id, slot: f.slot, name: f.name, size: f.size }));
}

/** What stands in the way of applying in this cycle (permission, assessor already, pending or approved application). */
async function standing(db: Database | Tx, cycleId: number, institutionId: number) {
  const [permission] = await db
    .select({ openedAt: assessorApplicationPermissions.openedAt })
    .from(assessorApplicationPermissions)
    .where(and(eq(assessorApplicationPermissions.cycleId, cycleId), eq(assessorApplicationPermissions.institutionId, institutionId)));
  const [assessor] = await db
    .select({ approvedAt: assessors.approvedAt })
    .from(assessors)
    .where(and(eq(assessors.cycleId, cycleId), eq(assessors.institutionId, institutionId)));
  const [latest] = await db
    .select()
    .from(assessorApplications)
    .where(and(eq(assessorApplications.cycleId, cycleId), eq(assessorApplications.institutionId, institutionId)))
    .orderBy(desc(assessorApplications.submittedAt), desc(assessorApplications.id))
    .limit(1);
  return { permissionOpened: Boolean(permission), isAssessor: Boolean(assessor), latest: latest ?? null };
}

type Standing = Awaited<ReturnType<typeof standing>>;

/**
 * The reason the institution may not apply now, or null: already 考核机构, outside the 考核机构申请 window (the
 * same messages as requireWindowOpen), permission not opened, an application pending.
 */
function refusal(cycle: CycleRow, s: Standing): AppError | null {
  if (s.isAssessor || s.latest?.status === 'approved') return conflict(ALREADY_ASSESSOR);
  const { start, end } = windowOf(cycle, 'assessorApplication');
  const state = windowState(start, end);
  if (state === 'notStarted') return new AppError(409, 'WINDOW_NOT_STARTED', `${windowLabels.assessorApplication}时间未开始（${start} 至 ${end}）`);
  if (state === 'ended') return new AppError(409, 'WINDOW_ENDED', `${windowLabels.assessorApplication}时间已结束（${start} 至 ${end}）`);
  if (!s.permissionOpened) return forbidden(NOT_OPENED);
  if (s.latest?.status === 'pending') return conflict(ALREADY_PENDING);
  return null;
}

export async function myApplication(db: Database, actor: Actor): Promise<MyApplication> {
  requireRole(actor, ['institution']);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) {
    return { cycle: null, window: null, permissionOpened: false, isAssessor: false, application: null, canApply: false, reason: '当前没有进行中的考核周期' };
  }
  const s = await standing(db, cycle.id, actor.orgId);
  const { start, end } = windowOf(cycle, 'assessorApplication');
  const refused = refusal(cycle, s);
  return {
    cycle: { id: cycle.id, name: cycle.name },
    window: { start, end, state: windowState(start, end) },
    permissionOpened: s.permissionOpened,
    isAssessor: s.isAssessor,
    application: s.latest
      ? {
          id: s.latest.id,
          cycleName: cycle.name,
          status: s.latest.status as 'pending' | 'approved' | 'rejected',
          submittedAt: iso(s.latest.submittedAt)!,
          reviewedAt: iso(s.latest.reviewedAt),
          rejectReason: s.latest.rejectReason,
          files: await applicationFiles(db, s.latest.id),
        }
      : null,
    canApply: refused === null,
    reason: refused?.message ?? null,
  };
}

export interface SubmitInput {
  /** Reads the uploaded files; called only once the institution may apply, so a refused request is not stored. */
  readUploads: () => Promise<Map<number, SlotUpload>>;
  ip: string;
}

export async function submitApplication(db: Database, storage: Storage, actor: Actor, input: SubmitInput): Promise<MyApplication> {
  requireRole(actor, ['institution']);
  const cycle = await requireCurrentCycle(db, actor.provinceCode);
  const refused = refusal(cycle, await standing(db, cycle.id, actor.orgId));
  if (refused) throw refused;

  const uploads = await input.readUploads();
  const missing = applicationSlots.filter((s) => s.required && !uploads.has(s.slot));
  if (missing.length) {
    const first = missing[0];
    throw badRequest(
      `请上传附件：${first.slot}. ${first.label}`,
      Object.fromEntries(missing.map((s) => [slotField(s.slot), `请上传${s.label}`])),
    );
  }
  const checked: { upload: SlotUpload; type: CheckedUpload }[] = [];
  for (const upload of [...uploads.values()].sort((a, b) => a.slot - b.slot)) {
    const slot = applicationSlots.find((s) => s.slot === upload.slot)!;
    const type = await checkUpload(upload.data, upload.filename, {
      allowed: fileKinds,
      maxBytes: applicationFileMaxMb * MB,
      field: slotField(slot.slot),
      fieldLabel: `${slot.slot}. ${slot.label}`,
    });
    checked.push({ upload, type });
  }

  await withStoredFiles(db, storage, async (tx, stored) => {
    // The permission row serialises two submissions of the same institution.
    await tx
      .select({ id: assessorApplicationPermissions.institutionId })
      .from(assessorApplicationPermissions)
      .where(and(eq(assessorApplicationPermissions.cycleId, cycle.id), eq(assessorApplicationPermissions.institutionId, actor.orgId)))
      .for('update');
    const again = refusal(cycle, await standing(tx, cycle.id, actor.orgId));
    if (again) throw again;
    const [application] = await tx.insert(assessorApplications).values({ cycleId: cycle.id, institutionId: actor.orgId }).returning();
    for (const { upload, type } of checked) {
      await stored.save({
        ownerType: 'assessorApplication',
        ownerId: application.id,
        slot: upload.slot,
        filename: upload.filename,
        data: upload.data,
        checked: type,
        uploadedBy: actor.accountId,
      });
    }
    await recordAudit(tx, {
      action: 'assessorApplication.submitted',
      actor,
      targetType: 'assessorApplication',
      targetId: application.id,
      after: { cycleId: cycle.id, institutionId: actor.orgId, slots: checked.map((c) => c.upload.slot) },
      ip: input.ip,
    });
  });
  return myApplication(db, actor);
}
