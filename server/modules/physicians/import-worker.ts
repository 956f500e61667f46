// 批量导入医师, the worker thread's part: reads and checks the upload (import-check.ts), and hands over the rows that
// pass a chunk at a time, each column (the 证件号码 encrypted and blind-indexed) as one array literal. The request's
// thread keeps only the chunk being written; the parse's garbage stays in this thread's heap, which its starter
// bounds, and the reading uses the second core while the database writes.
import { parentPort } from 'node:worker_threads';
import { PHYSICIAN_EXISTS } from '../../../common/schemas/physician.js';
import { pgArrayLiteral } from '../../db/pg-array.js';
import { AppError } from '../../lib/errors.js';
import { createPii } from '../../lib/pii.js';
import { workerInput } from '../../lib/worker-input.js';
import { checkedRows, refused, type CheckedRow } from './import-check.js';
import { importColumns, type ImportInput, type ImportMessage, type ImportReply } from './import-protocol.js';
import { physicianRow } from './physician-row.js';

const port = parentPort!;
const { data, institutionId, keys, departments, chunkSize } = workerInput<ImportInput>();
const deps = { pii: createPii(keys) };
const post = (message: ImportMessage) => port.postMessage(message);

const HASH_AT = importColumns.findIndex(([, , key]) => key === 'idNumberHash');
/** Rows that passed, not yet sent: each column's values (`importColumns`' order), and what a refusal would need. */
let columns: unknown[][] = importColumns.map(() => []);
let pending: Pick<CheckedRow, 'rowNumber' | 'cells'>[] = [];
// The chunk being written: its rows come back as 医师已存在 when the database already had their 证件号码.
let writing: Pick<CheckedRow, 'rowNumber' | 'cells'>[] | null = null;
let wake: (() => void) | null = null;
port.on('message', (reply: ImportReply) => {
  if (writing && reply.known.length > 0) post({ kind: 'refused', rows: reply.known.map((i) => refused({ ...writing![i], reasons: [PHYSICIAN_EXISTS] })) });
  writing = null;
  wake?.();
});
const written = async () => {
  while (writing) await new Promise<void>((resolve) => (wake = resolve));
};

/** A row that passed, made into its columns at once (the checked values die young instead of waiting for the chunk). */
function add(c: CheckedRow) {
  const row = physicianRow(deps, institutionId, c.row!);
  for (let i = 0; i < importColumns.length; i++) columns[i].push(row[importColumns[i][2]] ?? null);
  pending.push({ rowNumber: c.rowNumber, cells: c.cells });
}

/** Sends the pending rows once the chunk before is written; their array literals are made while it is. */
async function send() {
  const literals = Object.fromEntries(importColumns.map(([name], i) => [name, pgArrayLiteral(columns[i])]));
  const hashes = columns[HASH_AT] as string[];
  const chunk = pending;
  columns = importColumns.map(() => []);
  pending = [];
  await written();
  writing = chunk;
  post({ kind: 'chunk', columns: literals, hashes });
}

try {
  let total = 0;
  for await (const batch of checkedRows(Buffer.from(data.buffer, data.byteOffset, data.byteLength), new Map(departments))) {
    const refusedRows = [];
    for (const c of batch) {
      total += 1;
      if (c.reasons.length > 0 || !c.row) refusedRows.push(refused(c));
      else {
        add(c);
        if (pending.length >= chunkSize) await send();
      }
    }
    if (refusedRows.length > 0) post({ kind: 'refused', rows: refusedRows });
  }
  if (pending.length > 0) await send();
  await written();
  post({ kind: 'done', total });
} catch (error) {
  if (error instanceof AppError) post({ kind: 'failed', message: error.message, fields: error.fields });
  else throw error;
}
