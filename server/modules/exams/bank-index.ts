// The province's bank index (item ids by type, with their question ids), cached in this process so that a start
// costs no scan of the bank: on exam day thousands start within minutes. The cache is keyed by the bank's revision
// (question_bank_revisions), which every bank write bumps and which the start reads in its one context query, so
// no instance draws from a bank older than the one committed when the start began.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { BankIndex, IndexedItem } from './draw.js';

interface Entry {
  revision: number;
  index: Promise<BankIndex>;
}
const caches = new WeakMap<Database, Map<string, Entry>>();

async function readIndex(db: Database, provinceCode: string, paper: string, practiceCategory: string | null): Promise<BankIndex> {
  const category = practiceCategory === null ? sql`i.practice_category is null` : sql`i.practice_category = ${practiceCategory}`;
  const result = await db.execute(sql`
    select i.id as "itemId", i.type,
           array_agg(q.id order by q.position) as "questionIds",
           coalesce(jsonb_array_length(i.shared_options), max(jsonb_array_length(q.options))) as "optionCount"
    from question_items i join questions q on q.item_id = i.id
    where i.province_code = ${provinceCode} and i.paper = ${paper} and ${category} and i.status = 'enabled'
    group by i.id
    order by i.id`);
  const rows = (result as unknown as { rows: (IndexedItem & { type: string })[] }).rows;
  const index = new Map<string, IndexedItem[]>();
  for (const row of rows) {
    const list = index.get(row.type) ?? [];
    list.push({ itemId: row.itemId, questionIds: row.questionIds.map(Number), optionCount: Number(row.optionCount) });
    index.set(row.type, list);
  }
  return index;
}

/** The enabled items of one bank (humanities: `practiceCategory` null) at `revision`. */
export function bankIndex(db: Database, provinceCode: string, paper: string, practiceCategory: string | null, revision: number): Promise<BankIndex> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${provinceCode}|${paper}|${practiceCategory ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.index;
  // Concurrent starts of one bank share one read; a failed read is not kept.
  const index = readIndex(db, provinceCode, paper, practiceCategory);
  cache.set(key, { revision, index });
  index.catch(() => cache.delete(key));
  return index;
}
