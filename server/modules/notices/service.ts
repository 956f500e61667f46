// 通知公告 (authority): its own notices with attachments, 发布 / 撤回, 删除; and the public lists of published ones.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NOTICE_ATTACHMENT_MAX_MB,
  NOTICE_ATTACHMENTS_MAX,
  type Notice,
  type NoticeAction,
  type NoticeCategory,
  type NoticeList,
  type NoticeStatus,
  type PublicNotice,
  type PublicNoticeList,
  type noticeListQuerySchema,
  type publicNoticeQuerySchema,
} from '../../../common/schemas/notices.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { notices } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { MB, checkUpload, type CheckedUpload } from '../../lib/uploads.js';
import { withStoredFiles, type FileWork } from '../files/service.js';
import type { NoticeForm, UploadedFile } from './form.js';
import { authoritiesAbove, authoritiesOfProvince, filesOfNotices, listNotices as queryNotices, publishedNotices, type FileRef, type NoticeRow } from './repository.js';

type ListQuery = z.output<typeof noticeListQuerySchema>;
type PublicQuery = z.output<typeof publicNoticeQuerySchema>;

export interface NoticeDeps {
  db: Database;
  storage: Storage;
}

function actionsFor(row: NoticeRow): NoticeAction[] {
  return ['edit', row.status === 'published' ? 'withdraw' : 'publish', 'delete'];
}

function toNotice(row: NoticeRow, attached: FileRef[]): Notice {
  return {
    id: row.id,
    category: row.category as NoticeCategory,
    title: row.title,
    publishedOn: row.publishedOn,
    status: row.status as NoticeStatus,
    files: attached.map(({ id, name, size, mimeType }) => ({ id, name, size, mimeType })),
    updatedAt: row.updatedAt.toISOString(),
    actions: actionsFor(row),
  };
}

const snapshot = (row: NoticeRow, attached: FileRef[]) => ({
  category: row.category,
  title: row.title,
  publishedOn: row.publishedOn,
  status: row.status,
  files: attached.map((f) => f.name),
});

/** Every attachment checked by content (PDF, Word, Excel; ≤ 20 MB) before anything is written. */
async function checkAttachments(uploaded: UploadedFile[]): Promise<{ file: UploadedFile; checked: CheckedUpload }[]> {
  const checked = [];
  for (const file of uploaded) {
    const result = await checkUpload(file.data, file.filename, {
      allowed: ['pdf', 'word', 'excel'],
      maxBytes: NOTICE_ATTACHMENT_MAX_MB * MB,
      field: 'attachments',
      fieldLabel: `附件「${file.filename}」`,
    });
    checked.push({ file, checked: result });
  }
  return checked;
}

/** Saves the files in the order they were sent: `slot` numbers them after those already attached. */
async function saveAttachments(stored: FileWork, actor: Actor, noticeId: number, attachments: Awaited<ReturnType<typeof checkAttachments>>, firstSlot: number) {
  for (const [i, { file, checked }] of attachments.entries()) {
    await stored.save({ ownerType: 'notice', ownerId: noticeId, slot: firstSlot + i, filename: file.filename, data: file.data, checked, uploadedBy: actor.accountId });
  }
}

const tooMany = () => badRequest(`附件最多${NOTICE_ATTACHMENTS_MAX}个`, { attachments: `附件最多${NOTICE_ATTACHMENTS_MAX}个` });

async function loadWithFiles(db: Database | Tx, id: number): Promise<{ row: NoticeRow; attached: FileRef[] }> {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw notFound('通知公告不存在');
  const attached = (await filesOfNotices(db, [id])).get(id) ?? [];
  return { row, attached };
}

