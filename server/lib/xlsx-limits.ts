// Limits an uploaded .xlsx must keep before any of it is parsed: read from the zip's central directory (entry
// count, unpacked sizes) and by counting the shared strings as they inflate, so a small file that unpacks into
// millions of strings is refused in moments instead of being loaded whole.
import unzipper from 'unzipper';
import { MB } from './uploads.js';

export interface WorkbookLimits {
  /** Data rows an import accepts. */
  maxRows: number;
  /** Columns of the template: rows × columns bounds the distinct strings a valid file can need. */
  columns: number;
  /** Sum of the unpacked sizes of every part. */
  maxUnpackedMb: number;
}

/** A workbook refused for what it is; the message is Chinese and names the limit. */
export class WorkbookRefused extends Error {}

const MAX_ENTRIES = 1000;
// Headers, the 说明 sheet of our templates and whatever Excel adds.
const SPARE_STRINGS = 5000;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const NOT_XLSX = '文件不是有效的Excel（.xlsx）文件';

export const maxSharedStrings = (limits: WorkbookLimits) => limits.maxRows * limits.columns + SPARE_STRINGS;

export async function checkWorkbookLimits(data: Buffer, limits: WorkbookLimits): Promise<void> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.buffer(data);
  } catch {
    throw new WorkbookRefused(NOT_XLSX);
  }
  if (directory.files.length > MAX_ENTRIES) throw new WorkbookRefused(`文件过大：压缩包内超过${MAX_ENTRIES}个部件`);
  const maxBytes = limits.maxUnpackedMb * MB;
  const tooLarge = () => new WorkbookRefused(`文件过大：解压后超过${limits.maxUnpackedMb}MB`);
  // The sizes come from the file and may lie; the shared strings are also measured as they inflate.
  if (directory.files.reduce((sum, f) => sum + f.uncompressedSize, 0) > maxBytes) throw tooLarge();
  const shared = directory.files.find((f) => f.path === SHARED_STRINGS);
  if (!shared) return;
  const cap = maxSharedStrings(limits);
  const { strings, bytes } = await countSharedStrings(shared, cap, maxBytes);
  if (bytes > maxBytes) throw tooLarge();
  if (strings > cap) throw new WorkbookRefused(`文件过大：共享字符串超过${cap}条`);
}

const OPEN = Buffer.from('<si');

/** Counts `<si>` elements as the part inflates (zlib works off the main thread), stopping once a cap is passed. */
async function countSharedStrings(file: unzipper.File, cap: number, maxBytes: number): Promise<{ strings: number; bytes: number }> {
  const stream = file.stream();
  let strings = 0;
  let bytes = 0;
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const text = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      for (let at = text.indexOf(OPEN); at !== -1 && at + 3 < text.length; at = text.indexOf(OPEN, at + 3)) {
        const next = text[at + 3];
        // `<si>` or `<si ` (attributes), not a longer name.
        if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) strings++;
      }
      // Keep a tail that could be the start of an element cut by the chunk boundary.
      carry = Buffer.from(text.subarray(Math.max(0, text.length - 3)));
      if (strings > cap || bytes > maxBytes) break;
    }
  } catch {
    throw new WorkbookRefused(NOT_XLSX);
  } finally {
    stream.destroy();
  }
  return { strings, bytes };
}
