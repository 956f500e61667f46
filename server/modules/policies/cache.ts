// The province's 考核政策, cached in this process so that requests which need it (批量审核's papers, the 考核政策
// page) do not read it each time. Invalidation across N app instances without a TTL: the session lookup of every
// authenticated request reads the province's policy version (an md5 of the policy row, so any write counts, even one
// by hand) in its one query and hands it to `observePolicyVersion`, which drops an entry that differs. A request
// therefore never acts on a policy older than the one committed when its session was read, and a save on another
// instance costs no extra query here.
import type { Database } from '../../db/client.js';
import { readPolicy, type StoredPolicy } from './repository.js';

const caches = new WeakMap<Database, Map<string, StoredPolicy>>();

function cacheOf(db: Database): Map<string, StoredPolicy> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** `version`: the policy row's version as the database holds it now (null: no row, the defaults). */
export function observePolicyVersion(db: Database, provinceCode: string, version: string | null): void {
  const cache = cacheOf(db);
  const entry = cache.get(provinceCode);
  if (entry && entry.version !== version) cache.delete(provinceCode);
}

export async function cachedPolicy(db: Database, provinceCode: string): Promise<StoredPolicy> {
  const cache = cacheOf(db);
  const hit = cache.get(provinceCode);
  if (hit) return hit;
  const fresh = await readPolicy(db, provinceCode);
  cache.set(provinceCode, fresh);
  return fresh;
}

/** After a save commits on this instance. */
export function forgetPolicy(db: Database, provinceCode: string): void {
  cacheOf(db).delete(provinceCode);
}
