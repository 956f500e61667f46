// Worker threads whose code is TypeScript: the thread first registers the same loader the server runs under (tsx),
// then imports the entry, which reads its input from `workerInput()`.
import { on } from 'node:events';
import { Worker, workerData, type WorkerOptions } from 'node:worker_threads';

const boot = new URL('./ts-worker-boot.mjs', import.meta.url);

/** Starts `entry` (a .ts module's URL) in a worker thread with `input` as its data. */
export function startTsWorker(entry: URL, input: unknown, options: Omit<WorkerOptions, 'workerData' | 'eval'> = {}): Worker {
  // Not the server's own flags: the boot registers the loader itself.
  return new Worker(boot, { execArgv: [], ...options, workerData: { entry: entry.href, input } });
}

/** In the worker: the input its starter gave. */
export function workerInput<T>(): T {
  return (workerData as { input: T }).input;
}

/** The worker's messages as they come; ends when it exits, throws what it throws (e.g. running out of memory). */
export async function* workerMessages<T>(worker: Worker): AsyncGenerator<T> {
  for await (const [message] of on(worker, 'message', { close: ['exit'] })) yield message as T;
}
