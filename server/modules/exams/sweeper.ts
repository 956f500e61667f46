// Closes attempts whose deadline (plus the answers' grace) has passed, in batches: every instance schedules it,
// `runExclusive` lets one run at a time, and each row is also claimed with SKIP LOCKED, so no attempt is ever
// closed twice — not by two sweepers, nor by a sweeper and the physician's own 提交.
import type { Database } from '../../db/client.js';
import { runExclusive } from '../../lib/jobs.js';
import { ANSWER_GRACE_SECONDS } from './attempts.js';
import { closeExpiredAttempts } from './submit.js';
import type { PendingSms } from '../messages/notify.js';

export const SWEEP_EVERY_MS = 30_000;
const BATCH = 200;

/** One pass: batches until none is due; returns how many attempts it closed and the SMS to send. */
export async function sweepExpiredAttempts(db: Database): Promise<{ closed: number; sms: PendingSms[] }> {
  let closed = 0;
  const sms: PendingSms[] = [];
  for (;;) {
    const run = await runExclusive(db, 'exam-sweeper', (tx) => closeExpiredAttempts(tx, ANSWER_GRACE_SECONDS, BATCH));
    if (!run.ran) break;
    closed += run.result.closed;
    sms.push(...run.result.sms);
    if (run.result.closed < BATCH) break;
  }
  return { closed, sms };
}
