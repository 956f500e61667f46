// The periodic clean-up every instance schedules: expired sessions, old SMS codes, expired rate-limit counters.
// Each is an idempotent DELETE by age, so running twice would be harmless; the claim just spares the work.
import type { Database } from './db/client.js';
import { purgeExpiredSessions, type SessionTimeouts } from './auth/sessions.js';
import { runExclusive } from './lib/jobs.js';
import { purgeExpiredRateLimits } from './lib/rate-limit-store.js';
import { purgeOldSmsCodes } from './modules/sms-codes/service.js';

export const PURGE_EVERY_MS = 10 * 60_000;

export function purgeExpired(db: Database, timeouts: SessionTimeouts) {
  return runExclusive(
    db,
    'purge-expired',
    async (tx) => {
      await purgeExpiredSessions(tx, timeouts);
      await purgeOldSmsCodes(tx);
      await purgeExpiredRateLimits(tx);
    },
    // A little under the timer's period, so the instance whose turn it is never finds it "not yet due".
    { minIntervalMs: PURGE_EVERY_MS - 30_000 },
  );
}
