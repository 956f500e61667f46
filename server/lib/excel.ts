// Excel through exceljs: streamed exports, templates with a 说明 sheet, and reading uploaded sheets.
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { WorkbookRefused, checkWorkbookLimits, type WorkbookLimits } from './xlsx-limits.js';

/**
 * exceljs, loaded at its first use: 33 MB of code that a server which never reads or writes a sheet need not hold
 * (an import's reading runs in a worker thread of its own).
 */
const exceljs = async () => (await import('exceljs')).default;

// Rows parsed between two turns of the event loop.
const YIELD_EVERY = 500;

export interface ExcelColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/**
 * Streams rows into an .xlsx written to `out` as they come, so an export of every row a filter
 * matches never holds the whole table in memory.
 */
export async function streamWorkbook<T>(out: Writable, sheetName: string, columns: ExcelColumn<T>[], rows: AsyncIterable<T[]>): Promise<void> {
  const workbook = new (await exceljs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of rows) {
    for (const row of batch) sheet.addRow(columns.map((c) => c.value(row) ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** An import template: the header row, example rows (one, or several), and a 说明 sheet listing the allowed values. */
export async function templateWorkbook(sheetName: string, headers: string[], example: string[] | string[][], notes: [string, string][]): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  const examples = Array.isArray(example[0]) ? (example as string[][]) : [example as string[]];
  for (const row of examples) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
    column.numFmt = '@';
  });
  const help = workbook.addWorksheet('说明');
  help.addRow(['字段', '说明']).font = { bold: true };
  for (const note of notes) help.addRow(note);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook of rows with a reason column, for 导出失败数据 after an import, written by the streaming writer into
 * memory: the in-memory workbook held every cell as an object (refusing all 100,000 rows of a file imported twice
 * took the server to a peak RSS of 4.1 GB). Rows are made as they are written, a batch at a time with a turn of the
 * event loop between batches.
 */
export async function rowsWorkbook(sheetName: string, headers: string[], rows: Iterable<(string | number)[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
  async function* batches() {
    let batch: (string | number)[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length < YIELD_EVERY) continue;
      yield batch;
      batch = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
    yield batch;
  }
  const columns = headers.map((header, i): ExcelColumn<(string | number)[]> => ({ header, width: 18, value: (row) => row[i] }));
  await streamWorkbook(out, sheetName, columns, batches());
  await ended;
  return Buffer.concat(chunks);
}

/** The upload in 64 KB pieces: handed over whole, the unzipping ran ahead of the parse and buffered ~12 MB more. */
function* slices(data: Buffer, size = 64 * 1024) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as CellValue);
  }
  return String(value).trim();
}

/** A row of an uploaded sheet: its number in the sheet, and its cells as text in the order of the header row. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/**
 * Streams the first sheet of an uploaded .xlsx row by row, so an import never holds the workbook in memory.
 * The file's limits are checked first (`checkWorkbookLimits`), rows are counted as they come, and the loop
 * yields to the event loop every few hundred rows so that other requests are answered meanwhile.
 * Styles are read so that date cells come as dates, not Excel serial numbers.
 * The first row gives the headers; the rows after it come in batches, each row's cells one array in the headers'
 * order (an object keyed by header per row doubled the reading's garbage in a 100k-row import). Empty rows are
 * skipped. Refusals are `WorkbookRefused`.
 */
export async function* streamSheetCells(data: Buffer, limits: WorkbookLimits, batchSize = 5000): AsyncGenerator<{ headers: string[]; rows: SheetRow[] }> {
  await checkWorkbookLimits(data, limits);
  const reader = new (await exceljs()).stream.xlsx.WorkbookReader(Readable.from(slices(data)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let headers: string[] | null = null;
  let batch: SheetRow[] = [];
  let count = 0;
  let sinceYield = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (++sinceYield >= YIELD_EVERY) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        const values = row.values as CellValue[];
        if (!headers) {
          headers = values.slice(1).map(cellText);
          continue;
        }
        const cells = new Array<string>(headers.length);
        let empty = true;
        for (let i = 0; i < cells.length; i++) {
          cells[i] = cellText(values[i + 1]);
          if (cells[i] !== '') empty = false;
        }
        if (empty) continue;
        if (++count > limits.maxRows) throw new WorkbookRefused(`一次最多导入${limits.maxRows}行`);
        batch.push({ rowNumber: row.number, cells });
        if (batch.length >= batchSize) {
          yield { headers, rows: batch };
          batch = [];
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof WorkbookRefused) throw error;
    if (error instanceof Error && /zip|central directory|signature|end of data/i.test(error.message)) throw new WorkbookRefused('文件不是有效的Excel（.xlsx）文件');
    throw error;
  }
  yield { headers: headers ?? [], rows: batch };
}

/** `streamSheetCells` with each row's cells keyed by header, for imports of a few thousand rows. */
export async function* streamSheet(
  data: Buffer,
  limits: WorkbookLimits,
  batchSize = 5000,
): AsyncGenerator<{ headers: string[]; rows: { rowNumber: number; values: Record<string, string> }[] }> {
  for await (const { headers, rows } of streamSheetCells(data, limits, batchSize)) {
    yield { headers, rows: rows.map(({ rowNumber, cells }) => ({ rowNumber, values: Object.fromEntries(headers.map((h, i) => [h, cells[i]])) })) };
  }
}
