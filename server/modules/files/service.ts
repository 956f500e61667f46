// Stored files: saved with the record they belong to, downloaded only by those the access module allows.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import { requireFileAccess } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { files } from '../../db/schema/index.js';
import type { Storage } from '../../lib/storage.js';
import type { CheckedUpload } from '../../lib/uploads.js';

export interface NewFile {
  ownerType: 'notice' | 'assessorApplication' | 'physicianPhoto' | 'registration';
  ownerId: number;
  slot?: number;
  filename: string;
  data: Buffer;
  checked: CheckedUpload;
  uploadedBy: number;
}

/**
 * Writes the bytes first, then the row in the caller's transaction: a failed transaction leaves at
 * most an unreferenced file, never a row without its bytes.
 */
export async function saveFile(tx: Database | Tx, storage: Storage, file: NewFile): Promise<string> {
  const id = crypto.randomUUID();
  const storageKey = `${file.ownerType}/${id}`;
  await storage.put(storageKey, file.data);
  await tx.insert(files).values({
    id,
    ownerType: file.ownerType,
    ownerId: file.ownerId,
    slot: file.slot ?? 0,
    originalName: file.filename.slice(0, 255),
    mimeType: file.checked.mimeType,
    size: file.data.length,
    storageKey,
    uploadedBy: file.uploadedBy,
  });
  return id;
}

export async function filesOf(db: Database | Tx, ownerType: NewFile['ownerType'], ownerId: number) {
  return db
    .select({ id: files.id, slot: files.slot, name: files.originalName, size: files.size, mimeType: files.mimeType, uploadedAt: files.createdAt })
    .from(files)
    .where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId)))
    .orderBy(files.slot, files.createdAt);
}

export async function openFile(db: Database, storage: Storage, actor: Actor | null, fileId: string) {
  const file = await requireFileAccess(db, actor, fileId);
  return { file, stream: storage.read(file.storageKey) };
}
