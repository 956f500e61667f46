// A worker entry for ts-worker.test.ts: posts back its input, then each message it is sent, at once.
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../lib/worker-input.js';

const port = parentPort!;
port.postMessage(workerInput<string>());
port.on('message', (text: string) => (text === 'stop' ? process.exit(0) : port.postMessage(text)));
