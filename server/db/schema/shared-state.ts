import { pgTable, varchar, integer, timestamp, index } from 'drizzle-orm/pg-core';

/**
 * Request counters of the rate limits (login, 重置密码), shared by every app instance: one row per key and
 * fixed window; expired rows are reset on the next hit and purged by the periodic job.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: varchar('key', { length: 200 }).primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);

/**
 * One row per named background job: `runExclusive` locks it (`FOR UPDATE SKIP LOCKED`) while the job runs, so
 * of N instances exactly one runs it, and `last_run_at` lets a job run at most once per interval.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: varchar('name', { length: 64 }).primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  runs: integer('runs').notNull().default(0),
});
