// Reports that read a large share of a province (考核统计's roll-ups) run in a transaction of their own that gives
// them room: a few hundred thousand rows are hashed or sorted in memory (32 MB) rather than on disk, without
// JIT (its compilation cost 50–70 ms of a statement run once), and — when the caller says the scope is wide (a
// province; for 考核统计 also a city) — with 2 parallel workers sharing the scan. The app's connections keep none
// (Config.pgParallelWorkers): for small scoped queries starting workers costs more than they save. PGlite accepts the
// settings and has no parallel workers.
import { sql } from 'drizzle-orm';
import type { Database, Tx } from './client.js';

/** Parallel workers for a province- or city-wide report (PostgreSQL's own cap, max_parallel_workers, still applies). */
const WIDE_PARALLEL_WORKERS = 2;

export async function inReportTransaction<T>(db: Database, wide: boolean, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const parallel = wide ? sql`, set_config('max_parallel_workers_per_gather', ${String(WIDE_PARALLEL_WORKERS)}, true)` : sql``;
    await tx.execute(sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)${parallel}`);
    return run(tx);
  });
}
