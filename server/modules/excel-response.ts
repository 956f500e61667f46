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

/** Streams an export to the client as it is read from the database: the whole result is never in memory. */
export function sendExport<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { filename: string; sheet: string },
  columns: ExcelColumn<T & { n: number }>[],
  batches: AsyncIterable<T[]>,
): FastifyReply {
  const out = new PassThrough();
  streamWorkbook(out, file.sheet, columns, numbered(batches)).catch((error: unknown) => {
    request.log.error({ err: error }, `${file.sheet} export failed`);
    out.destroy(error as Error);
  });
  return xlsxAttachment(reply, file.filename).send(out);
}
