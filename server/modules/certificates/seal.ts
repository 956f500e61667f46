// The 发证机关's 公章 (PNG, transparent background), uploaded by the provincial authority and drawn on every certificate.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { files } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest } from '../../lib/errors.js';
import type { Storage } from '../../lib/storage.js';
import { checkUpload, MB } from '../../lib/uploads.js';
import { requireProvincialAuthority } from '../cycles/provincial.js';
import { withStoredFiles } from '../files/service.js';
import type { SealInfo } from '../../../common/schemas/certificates.js';
import { and } from 'drizzle-orm';

export const SEAL_MAX_BYTES = 1 * MB;

export async function sealInfo(db: Database, actor: Actor): Promise<SealInfo> {
  requireProvincialAuthority(actor, '管理发证机关公章');
  const [row] = await db.select({ createdAt: files.createdAt }).from(files).where(and(eq(files.ownerType, 'authoritySeal'), eq(files.ownerId, actor.orgId)));
  return { uploaded: Boolean(row), uploadedAt: row ? row.createdAt.toISOString() : null };
}

export async function uploadSeal(deps: { db: Database; storage: Storage }, actor: Actor, upload: { data: Buffer; filename: string }, ip: string): Promise<SealInfo> {
  requireProvincialAuthority(actor, '上传发证机关公章');
  const checked = await checkUpload(upload.data, upload.filename, { allowed: ['png'], maxBytes: SEAL_MAX_BYTES, field: 'file', fieldLabel: '公章图片' });
  // A transparent background needs an alpha channel: PNG colour type 4 or 6, or a tRNS chunk.
  const colourType = upload.data[25];
  if (colourType !== 4 && colourType !== 6 && !upload.data.includes('tRNS')) {
    throw badRequest('公章图片：请上传透明背景的PNG图片', { file: '请上传透明背景的PNG图片' });
  }
  await withStoredFiles(deps.db, deps.storage, async (tx, stored) => {
    const fileId = await stored.save({ ownerType: 'authoritySeal', ownerId: actor.orgId, filename: upload.filename, data: upload.data, checked, uploadedBy: actor.accountId });
    await stored.drop({ ownerType: 'authoritySeal', ownerId: actor.orgId, except: fileId });
    await recordAudit(tx, { action: 'certificate.sealUploaded', actor, targetType: 'authority', targetId: actor.orgId, after: { fileId }, ip });
  });
  return sealInfo(deps.db, actor);
}
