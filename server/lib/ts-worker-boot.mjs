// The first module of a worker started by ts-worker.ts: registers tsx in this thread, then runs the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
