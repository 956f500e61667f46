// The face model behind one small interface: a worker thread (face-worker.mjs) holds the model and compares one
// pair at a time, so the request path never waits on it. Tests and the bench use the same comparer.
import { Worker } from 'node:worker_threads';

export interface FaceComparison {
  /** Faces found in the snapshot. */
  faces: number;
  /** Faces found in the reference photo (0: the registration photo shows no usable face). */
  referenceFaces: number;
  /** round(100 × (1 − Euclidean distance)) to the closest face of the snapshot; null without a face on either side. */
  similarity: number | null;
  /** Time the worker spent on this pair. */
  ms: number;
}

export interface FaceComparer {
  compare(input: { referenceKey: string; reference: Buffer; snapshot: Buffer }): Promise<FaceComparison>;
  close(): Promise<void>;
}

type Reply = { id: number; result?: FaceComparison; error?: string };

export function faceComparer(): FaceComparer {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve: (r: FaceComparison) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = () => {
    const w = new Worker(new URL('./face-worker.mjs', import.meta.url));
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.result) p.resolve(reply.result);
      else p.reject(new Error(reply.error ?? 'face comparison failed'));
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', () => failAll(new Error('face worker stopped')));
    return w;
  };
  return {
    compare({ referenceKey, reference, snapshot }) {
      worker ??= start();
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, referenceKey, reference, snapshot });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
