// Physicians stored before the 后几位 search existed have no tail hash; it needs the key, so the
// migration cannot compute it — the process does, once, at start, in batches.
import { isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { physicians } from '../../db/schema/index.js';
import type { Pii } from '../../lib/pii.js';

export async function backfillIdTailHashes(db: Database, pii: Pii, batchSize = 5000): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.select({ id: physicians.id, cipher: physicians.idNumberCipher }).from(physicians).where(isNull(physicians.idNumberTailHash)).limit(batchSize);
    if (batch.length === 0) return done;
    const ids = batch.map((r) => r.id);
    const tails = batch.map((r) => pii.idNumberTailHash(pii.decrypt(r.cipher)));
    await db.execute(sql`update ${physicians} set id_number_tail_hash = t.tail from unnest(${sql.param(ids)}::int4[], ${sql.param(tails)}::text[]) as t(id, tail) where ${physicians.id} = t.id`);
    done += batch.length;
  }
}

