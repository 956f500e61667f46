// The region catalog of common/ is reference data: loaded on every start, new codes added.
import { regionCatalog } from '../../../common/regions.js';
import type { Database, Tx } from '../client.js';
import { insertUnnest } from '../bulk.js';

export async function ensureRegions(db: Database | Tx): Promise<void> {
  await insertUnnest(
    db,
    'regions',
    [
      { name: 'code', type: 'text', values: regionCatalog.map((r) => r.code) },
      { name: 'name', type: 'text', values: regionCatalog.map((r) => r.name) },
      { name: 'parent_code', type: 'text', values: regionCatalog.map((r) => r.parentCode) },
    ],
    { onConflictDoNothing: true },
  );
}
