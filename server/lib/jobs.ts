// Background jobs with N app instances: each run claims the job's row in `scheduled_jobs` with
// `FOR UPDATE SKIP LOCKED`, so while one instance runs a job the others skip it instead of waiting or running
// it too, and `minIntervalMs` makes a periodic job run once per interval across all instances. The job runs
// inside the claiming transaction: its writes (through `tx`) commit together with `last_run_at`, and a crash
// (even kill -9) rolls both back and frees the claim for the next caller.
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { scheduledJobs } from '../db/schema/index.js';

export type JobOutcome<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `fn` unless another caller is running the job `name` right now, or (with `minIntervalMs`) it last
 * completed less than that long ago. Write through `tx`: on the embedded database (one connection) a query
 * through `db` inside `fn` would wait for this very transaction. Keep each run short (a batch); a long job
 * runs as many short claims.
 */
export async function runExclusive<T>(
  db: Database,
  name: string,
  fn: (tx: Tx) => Promise<T>,
  options: { minIntervalMs?: number } = {},
): Promise<JobOutcome<T>> {
  await db.insert(scheduledJobs).values({ name }).onConflictDoNothing();
  return db.transaction(async (tx): Promise<JobOutcome<T>> => {
    const due = options.minIntervalMs
      ? sql`(${scheduledJobs.lastRunAt} is null or ${scheduledJobs.lastRunAt} <= clock_timestamp() - make_interval(secs => ${options.minIntervalMs / 1000}))`
      : sql`true`;
    const claimed = await tx
      .select({ name: scheduledJobs.name })
      .from(scheduledJobs)
      .where(sql`${scheduledJobs.name} = ${name} and ${due}`)
      .for('update', { skipLocked: true });
    if (claimed.length === 0) return { ran: false };
    const result = await fn(tx);
    await tx
      .update(scheduledJobs)
      .set({ lastRunAt: sql`clock_timestamp()`, runs: sql`${scheduledJobs.runs} + 1` })
      .where(eq(scheduledJobs.name, name));
    return { ran: true, result };
  });
}
