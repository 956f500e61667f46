// 监考照片 are personal data kept only as long as the province's policy says: the job deletes the snapshots (rows
// and bytes) of cycles that ended more than `proctoring_retention_days` ago (default 180). The attempt's 监考 row
// (its lowest similarity, marks and decisions) stays. One instance per period (runExclusive), rows taken with
// SKIP LOCKED in batches; the bytes go after the commit (a failed removal leaves an orphan that files-orphans finds).
import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/schedule.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import { runExclusive } from '../../lib/jobs.js';
import type { Storage } from '../../lib/storage.js';

export const RETENTION_EVERY_MS = 60 * 60_000;
const BATCH = 500;

/** Deletes expired snapshots in batches; returns how many went. */
export async function purgeExpiredSnapshots(db: Database, storage: Storage, now = new Date()): Promise<number> {
  let deleted = 0;
  for (;;) {
    const run = await runExclusive(db, 'proctoring-retention', async (tx) => {
      const result = await tx.execute(sql`
        with expired as (
          select s.id, s.file_id from proctoring_snapshots s
          join proctoring_cases c on c.attempt_id = s.attempt_id
          join cycles cy on cy.id = c.cycle_id
          left join policies p on p.province_code = cy.province_code
          where cy.end_date + coalesce(p.proctoring_retention_days, 180) < ${todayInChina(now)}::date
          order by s.id limit ${BATCH}
          for update of s skip locked),
        gone as (delete from proctoring_snapshots s using expired where s.id = expired.id returning s.file_id)
        delete from files f using gone where f.id = gone.file_id returning f.storage_key as key`);
      const keys = (result as unknown as { rows: { key: string }[] }).rows.map((r) => r.key);
      if (keys.length > 0) await recordAudit(tx, { action: 'proctoring.snapshotsPurged', actor: null, targetType: 'proctoring', after: { count: keys.length } });
      return keys;
    });
    if (!run.ran) break;
    await Promise.allSettled(run.result.map((key) => storage.remove(key)));
    deleted += run.result.length;
    if (run.result.length < BATCH) break;
  }
  return deleted;
}
