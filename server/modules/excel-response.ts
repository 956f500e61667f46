// Excel responses shared by route files: downloads with a Chinese filename, and streamed exports.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { streamWorkbook, type ExcelColumn } from '../lib/excel.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxAttachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply
    .header('content-type', XLSX)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

/** Numbers rows across batches (the 序号 column). */
async function* numbered<T>(batches: AsyncIterable<T[]>): AsyncGenerator<(T & { n: number })[]> {
  let n = 0;
  for await (const batch of batches) yield batch.map((row) => ({ ...row, n: ++n }));
}

/** The same batches, the first one already read. */
async function* startingWith<T>(first: IteratorResult<T[]>, rest: AsyncIterator<T[]>): AsyncGenerator<T[]> {
  if (first.done) return;
  yield first.value;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Streams an export to the client as it is read from the database: the whole result is never in memory.
 * The query was validated by the route's schema, and the first batch is read before the 200 goes out, so a
 * query that fails answers a proper error. Should the database fail later, the response is aborted (no
 * closing chunk): the browser reports a failed download, never a truncated file as if complete.
 */
export async function sendExport<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { filename: string; sheet: string },
  columns: ExcelColumn<T & { n: number }>[],
  batches: AsyncIterable<T[]>,
): Promise<FastifyReply> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const out = new PassThrough();
  streamWorkbook(out, file.sheet, columns, numbered(startingWith(first, iterator))).catch((error: unknown) => {
    request.log.error({ err: error }, `${file.sheet} export failed`);
    out.destroy(error as Error);
  });
  return xlsxAttachment(reply, file.filename).send(out);
}
