// The similarity worker: snapshots waiting in `proctoring_snapshots` are claimed a few at a time with
// FOR UPDATE SKIP LOCKED (so N instances share the queue and never score one twice), compared with the physician's
// registration photo off the event loop (face.ts), and their score folded into the attempt's 监考 row. A claim
// whose instance died is taken again after CLAIM_TIMEOUT; a snapshot that fails three times is left `failed`.
import { sql } from 'drizzle-orm';
import type { SnapshotOutcome } from '../../../common/schemas/proctoring.js';
import type { Database } from '../../db/client.js';
import type { Storage } from '../../lib/storage.js';
import type { FaceComparer, FaceComparison } from './face.js';

export const SIMILARITY_EVERY_MS = 2_000;
const CLAIM_TIMEOUT_SECONDS = 300;
const MAX_TRIES = 3;

interface Claimed {
  id: number;
  attemptId: number;
  tries: number;
  snapshotKey: string | null;
  referenceId: string | null;
  referenceKey: string | null;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function claim(db: Database, batch: number): Promise<Claimed[]> {
  return rowsOf<Claimed>(
    await db.execute(sql`
      with due as (
        select id from proctoring_snapshots
        where status = 'pending' or (status = 'processing' and claimed_at < clock_timestamp() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
        order by id limit ${batch}
        for update skip locked),
      claimed as (
        update proctoring_snapshots s set status = 'processing', claimed_at = clock_timestamp(), tries = s.tries + 1
        from due where s.id = due.id
        returning s.id, s.attempt_id, s.tries, s.file_id)
      select c.id, c.attempt_id as "attemptId", c.tries, sf.storage_key as "snapshotKey",
             rf.id::text as "referenceId", rf.storage_key as "referenceKey"
      from claimed c
      left join files sf on sf.id = c.file_id
      join proctoring_cases pc on pc.attempt_id = c.attempt_id
      join physicians p on p.id = pc.physician_id
      left join files rf on rf.id = p.photo_file_id
      order by c.id`),
  );
}

async function readAll(storage: Storage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a comparison means for review: a snapshot without a face counts as similarity 0 in the attempt's lowest. */
export function outcomeOf(c: FaceComparison | null): { outcome: SnapshotOutcome; similarity: number | null; lowest: number | null } {
  if (!c) return { outcome: 'noReference', similarity: null, lowest: null };
  if (c.referenceFaces === 0) return { outcome: 'noReference', similarity: null, lowest: null };
  if (c.faces === 0) return { outcome: 'noFace', similarity: null, lowest: 0 };
  return { outcome: c.faces > 1 ? 'severalFaces' : 'matched', similarity: c.similarity, lowest: c.similarity };
}

async function record(db: Database, snapshot: Claimed, comparison: FaceComparison | null): Promise<void> {
  const { outcome, similarity, lowest } = outcomeOf(comparison);
  await db.execute(sql`
    with done as (
      update proctoring_snapshots set status = 'done', claimed_at = null, faces = ${comparison?.faces ?? null}::smallint,
             similarity = ${similarity}::smallint, outcome = ${outcome}::text, error = null
      where id = ${snapshot.id} and status = 'processing'
      returning attempt_id)
    update proctoring_cases c set
      lowest_similarity = least(c.lowest_similarity, ${lowest}::smallint),
      no_face_count = c.no_face_count + ${outcome === 'noFace' ? 1 : 0}::smallint,
      several_faces_count = c.several_faces_count + ${outcome === 'severalFaces' ? 1 : 0}::smallint,
      reference_unusable = greatest(c.reference_unusable, ${outcome === 'noReference' ? 1 : 0}::smallint)
    from done where c.attempt_id = done.attempt_id`);
}

async function fail(db: Database, snapshot: Claimed, error: string): Promise<void> {
  const final = snapshot.tries >= MAX_TRIES;
  await db.execute(sql`
    update proctoring_snapshots set status = ${final ? 'failed' : 'pending'}::text, claimed_at = null, error = ${error.slice(0, 500)}::text,
           outcome = ${final ? 'unreadable' : null}::text
    where id = ${snapshot.id} and status = 'processing'`);
}

/**
 * Scores up to `batch` waiting snapshots, one after another (the comparer runs one pair at a time on its own
 * thread); returns how many it took. The caller repeats while a full batch came back.
 */
export async function scoreSnapshots(db: Database, storage: Storage, comparer: FaceComparer, batch = 4): Promise<number> {
  const claimed = await claim(db, batch);
  for (const snapshot of claimed) {
    try {
      if (!snapshot.snapshotKey) throw new Error('snapshot file missing');
      const data = await readAll(storage, snapshot.snapshotKey);
      const comparison = snapshot.referenceKey
        ? await comparer.compare({ referenceKey: snapshot.referenceId!, reference: await readAll(storage, snapshot.referenceKey), snapshot: data })
        : null;
      await record(db, snapshot, comparison);
    } catch (error) {
      await fail(db, snapshot, error instanceof Error ? error.message : String(error));
    }
  }
  return claimed.length;
}

export interface SimilarityWorker {
  /** One pass: batches until the queue is empty (or `maxBatches`); never two passes at once in this process. */
  tick(): Promise<number>;
  close(): Promise<void>;
}

/** The worker every instance runs (server/main.ts): bounded to one pass at a time and `maxBatches` per pass. */
export function similarityWorker(db: Database, storage: Storage, comparer: FaceComparer, { batch = 4, maxBatches = 25 } = {}): SimilarityWorker {
  let running: Promise<number> | null = null;
  return {
    tick() {
      running ??= (async () => {
        let total = 0;
        try {
          for (let i = 0; i < maxBatches; i++) {
            const n = await scoreSnapshots(db, storage, comparer, batch);
            total += n;
            if (n < batch) break;
          }
        } finally {
          running = null;
        }
        return total;
      })();
      return running;
    },
    async close() {
      await running?.catch(() => 0);
      await comparer.close();
    },
  };
}
