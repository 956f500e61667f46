// In a worker thread started by ts-worker.ts: the input its starter gave.
import { workerData } from 'node:worker_threads';

export function workerInput<T>(): T {
  return (workerData as { input: T }).input;
}
