// 孤立文件: bytes in storage that no `files` row names (left by a crash or a failed removal), and rows whose
// bytes are missing. Found in batches, so a storage of millions of files is never held in memory.
import { gt, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { files } from '../../db/schema/index.js';
import type { Storage, StoredObject } from '../../lib/storage.js';

export interface OrphanReport {
  /** Stored objects without a row (removed when asked). */
  orphans: string[];
  /** Rows whose bytes are missing: only reported, the record still names them. */
  missing: { id: string; storageKey: string; ownerType: string; ownerId: number }[];
  removed: number;
}

const BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds orphans and missing bytes; with `remove`, deletes the orphans. Objects younger than `minAgeMinutes`
 * are left alone: an upload writes its bytes before its transaction commits the row.
 */
export async function findOrphanFiles(db: Database, storage: Storage, { remove = false, minAgeMinutes = 15, now = new Date() } = {}): Promise<OrphanReport> {
  const report: OrphanReport = { orphans: [], missing: [], removed: 0 };
  const cutoff = now.getTime() - minAgeMinutes * 60_000;

  // A key is `<ownerType>/<file id>`, so each batch is looked up by primary key.
  const check = async (batch: StoredObject[]) => {
    const ids = batch.map((o) => o.key.split('/').pop()!).filter((id) => UUID.test(id));
    const known = new Set(ids.length ? (await db.select({ key: files.storageKey }).from(files).where(inArray(files.id, ids))).map((r) => r.key) : []);
    for (const object of batch) {
      if (known.has(object.key) || object.modifiedAt.getTime() > cutoff) continue;
      report.orphans.push(object.key);
      if (remove) {
        await storage.remove(object.key);
        report.removed++;
      }
    }
  };
  let batch: StoredObject[] = [];
  for await (const object of storage.list()) {
    batch.push(object);
    if (batch.length >= BATCH) {
      await check(batch);
      batch = [];
    }
  }
  await check(batch);

  // Rows in id order, a batch at a time.
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: files.id, storageKey: files.storageKey, ownerType: files.ownerType, ownerId: files.ownerId })
      .from(files)
      .where(gt(files.id, after))
      .orderBy(files.id)
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) if (!(await storage.exists(row.storageKey))) report.missing.push(row);
    after = rows[rows.length - 1].id;
  }
  return report;
}
