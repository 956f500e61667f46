// runExclusive: of concurrent callers exactly one runs a job; failures and crashes free the claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.js';
import { scheduledJobs } from '../db/schema/index.js';
import { openTestDatabase } from '../test-support/database.js';
import { runExclusive } from './jobs.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const runsOf = async (database: DatabaseHandle, name: string) =>
  (await database.db.select({ runs: scheduledJobs.runs }).from(scheduledJobs).where(eq(scheduledJobs.name, name)))[0]?.runs ?? 0;

describe('runExclusive', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table job_effects (job text not null)`);
  });
  afterAll(() => database.close());

  it('runs a job once when two callers start it at the same time', async () => {
    let calls = 0;
    const release = gate();
    const job = async (tx: Parameters<Parameters<typeof runExclusive>[2]>[0]) => {
      calls += 1;
      await tx.execute(sql`insert into job_effects values ('purge')`);
      await release.opened;
      return 'done';
    };
    const first = runExclusive(database.db, 'purge', job, { minIntervalMs: 3_600_000 });
    const second = runExclusive(database.db, 'purge', job, { minIntervalMs: 3_600_000 });
    setTimeout(release.open, 50);
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: 'done' }]);
    expect(calls).toBe(1);
    expect(await runsOf(database, 'purge')).toBe(1);
    const effects = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from job_effects where job = 'purge'`);
    expect((effects as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
    // Within the interval nobody runs it again.
    expect(await runExclusive(database.db, 'purge', job, { minIntervalMs: 3_600_000 })).toEqual({ ran: false });
  });

  it.runIf(process.env.TEST_DB === 'postgres')('lets a second instance skip, not wait, while the first runs', async () => {
    const started = gate();
    const release = gate();
    const first = runExclusive(database.db, 'sweep', async () => {
      started.open();
      await release.opened;
    });
    await started.opened;
    // The first still holds the job: the second returns at once without running it.
    expect(await runExclusive(database.db, 'sweep', async () => 'second')).toEqual({ ran: false });
    release.open();
    expect((await first).ran).toBe(true);
    // Without an interval, the next caller after it runs it again.
    expect(await runExclusive(database.db, 'sweep', async () => 'again')).toEqual({ ran: true, result: 'again' });
    expect(await runsOf(database, 'sweep')).toBe(2);
  });

  it('a failed run writes nothing, keeps the job due and gives the error to its caller', async () => {
    await expect(
      runExclusive(
        database.db,
        'flaky',
        async (tx) => {
          await tx.execute(sql`insert into job_effects values ('flaky')`);
          throw new Error('job failed');
        },
        { minIntervalMs: 3_600_000 },
      ),
    ).rejects.toThrow('job failed');
    expect(await runsOf(database, 'flaky')).toBe(0);
    const next = await runExclusive(database.db, 'flaky', async () => 'recovered', { minIntervalMs: 3_600_000 });
    expect(next).toEqual({ ran: true, result: 'recovered' });
    const effects = await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'flaky'));
    expect(effects[0].runs).toBe(1);
  });

  it('different jobs do not hold each other up', async () => {
    const release = gate();
    const results = await Promise.all([
      runExclusive(database.db, 'a', async () => {
        setTimeout(release.open, 20);
        return 'a';
      }),
      runExclusive(database.db, 'b', async () => 'b'),
    ]);
    await release.opened;
    expect(results).toEqual([{ ran: true, result: 'a' }, { ran: true, result: 'b' }]);
  });
});