export async function listNotices(db: Database, actor: Actor, query: ListQuery): Promise<NoticeList> {
  requireRole(actor, ['authority']);
  const { rows, total } = await queryNotices(db, actor.orgId, query, query.page, query.pageSize);
  const attached = await filesOfNotices(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toNotice(r, attached.get(r.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
}

/** `readForm` reads the request body; it is called only once the actor may write, so nobody else uploads anything. */
export async function createNotice({ db, storage }: NoticeDeps, actor: Actor, readForm: () => Promise<NoticeForm>, ip: string): Promise<Notice> {
  requireRole(actor, ['authority']);
  const form = await readForm();
  if (form.files.length > NOTICE_ATTACHMENTS_MAX) throw tooMany();
  const attachments = await checkAttachments(form.files);
  const id = await withStoredFiles(db, storage, async (tx, stored) => {
    const [row] = await tx
      .insert(notices)
      .values({ authorityId: actor.orgId, category: form.fields.category, title: form.fields.title, publishedOn: form.fields.publishedOn })
      .returning();
    await saveAttachments(stored, actor, row.id, attachments, 1);
    await recordAudit(tx, {
      action: 'notice.created',
      actor,
      targetType: 'notice',
      targetId: row.id,
      after: { ...snapshot(row, []), files: form.files.map((f) => f.filename) },
      ip,
    });
    return row.id;
  });
  const { row, attached } = await loadWithFiles(db, id);
  return toNotice(row, attached);
}

/** 编辑: fields, new attachments and the removal of chosen ones, all in one transaction. */
export async function updateNotice({ db, storage }: NoticeDeps, actor: Actor, id: number, readForm: () => Promise<NoticeForm>, ip: string): Promise<Notice> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'notice.manage', [id]);
  const form = await readForm();
  const attachments = await checkAttachments(form.files);
  await withStoredFiles(db, storage, async (tx, stored) => {
    const [locked] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
    if (!locked) throw notFound('通知公告不存在');
    const before = (await filesOfNotices(tx, [id])).get(id) ?? [];
    const removeIds = new Set(form.fields.removeFileIds);
    const unknown = [...removeIds].filter((fileId) => !before.some((f) => f.id === fileId));
    if (unknown.length) throw badRequest('要删除的附件不属于该通知公告', { removeFileIds: '要删除的附件不属于该通知公告' });
    if (before.length - removeIds.size + attachments.length > NOTICE_ATTACHMENTS_MAX) throw tooMany();
    const dropped = before.filter((f) => removeIds.has(f.id));
    await stored.drop({ ownerType: 'notice', ownerId: id, ids: dropped.map((f) => f.id) });
    const [after] = await tx
      .update(notices)
      .set({ category: form.fields.category, title: form.fields.title, publishedOn: form.fields.publishedOn, updatedAt: new Date() })
      .where(eq(notices.id, id))
      .returning();
    await saveAttachments(stored, actor, id, attachments, Math.max(0, ...before.map((f) => f.slot)) + 1);
    const now = (await filesOfNotices(tx, [id])).get(id) ?? [];
    await recordAudit(tx, { action: 'notice.updated', actor, targetType: 'notice', targetId: id, before: snapshot(locked, before), after: snapshot(after, now), ip });
  });
  const { row, attached } = await loadWithFiles(db, id);
  return toNotice(row, attached);
}

/** 发布 / 撤回: a conditional update, so a second click (or a colleague's) answers 409. */
export async function setNoticeStatus(db: Database, actor: Actor, id: number, status: NoticeStatus, ip: string): Promise<Notice> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'notice.manage', [id]);
  const from: NoticeStatus = status === 'published' ? 'draft' : 'published';
  const row = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(notices)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(notices.id, id), eq(notices.status, from)))
      .returning();
    if (!after) return null;
    await recordAudit(tx, {
      action: status === 'published' ? 'notice.published' : 'notice.withdrawn',
      actor,
      targetType: 'notice',
      targetId: id,
      before: { status: from },
      after: { status },
      ip,
    });
    return after;
  });
  if (!row) throw conflict(status === 'published' ? '该通知公告已发布' : '该通知公告未发布，无需撤回');
  const attached = (await filesOfNotices(db, [id])).get(id) ?? [];
  return toNotice(row, attached);
}

export async function deleteNotice({ db, storage }: NoticeDeps, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'notice.manage', [id]);
  await withStoredFiles(db, storage, async (tx, stored) => {
    const [row] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
    if (!row) throw notFound('通知公告不存在');
    const attached = (await filesOfNotices(tx, [id])).get(id) ?? [];
    await stored.drop({ ownerType: 'notice', ownerId: id });
    await tx.delete(notices).where(eq(notices.id, id));
    await recordAudit(tx, { action: 'notice.deleted', actor, targetType: 'notice', targetId: id, before: snapshot(row, attached), ip });
  });
}

async function withFiles(db: Database, rows: Awaited<ReturnType<typeof publishedNotices>>): Promise<PublicNotice[]> {
  const attached = await filesOfNotices(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...r,
    category: r.category as NoticeCategory,
    files: (attached.get(r.id) ?? []).map(({ id, name, size }) => ({ id, name, size })),
  }));
}

/** The login page's 政策 / 通知 / 手册 lists: published notices only, with their files' ids for download. */
export async function publicNotices(db: Database, query: PublicQuery): Promise<PublicNoticeList> {
  const where = query.province ? authoritiesOfProvince(query.province) : undefined;
  const rows = await publishedNotices(db, where, { category: query.category, limit: query.limit, perCategory: !query.category });
  return { items: await withFiles(db, rows) };
}

/** The latest published notices of the authorities above an institution (its province, city and district). */
export async function latestNoticesFor(db: Database, institutionRegionCode: string, limit: number): Promise<PublicNotice[]> {
  const rows = await publishedNotices(db, authoritiesAbove(institutionRegionCode), { limit, perCategory: false });
  return withFiles(db, rows);
}
