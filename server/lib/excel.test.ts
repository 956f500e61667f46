import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamSheet, streamWorkbook } from './excel.js';
import { checkUpload, MB } from './uploads.js';

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
    for await (const { headers, rows } of streamSheet(data, 1000)) {
      expect(headers).toEqual(['序号', '内容']);
      for (const row of rows) {
        count += 1;
        expect(row.values['内容']).toBe(`内科专业居民身份证第${row.values['序号']}行中文内容`);
      }
    }
    expect(count).toBe(5000);
  });
});

describe('checkUpload of .xlsx', () => {
  it('accepts a workbook whose zip does not start with [Content_Types].xml (as streaming writers make it)', async () => {
    const data = await streamedWorkbook(10);
    await expect(checkUpload(data, '医师.xlsx', { allowed: ['excel'], maxBytes: 10 * MB, field: 'file', fieldLabel: '导入文件' })).resolves.toMatchObject({ kind: 'excel' });
  });
});
