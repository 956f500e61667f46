// The certificates of 合格 enrolments that have none — completed before certificates existed, or loaded as data — are
// issued by this job: one instance at a time (`runExclusive`), each batch's rows claimed FOR UPDATE SKIP LOCKED, so N
// instances never issue one twice (the unique index on the enrolment would refuse it anyway). A re-run issues nothing.
import type { Database } from '../../db/client.js';
import { runExclusive } from '../../lib/jobs.js';
import { issueCertificates } from './issue.js';

export const ISSUE_EVERY_MS = 10 * 60_000;
const BATCH = 500;

/** Issues up to `maxBatches` × `batch` missing certificates; returns how many. */
export async function issueMissingCertificates(db: Database, options: { batch?: number; maxBatches?: number; issuedOn?: string } = {}): Promise<number> {
  const batch = options.batch ?? BATCH;
  let issued = 0;
  for (let i = 0; i < (options.maxBatches ?? 20); i++) {
    const run = await runExclusive(db, 'certificate-issue', (tx) => issueCertificates(tx, { missing: true, limit: batch }, options.issuedOn));
    if (!run.ran) break;
    issued += run.result.length;
    // A short batch: no more rows that nobody else holds (those held are being issued by their holder).
    if (run.result.length < batch) break;
  }
  return issued;
}
