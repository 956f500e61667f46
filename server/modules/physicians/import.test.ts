import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { physicianImportColumns } from '../../../common/schemas/physician.js';
import { accounts, physicians } from '../../db/schema/index.js';
import type { Client } from '../../test-support/app.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { multipart } from '../../test-support/assessor-factories.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { residentId } from '../../test-support/factories.js';
import { sheetRows } from '../../test-support/sheet-rows.js';
import { importPhysicians } from './import.js';

const ctx = setupTenantWorld();
const headers = physicianImportColumns.map(([h]) => h);

beforeAll(async () => {
  await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '内科' });
});

/** A row in the template's columns; `cells` overrides by header. */
function row(idNumber: string, cells: Record<string, string | Date> = {}): (string | Date)[] {
  const sex = Number(idNumber[16]) % 2 ? '男' : '女';
  const base: Record<string, string | Date> = {
    姓名: '导入医师', 性别: sex, 证件类型: '居民身份证', 证件号码: idNumber, 科室: '内科', 医师级别: '执业医师', 规培生: '否',
    执业类别: '临床', 执业范围: '内科专业', 执业证书编码: '110430100000001', 资格证书编码: '200443110430100000001',
    首次注册时间: new Date(Date.UTC(2005, 7, 1)), 职称: '中级（主治/主管）',
  };
  const merged = { ...base, ...cells };
  return headers.map((h) => merged[h] ?? '');
}

async function workbook(rows: (string | Date)[][], header = headers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('医师信息');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, data: Buffer, name = 'physicians.xlsx') {
  const { payload, headers: h } = await multipart({ file: { name, data } });
  return client.post('/api/v1/physicians/import', payload, h);
}

describe('GET /api/v1/physicians/import-template (导入模板)', () => {
  it('is for institutions; has the headers, an example row and a 说明 sheet with the allowed values and the 科室', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/physicians/import-template'), byRole({ institution: 200 }));
    const res = await ctx.clients.institutionA.get('/api/v1/physicians/import-template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(headers);
    expect(String(wb.worksheets[0].getRow(2).getCell(1).value)).toMatch(/^示例/);
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((r) => notes.push((r.values as string[]).slice(1).join(' ')));
    expect(notes.join('\n')).toContain('本机构启用的科室：内科');
    expect(notes.join('\n')).toContain('执业医师、执业助理医师');
  });
});

