// A @fastify/rate-limit store in the database, so that a limit holds across all app instances (an attacker
// spreading login attempts over N instances gets the limit, not N times it) and needs no other service: the
// same code runs on the embedded PGlite and on PostgreSQL. Fixed windows, like the plugin's own stores.
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rateLimitCounters } from '../db/schema/index.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Counts one hit of `key` in its window (starting a new window when the last one is over); one statement. */
export async function hitRateLimit(db: Database, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const fresh = sql`now() + make_interval(secs => ${windowMs / 1000})`;
  const rows = await db
    .insert(rateLimitCounters)
    .values({ key, hits: 1, expiresAt: fresh })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${rateLimitCounters.expiresAt} <= now() then 1 else ${rateLimitCounters.hits} + 1 end`,
        expiresAt: sql`case when ${rateLimitCounters.expiresAt} <= now() then ${fresh} else ${rateLimitCounters.expiresAt} end`,
      },
    })
    .returning({
      current: rateLimitCounters.hits,
      ttl: sql<number>`greatest(0, ceil(extract(epoch from ${rateLimitCounters.expiresAt} - now()) * 1000))::int`,
    });
  return rows[0];
}

async function readRateLimit(db: Database, key: string): Promise<{ current: number; ttl: number }> {
  const rows = await db
    .select({
      current: rateLimitCounters.hits,
      ttl: sql<number>`ceil(extract(epoch from ${rateLimitCounters.expiresAt} - now()) * 1000)::int`,
    })
    .from(rateLimitCounters)
    .where(sql`${rateLimitCounters.key} = ${key} and ${rateLimitCounters.expiresAt} > now()`);
  return rows[0] ?? { current: 0, ttl: 0 };
}

/** Counters whose window is over count for nothing; the periodic job deletes them. */
export async function purgeExpiredRateLimits(db: Database): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.expiresAt, sql`now()`));
}

/** The store class for `register(rateLimit, { store: databaseRateLimitStore(db) })`. */
export function databaseRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hitRateLimit(db, this.prefix + key, timeWindow).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    read(key: string, callback: Callback): void {
      readRateLimit(db, this.prefix + key).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    /** Each route with its own limit counts apart, like the plugin's Redis store. */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // At run time the plugin passes the merged limit options, with the route under `routeInfo`.
      const { routeInfo } = routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } };
      const route = routeInfo?.url ? `${String(routeInfo.method)}${routeInfo.url}` : '';
      return new DatabaseStore({}, `${this.prefix}${route}:`);
    }
  }
  return DatabaseStore;
}
