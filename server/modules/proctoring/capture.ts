// The physician's side of 监考: what the consent tells (the province's settings), the snapshots the page uploads
// during an attempt (a JPEG by its content, small; only into the physician's own attempt that is still running),
// and the camera problems the page reports. Nothing here blocks answering: a refused snapshot is dropped by the page.
import { eq, sql } from 'drizzle-orm';
import { SNAPSHOT_MAX_BYTES, type CameraIssue, type ProctoringPlan, type ProctoringSettings, type SnapshotQuery } from '../../../common/schemas/proctoring.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { examAttempts, proctoringCases, proctoringSnapshots } from '../../db/schema/index.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { checkUpload } from '../../lib/uploads.js';
import { withStoredFiles } from '../files/service.js';
import { cachedPolicy } from '../policies/cache.js';

/** Snapshots an attempt may hold beyond the policy's count (a retried upload, a re-taken start snapshot after a reload). */
const SNAPSHOT_SLACK = 4;

export async function proctoringSettings(db: Database, actor: Actor): Promise<ProctoringSettings> {
  requireRole(actor, ['physician']);
  const policy = (await cachedPolicy(db, actor.provinceCode)).fields;
  return { enabled: policy.proctoringEnabled, snapshots: policy.proctoringSnapshots, retentionDays: policy.proctoringRetentionDays };
}

const attemptNotFound = () => notFound('考试记录不存在');

/** The attempt page asks whether to take snapshots (an attempt started while 监考 was off takes none). */
export async function proctoringPlan(db: Database, actor: Actor, attemptId: number): Promise<ProctoringPlan> {
  requireRole(actor, ['physician']);
  const [row] = await db
    .select({ physicianId: examAttempts.physicianId, status: examAttempts.status, received: proctoringCases.snapshotCount, caseId: proctoringCases.attemptId })
    .from(examAttempts)
    .leftJoin(proctoringCases, eq(proctoringCases.attemptId, examAttempts.id))
    .where(eq(examAttempts.id, attemptId));
  if (!row || row.physicianId !== actor.orgId) throw attemptNotFound();
  const policy = (await cachedPolicy(db, actor.provinceCode)).fields;
  return { proctored: row.caseId !== null && row.status === 'in_progress', snapshots: policy.proctoringSnapshots, received: row.received ?? 0 };
}

/** The physician's own proctored attempt (404 for anyone else's, or an attempt taken without 监考). */
async function ownCase(db: Database, actor: Actor, attemptId: number) {
  const [row] = await db
    .select({ physicianId: examAttempts.physicianId, status: examAttempts.status, caseId: proctoringCases.attemptId })
    .from(examAttempts)
    .leftJoin(proctoringCases, eq(proctoringCases.attemptId, examAttempts.id))
    .where(eq(examAttempts.id, attemptId));
  if (!row || row.physicianId !== actor.orgId || row.caseId === null) throw attemptNotFound();
  if (row.status !== 'in_progress') throw conflict('试卷已提交，不再接收抓拍照片');
  return row;
}

export interface SnapshotUpload {
  data: Buffer;
  filename: string;
}

export async function uploadSnapshot(deps: { db: Database; storage: Storage }, actor: Actor, attemptId: number, query: SnapshotQuery, file: SnapshotUpload): Promise<{ id: number }> {
  requireRole(actor, ['physician']);
  await ownCase(deps.db, actor, attemptId);
  const checked = await checkUpload(file.data, file.filename, { allowed: ['jpg'], maxBytes: SNAPSHOT_MAX_BYTES, field: 'file', fieldLabel: '抓拍照片' });
  const policy = (await cachedPolicy(deps.db, actor.provinceCode)).fields;
  return withStoredFiles(deps.db, deps.storage, async (tx, files) => {
    // The attempt row is locked as 提交试卷 locks it: a snapshot either lands before the submission or is refused.
    const [locked] = await tx
      .select({ status: examAttempts.status, count: proctoringCases.snapshotCount })
      .from(examAttempts)
      .innerJoin(proctoringCases, eq(proctoringCases.attemptId, examAttempts.id))
      .where(eq(examAttempts.id, attemptId))
      .for('update', { of: [examAttempts, proctoringCases] });
    if (!locked) throw attemptNotFound();
    if (locked.status !== 'in_progress') throw conflict('试卷已提交，不再接收抓拍照片');
    if (locked.count >= policy.proctoringSnapshots + 1 + SNAPSHOT_SLACK) throw conflict('本次考试的抓拍照片已达上限');
    const fileId = await files.save({ ownerType: 'proctoringSnapshot', ownerId: attemptId, filename: file.filename, data: file.data, checked, uploadedBy: actor.accountId });
    // A time from the page's clock that is off by more than the attempt could last is replaced by the server's.
    const takenAt = new Date(query.takenAt);
    const plausible = Math.abs(takenAt.getTime() - Date.now()) < 6 * 3600_000 ? takenAt : new Date();
    const [snapshot] = await tx.insert(proctoringSnapshots).values({ attemptId, fileId, trigger: query.trigger, takenAt: plausible }).returning({ id: proctoringSnapshots.id });
    await tx.update(proctoringCases).set({ snapshotCount: sql`${proctoringCases.snapshotCount} + 1` }).where(eq(proctoringCases.attemptId, attemptId));
    return { id: snapshot.id };
  });
}

/** 摄像头 denied / busy / absent / lost: kept on the attempt (its last one), which 监考管理 then lists for review. */
export async function reportCameraIssue(db: Database, actor: Actor, attemptId: number, issue: CameraIssue): Promise<void> {
  requireRole(actor, ['physician']);
  await ownCase(db, actor, attemptId);
  await db.update(proctoringCases).set({ cameraIssue: issue, cameraIssueAt: new Date() }).where(eq(proctoringCases.attemptId, attemptId));
}