describe('POST /api/v1/physicians/import (批量导入医师)', () => {
  it('is for institutions only', async () => {
    const file = await workbook([]);
    await checkAccessMatrix(ctx.clients, (c) => upload(c, file), byRole({ institution: 400 }));
  });

  it('refuses a file that is not Excel, lacks columns, or is empty', async () => {
    const c = ctx.clients.institutionA;
    expect((await upload(c, Buffer.from('姓名,性别\n'), 'fake.xlsx')).json().error.message).toBe('导入文件：只能上传Excel文件（按文件内容识别）');
    expect((await upload(c, await workbook([], ['姓名', '性别']))).json().error.message).toContain('缺少列：证件类型');
    expect((await upload(c, await workbook([]))).json().error.message).toBe('导入文件：没有可导入的数据');
  });

  it('imports the good rows in one go, rejects the bad ones with a reason each, and adds nothing twice', async () => {
    const c = ctx.clients.institutionA;
    const good1 = residentId(701, '19880808');
    const good2 = residentId(702, '19900909');
    const dup = residentId(703, '19910101');
    const rows = [
      row(good1, { 姓名: '导入甲', 出生年月: '1988-08-08' }),
      row(good2, { 姓名: '导入乙', 证件号码: `${good2.slice(0, 6)}${good2.slice(8, 17)}` }), // 15-digit form
      row(`${good1.slice(0, 17)}${good1[17] === '0' ? '1' : '0'}`, { 姓名: '校验位错' }),
      row(dup, { 姓名: '重复一' }),
      row(dup, { 姓名: '重复二' }),
      row(ctx.world.physicianB.idNumber, { 姓名: '已在别家' }),
      row(residentId(704, '19920202'), { 姓名: '科室错', 科室: '不存在科' }),
      row(residentId(705, '19930303'), { 姓名: '类别错', 执业类别: '西医' }),
      row(residentId(706, '19940404'), { 姓名: '', 执业证书编码: '' }),
    ];
    const res = await upload(c, await workbook(rows));
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ imported: 3, rejected: 6 });
    const reasons = Object.fromEntries(result.errors.map((e: { row: number; reason: string }) => [e.row, e.reason]));
    expect(reasons[4]).toContain('证件号码校验位不正确');
    expect(reasons[6]).toContain('证件号码与第5行重复');
    expect(reasons[7]).toContain('医师已存在，请前往【调入医师】模块查询');
    expect(reasons[8]).toContain('科室「不存在科」不是本机构启用的科室');
    expect(reasons[9]).toContain('执业类别「西医」不正确');
    expect(reasons[10]).toContain('请输入姓名');
    expect(reasons[10]).toContain('请输入执业证书编码');
    const rejected = await sheetRows(Buffer.from(result.rejectedFile, 'base64'));
    expect(rejected[0].at(-1)).toBe('失败原因');
    expect(rejected).toHaveLength(7);

    const [imported] = await ctx.t.db.select().from(physicians).where(eq(physicians.idNumberHash, ctx.t.pii.idNumberHash(good2)));
    expect(imported).toMatchObject({ name: '导入乙', birthDate: '1990-09-09', firstRegistrationDate: '2005-08-01', physicianLevel: 'physician', residentTrainee: false });
    expect(ctx.t.pii.decrypt(imported.idNumberCipher)).toBe(good2);
    const [account] = await ctx.t.db.select().from(accounts).where(eq(accounts.physicianId, imported.id));
    expect(account).toMatchObject({ passwordHash: null, mustChangePassword: true });
    // The imported physicians are found by their last digits too.
    expect((await c.get(`/api/v1/physicians?idNumber=${good2.slice(-4)}`)).json().items.map((i: { name: string }) => i.name)).toContain('导入乙');

    const again = (await upload(c, await workbook(rows))).json();
    expect(again.imported).toBe(0);
    expect(again.rejected).toBe(9);

    // The 导入失败数据 file is itself an import file: uploaded as it came, its rows are refused for the same reasons.
    const report = (await upload(c, Buffer.from(result.rejectedFile, 'base64'), '导入失败数据.xlsx')).json();
    expect(report).toMatchObject({ imported: 0, rejected: 6 });
    const reasonsOf = (r: { errors: { reason: string }[] }) => r.errors.map((e) => e.reason);
    // 重复二 now meets 重复一, imported by the first upload.
    const expected = reasonsOf(result).map((reason) => reason.replace('证件号码与第5行重复', '医师已存在，请前往【调入医师】模块查询'));
    expect(reasonsOf(report)).toEqual(expected);
  });

  it('reads the columns by their headers: a sheet with them in another order imports the same, its report in the template order', async () => {
    const c = ctx.clients.institutionA;
    const good = residentId(721, '19870707');
    const bad = residentId(722, '19870808');
    const reversed = [...headers].reverse();
    const rows = [row(good, { 姓名: '倒序甲' }), row(bad, { 姓名: '倒序乙', 规培生: '也许' })].map((r) => [...r].reverse());
    const result = (await upload(c, await workbook(rows, reversed))).json();
    expect(result).toMatchObject({ imported: 1, rejected: 1, errors: [{ row: 3, reason: '规培生「也许」不正确，可选：是、否' }] });
    const [imported] = await ctx.t.db.select().from(physicians).where(eq(physicians.idNumberHash, ctx.t.pii.idNumberHash(good)));
    expect(imported).toMatchObject({ name: '倒序甲', practiceScope: '内科专业', licenseNumber: '110430100000001' });
    const report = await sheetRows(Buffer.from(result.rejectedFile, 'base64'));
    expect(report[0]).toEqual([...headers, '失败原因']);
    expect(report[1].slice(0, 4)).toEqual(['倒序乙', '女', '居民身份证', bad]);
  });

  it('checks the next rows while the database writes the last ones, and keeps the rejected rows in file order', async () => {
    const a = residentId(711, '19850101');
    const b = residentId(712, '19850202');
    const f = residentId(713, '19850303');
    const rows = [
      row(a, { 姓名: '分批甲' }),
      row(b, { 姓名: '分批乙' }),
      row(a, { 姓名: '分批甲重复' }),
      row(ctx.world.physicianB.idNumber, { 姓名: '分批已在别家' }),
      row(residentId(714, '19850404'), { 姓名: '分批类别错', 执业类别: '西医' }),
      row(f, { 姓名: '分批丙' }),
    ];
    const { institution, account } = ctx.world.institutionA;
    const actor = { accountId: account.id, kind: 'institution' as const, role: 'institution' as const, orgId: institution.id, regionCode: institution.regionCode, provinceCode: '990000' };
    // Chunks of two: three writes, each overlapping the checking of the rows after it.
    const result = await importPhysicians({ db: ctx.t.db, pii: ctx.t.pii }, actor, { data: await workbook(rows), filename: 'chunks.xlsx' }, '127.0.0.1', { chunkSize: 2 });
    expect(result).toMatchObject({ imported: 3, rejected: 3 });
    expect(result.errors.map((e) => e.row)).toEqual([4, 5, 6]);
    expect(result.errors[0].reason).toContain('证件号码与第2行重复');
    expect(result.errors[1].reason).toContain('医师已存在，请前往【调入医师】模块查询');
    expect(result.errors[2].reason).toContain('执业类别「西医」不正确');
    const names = (await ctx.t.db.select({ name: physicians.name }).from(physicians).where(eq(physicians.institutionId, institution.id))).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['分批甲', '分批乙', '分批丙']));
  });

  it('a file its reading thread cannot hold in its heap is refused by name, and nothing is imported', async () => {
    const id = residentId(731, '19870101');
    const { institution, account } = ctx.world.institutionA;
    const actor = { accountId: account.id, kind: 'institution' as const, role: 'institution' as const, orgId: institution.id, regionCode: institution.regionCode, provinceCode: '990000' };
    // A heap far below what reading any workbook needs stands in for a file far above what a real one allows.
    const refused = importPhysicians({ db: ctx.t.db, pii: ctx.t.pii }, actor, { data: await workbook([row(id)]), filename: 'big.xlsx' }, '127.0.0.1', { readerHeapMb: 2 });
    await expect(refused).rejects.toMatchObject({ statusCode: 400, message: '导入文件：文件内容过多，请分成几个文件导入', fields: { file: '文件内容过多，请分成几个文件导入' } });
    expect(await ctx.t.db.select({ id: physicians.id }).from(physicians).where(eq(physicians.idNumberHash, ctx.t.pii.idNumberHash(id)))).toHaveLength(0);
  });

  it('a third upload while two are being imported is told when to try again, imports nothing, and goes through later', async () => {
    const c = ctx.clients.institutionA;
    const files = await Promise.all([0, 1, 2].map((i) => workbook([row(residentId(731 + i, '19880101'), { 姓名: `同时导入${i}` })])));
    const answers = await Promise.all(files.map((file) => upload(c, file)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 429]);
    const busy = answers.findIndex((a) => a.statusCode === 429);
    expect(answers[busy].json().error.message).toBe('正在导入的文件较多，请30秒后再试');
    expect(answers[busy].headers['retry-after']).toBe('30');
    const idOf = residentId(731 + busy, '19880101');
    expect(await ctx.t.db.select({ id: physicians.id }).from(physicians).where(eq(physicians.idNumberHash, ctx.t.pii.idNumberHash(idOf)))).toHaveLength(0);
    expect((await upload(c, files[busy])).json()).toMatchObject({ imported: 1, rejected: 0 });
  });

  it('two uploads of the same rows at once: each physician is imported once, the other upload reports 医师已存在', async () => {
    const ids = [residentId(721, '19860101'), residentId(722, '19860202'), residentId(723, '19860303')];
    const data = await workbook(ids.map((id, i) => row(id, { 姓名: `同传${i}` })));
    const { institution, account } = ctx.world.institutionA;
    const actor = { accountId: account.id, kind: 'institution' as const, role: 'institution' as const, orgId: institution.id, regionCode: institution.regionCode, provinceCode: '990000' };
    const both = await Promise.all([0, 1].map(() => importPhysicians({ db: ctx.t.db, pii: ctx.t.pii }, actor, { data, filename: 'same.xlsx' }, '127.0.0.1')));
    expect(both.map((r) => r.imported).sort()).toEqual([0, 3]);
    const refused = both.find((r) => r.imported === 0)!;
    expect(refused.errors.map((e) => e.reason)).toEqual(Array(3).fill('医师已存在，请前往【调入医师】模块查询'));
    const stored = await ctx.t.db.select({ id: physicians.id }).from(physicians).where(inArray(physicians.idNumberHash, ids.map((id) => ctx.t.pii.idNumberHash(id))));
    expect(stored).toHaveLength(3);
  });

});
