// Stored files: saved with the record they belong to, downloaded only by those the access module allows.
import crypto from 'node:crypto';
import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import { requireFileAccess } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { files } from '../../db/schema/index.js';
import type { Storage } from '../../lib/storage.js';
import type { CheckedUpload } from '../../lib/uploads.js';

export type FileOwnerType = 'notice' | 'assessorApplication' | 'physicianPhoto' | 'registration' | 'authoritySeal' | 'proctoringSnapshot';

export interface NewFile {
  ownerType: FileOwnerType;
  ownerId: number;
  slot?: number;
  filename: string;
  data: Buffer;
  checked: CheckedUpload;
  uploadedBy: number;
}

/** Which of an owner's files to drop: all of them, one slot's, the given ids, or all but one. */
export interface FileSelection {
  ownerType: FileOwnerType;
  ownerId: number;
  slot?: number;
  ids?: string[];
  except?: string;
}

/** File rows and bytes changed inside one transaction (see `withStoredFiles`). */
export interface FileWork {
  /** Writes the bytes, then the row; the bytes go again if the transaction fails. */
  save(file: NewFile): Promise<string>;
  /** Deletes the rows now and their bytes once the transaction has committed; returns the ids dropped. */
  drop(selection: FileSelection): Promise<string[]>;
}

const selectionWhere = (s: FileSelection): SQL =>
  and(
    eq(files.ownerType, s.ownerType),
    eq(files.ownerId, s.ownerId),
    s.slot === undefined ? undefined : eq(files.slot, s.slot),
    s.ids === undefined ? undefined : inArray(files.id, s.ids),
    s.except === undefined ? undefined : ne(files.id, s.except),
  )!;

/**
 * Runs `work` in a transaction that may store and drop files, so that bytes and rows stay together: the bytes
 * are written before their row (a row never lacks its bytes), removed again when the transaction fails, and
 * the bytes of dropped rows are removed only after the commit (a rollback keeps them). A removal that fails
 * leaves an unreferenced file, which `npm run cli -- files-orphans` finds.
 */
export async function withStoredFiles<T>(db: Database, storage: Storage, work: (tx: Tx, files: FileWork) => Promise<T>): Promise<T> {
  const written: string[] = [];
  const dropped: string[] = [];
  let result: T;
  try {
    result = await db.transaction(async (tx) =>
      work(tx, {
        async save(file) {
          const id = crypto.randomUUID();
          const storageKey = `${file.ownerType}/${id}`;
          written.push(storageKey);
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
        },
        async drop(selection) {
          if (selection.ids?.length === 0) return [];
          const rows = await tx.delete(files).where(selectionWhere(selection)).returning({ id: files.id, storageKey: files.storageKey });
          dropped.push(...rows.map((r) => r.storageKey));
          return rows.map((r) => r.id);
        },
      }),
    );
  } catch (error) {
    await removeKeys(storage, written);
    throw error;
  }
  await removeKeys(storage, dropped);
  return result;
}

async function removeKeys(storage: Storage, keys: string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.remove(key)));
}

export async function filesOf(db: Database | Tx, ownerType: FileOwnerType, ownerId: number) {
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
