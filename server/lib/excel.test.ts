import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamSheet, streamWorkbook } from './excel.js';
import { checkUpload, MB } from './uploads.js';
import { xlsxWithRows, xlsxWithSharedStrings } from '../test-support/crafted-xlsx.js';

/** A workbook as the app's own streaming export writes it: many Chinese cells, `[Content_Types].xml` last in the zip. */
async function streamedWorkbook(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  async function* batches() {
    yield Array.from({ length: rows }, (_, i) => ({ n: i + 1, text: `内科专业居民身份证第${i + 1}行中文内容` }));
  }
  await streamWorkbook(out, '医师', [{ header: '序号', value: (r: { n: number }) => r.n }, { header: '内容', value: (r: { text: string }) => r.text }], batches());
  await done;
  return Buffer.concat(chunks);
}

describe('streamSheet', () => {
  it('reads Chinese text whole even where the parser’s chunks cut a character in two', async () => {
    const data = await streamedWorkbook(5000);
    let count = 0;
    for await (const { headers, rows } of streamSheet(data, { maxRows: 10_000, columns: 2, maxUnpackedMb: 50 }, 1000)) {
      expect(headers).toEqual(['序号', '内容']);
      for (const row of rows) {
        count += 1;
        expect(row.values['内容']).toBe(`内科专业居民身份证第${row.values['序号']}行中文内容`);
      }
    }
    expect(count).toBe(5000);
  });
});

describe('streamSheet limits', () => {
  const limits = { maxRows: 10, columns: 2, maxUnpackedMb: 1 };
  const read = async (data: Buffer, l = limits) => {
    let rows = 0;
    for await (const batch of streamSheet(data, l)) rows += batch.rows.length;
    return rows;
  };

  it('reads a file within the limits', async () => {
    expect(await read(xlsxWithRows(['姓名', '日期'], (i) => [`医师${i}`, '2020-01-01'], 10))).toBe(10);
  });

  it('refuses more rows than allowed', async () => {
    await expect(read(xlsxWithRows(['姓名', '日期'], (i) => [`医师${i}`, ''], 11))).rejects.toThrow('一次最多导入10行');
  });

  it('refuses more shared strings than rows × columns allow, before reading a row', async () => {
    // 10 rows × 2 columns + 5000 spare.
    await expect(read(xlsxWithSharedStrings(['姓名', '日期'], ['张三', ''], 5021))).rejects.toThrow('文件过大：共享字符串超过5020条');
    expect(await read(xlsxWithSharedStrings(['姓名', '日期'], ['张三', ''], 5020))).toBe(1);
  });

  it('refuses a file that unpacks beyond the limit', async () => {
    await expect(read(xlsxWithRows(['姓名', '日期'], () => ['张'.repeat(200_000), ''], 2))).rejects.toThrow('文件过大：解压后超过1MB');
  });
});

describe('checkUpload of .xlsx', () => {
  it('accepts a workbook whose zip does not start with [Content_Types].xml (as streaming writers make it)', async () => {
    const data = await streamedWorkbook(10);
    await expect(checkUpload(data, '医师.xlsx', { allowed: ['excel'], maxBytes: 10 * MB, field: 'file', fieldLabel: '导入文件' })).resolves.toMatchObject({ kind: 'excel' });
  });
});
