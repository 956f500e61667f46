// Opens the one database: embedded PGlite in DATA_DIR/pgdata by default, PostgreSQL through `pg` when a URL is given.
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services pass it to helpers (audit) that must write in the same transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgresql';
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Connections for /metrics; the embedded database is one connection that queues its queries itself. */
  poolStats(): PoolStats;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Runs the pending migrations, then `VACUUM (ANALYZE)` if any was applied: a migration that rewrites a table (0021
 * rewrites physicians) leaves its visibility map unset, and autovacuum may not visit a table without dead rows for a
 * long time, so the lists' index-only scans would read the table meanwhile. Several instances starting at once
 * vacuum one after the other.
 */
async function migrateThenVacuum(db: Database, migrate: () => Promise<void>): Promise<void> {
  const applied = async () => {
    const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`).catch(() => null);
    return result ? Number((result as unknown as { rows: { n: number }[] }).rows[0].n) : 0;
  };
  const before = await applied();
  await migrate();
  if ((await applied()) > before) await db.execute(sql`vacuum (analyze)`);
}

/** `dataDir` null opens an in-memory PGlite (tests); `loadDataDir` starts it from a dumped data folder instead of an empty one. */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<DatabaseHandle> {
  // Loaded only here: a server on PostgreSQL never needs PGlite's 30 MB of code and memory.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    migrate: () => migrateThenVacuum(db, () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder })),
    close: () => client.close(),
  };
}

/** The folder of an open PGlite as a tarball, to start others from (tests: one migrated template per run). */
export function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  return ((handle.db as unknown as { $client: PGlite }).$client).dumpDataDir('none');
}

/** Planner settings of the app's connections (see Config); unset ones keep the server's. */
export interface PlannerSettings {
  parallelWorkers?: number;
  randomPageCost?: number;
}

/** `planner`: set as each connection starts (no extra round trip). */
export async function openPostgres(url: string, poolSize = 10, planner: PlannerSettings = {}): Promise<DatabaseHandle> {
  const settings = [
    planner.parallelWorkers === undefined ? '' : `-c max_parallel_workers_per_gather=${planner.parallelWorkers}`,
    planner.randomPageCost === undefined ? '' : `-c random_page_cost=${planner.randomPageCost}`,
  ].filter(Boolean);
  const options = settings.length > 0 ? settings.join(' ') : undefined;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options });
  // An idle client whose connection drops (a database restart, a failover) reports here; unheard, the error
  // would end the process. The pool replaces the client on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL: idle connection lost (${(error as { code?: string }).code ?? error.message})`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    migrate: () => migrateThenVacuum(db, () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder })),
    close: () => pool.end(),
  };
}
