import { describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { accounts, auditEvents, institutions } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { Client } from '../../test-support/app.js';
import { xlsxWithRows, xlsxWithSharedStrings } from '../../test-support/crafted-xlsx.js';
import { sheetRows } from '../../test-support/sheet-rows.js';

const ctx = setupTenantWorld();

const HEADERS = ['机构名称', '机构账号', '区划代码', '机构类型', '机构级别', '机构等次', '联系人', '手机号码'];

async function workbook(rows: string[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('机构账号');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field. */
function upload(client: Client, data: Buffer, filename = 'institutions.xlsx', field = 'file') {
  const boundary = '----import-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', '/api/v1/institutions/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('GET /api/v1/institutions/import-template (导入模板)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/institutions/import-template'), byRole({ authority: 200 }));
  });

  it('has the headers, an example row and a 说明 sheet with the allowed values and the jurisdiction’s region codes', async () => {
    const res = await ctx.clients.cityAAuthority.get('/api/v1/institutions/import-template');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [header, example] = await sheetRows(res.rawPayload);
    expect(header).toEqual(HEADERS);
    expect(example[0]).toMatch(/^示例/);
    expect(example[2]).toBe('990101');
    const notes = (await sheetRows(res.rawPayload, 1)).map((r) => r.join(' '));
    expect(notes.join('\n')).toContain('医疗机构、疾病预防控制机构、妇幼保健机构、基层医疗卫生机构、其他');
    expect(notes.join('\n')).toContain('三级、二级、一级、未定级');
    expect(notes.join('\n')).toContain('甲等、乙等、丙等、未评等');
    expect(notes).toContain('990102 长河市 西城区');
    expect(notes.some((n) => n.startsWith('990201'))).toBe(false);
  });
});

describe('POST /api/v1/institutions/import (批量导入)', () => {
  const good = (account: string, region = '990101'): string[] => [`导入医院${account}`, account, region, '医疗机构', '二级', '甲等', '王五', '13900001111'];

  it('is for authorities only', async () => {
    const file = await workbook([]);
    await checkAccessMatrix(ctx.clients, (c) => upload(c, file), byRole({ authority: 400 }));
  });

  it('answers 400 naming the file for no file, a file that is not Excel, wrong headers, no rows', async () => {
    const c = ctx.clients.cityAAuthority;
    const none = await c.post('/api/v1/institutions/import', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.file).toBe('请选择要导入的Excel文件');
    const text = await upload(c, Buffer.from('机构名称,机构账号\n'), 'fake.xlsx');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields.file).toBe('只能上传Excel文件');
    const headers = await upload(c, await workbook([good('HDR_1')], ['名称', '账号']));
    expect(headers.json().error.message).toContain('缺少列：机构名称、机构账号');
    const empty = await upload(c, await workbook([]));
    expect(empty.json().error.message).toBe('导入文件：没有可导入的数据');
  });

  it('refuses a file of 400,000 shared strings before reading its rows, answering other requests meanwhile', async () => {
    const data = xlsxWithSharedStrings(HEADERS, good('BIG_1'), 400_000);
    let finished = false;
    const importing = upload(ctx.clients.cityAAuthority, data).then((res) => {
      finished = true;
      return res;
    });
    // A request that needs no database (an unknown API path): it waits only for turns of the event loop, so it is
    // answered first unless the check holds the loop. (/api/health waits for PostgreSQL, which on a busy machine
    // can answer after the refusal.)
    const other = await ctx.t.app.inject({ method: 'GET', url: '/api/v1/no-such-page' });
    expect(other.statusCode).toBe(404);
    expect(finished).toBe(false);
    const res = await importing;
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ message: '导入文件：文件过大：共享字符串超过165000条', fields: { file: '文件过大：共享字符串超过165000条' } });
    expect(await ctx.t.db.select().from(accounts).where(eq(accounts.loginName, 'BIG_1'))).toEqual([]);
  });

  it('refuses more rows than allowed, naming the limit', async () => {
    const res = await upload(ctx.clients.cityAAuthority, xlsxWithRows(HEADERS, (i) => good(`ROWS_${i}`), 20_001));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('导入文件：一次最多导入20000行');
  });

  it('imports the valid rows in one go, reports every rejected row with its reason, and adds nothing the second time', async () => {
    const c = ctx.clients.cityAAuthority;
    const rows = [
      good('IMP_0001'),
      good('IMP_0002', '990102'),
      ['', 'IMP_0003', '990101', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院4', 'IMP-4', '990101', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院5', 'IMP_0005', '990201', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院6', 'IMP_0006', '990199', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院7', 'IMP_0007', '990101', '医院', '四级', '甲等', '', ''],
      ['导入医院8', 'imp_0001', '990101', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院9', ctx.world.institutionB.loginName.toLowerCase(), '990101', '医疗机构', '二级', '甲等', '', ''],
      ['导入医院10', 'IMP_0010', '990101', '医疗机构', '二级', '甲等', '', '1234'],
      ['示例：某某社区卫生服务中心', 'JG_0001', '990101', '基层医疗卫生机构', '一级', '未评等', '张三', '13800000000'],
      good('IMP_0012'),
    ];
    const res = await upload(c, await workbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ imported: 3, rejected: 9 });
    const reasons = Object.fromEntries(result.errors.map((e: { row: number; reason: string }) => [e.row, e.reason]));
    expect(reasons).toEqual({
      4: '请输入机构名称',
      5: '机构账号须为4–32位字母、数字或下划线',
      6: '区划代码「990201」不在本部门管辖范围内',
      7: '区划代码「990199」不存在',
      8: '机构类型「医院」不正确，可选：医疗机构、疾病预防控制机构、妇幼保健机构、基层医疗卫生机构、其他；机构级别「四级」不正确，可选：三级、二级、一级、未定级',
      9: '机构账号「imp_0001」与第2行重复',
      10: `机构账号「${ctx.world.institutionB.loginName.toLowerCase()}」已存在`,
      11: '手机号码须为11位手机号',
      12: '模板示例行，请删除后再导入',
    });

    const failed = await sheetRows(Buffer.from(result.rejectedFile, 'base64'));
    expect(failed[0]).toEqual([...HEADERS, '失败原因']);
    expect(failed.length).toBe(10);
    expect(failed[3]).toEqual(['导入医院5', 'IMP_0005', '990201', '医疗机构', '二级', '甲等', '', '', '区划代码「990201」不在本部门管辖范围内']);

    const created = await ctx.t.db
      .select({ name: institutions.name, authorityId: institutions.authorityId, regionCode: institutions.regionCode, type: institutions.type, level: institutions.level, grade: institutions.grade, mobile: institutions.mobile, login: accounts.loginName, hash: accounts.passwordHash, mustChange: accounts.mustChangePassword })
      .from(institutions)
      .innerJoin(accounts, eq(accounts.institutionId, institutions.id))
      .where(inArray(accounts.loginName, ['IMP_0001', 'IMP_0002', 'IMP_0012']))
      .orderBy(accounts.loginName);
    expect(created).toEqual([
      { name: '导入医院IMP_0001', authorityId: ctx.world.cityA.authority.id, regionCode: '990101', type: 'medical', level: 'level2', grade: 'gradeA', mobile: '13900001111', login: 'IMP_0001', hash: null, mustChange: true },
      { name: '导入医院IMP_0002', authorityId: ctx.world.cityA.authority.id, regionCode: '990102', type: 'medical', level: 'level2', grade: 'gradeA', mobile: '13900001111', login: 'IMP_0002', hash: null, mustChange: true },
      { name: '导入医院IMP_0012', authorityId: ctx.world.cityA.authority.id, regionCode: '990101', type: 'medical', level: 'level2', grade: 'gradeA', mobile: '13900001111', login: 'IMP_0012', hash: null, mustChange: true },
    ]);
    const login = await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account: 'IMP_0002', password: '666666' });
    expect(login.json().mustChangePassword).toBe(true);
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'institution.imported'));
    expect(audit).toMatchObject({ actorAccountId: ctx.world.cityA.account.id, after: { rows: 12, imported: 3, rejected: 9 } });

    const before = await ctx.t.db.select({ n: sql<number>`count(*)::int` }).from(institutions);
    const again = (await upload(c, await workbook([good('IMP_0001'), good('IMP_0002', '990102'), good('IMP_0012')]))).json();
    expect(again).toMatchObject({ imported: 0, rejected: 3 });
    expect(again.errors.map((e: { reason: string }) => e.reason)).toEqual(['机构账号「IMP_0001」已存在', '机构账号「IMP_0002」已存在', '机构账号「IMP_0012」已存在']);
    const after = await ctx.t.db.select({ n: sql<number>`count(*)::int` }).from(institutions);
    expect(after[0].n).toBe(before[0].n);
  });

  it('writes nothing when the set-based insert fails half-way', async () => {
    // A concurrent creator takes one account between the check and the insert: the unique index refuses the
    // whole batch, and none of the file's rows are left behind.
    const before = await ctx.t.db.select({ n: sql<number>`count(*)::int` }).from(institutions);
    await ctx.t.db.execute(sql`create or replace function race_take() returns trigger language plpgsql as $$
      begin
        if new.login_name = 'RACE_2' then raise unique_violation using message = 'taken meanwhile'; end if;
        return new;
      end $$`);
    await ctx.t.db.execute(sql`create trigger race_take before insert on accounts for each row execute function race_take()`);
    try {
      const res = await upload(ctx.clients.cityAAuthority, await workbook([good('RACE_1'), good('RACE_2')]));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe('导入期间有机构账号已被他人创建，请重新导入');
    } finally {
      await ctx.t.db.execute(sql`drop trigger race_take on accounts`);
    }
    const after = await ctx.t.db.select({ n: sql<number>`count(*)::int` }).from(institutions);
    expect(after[0].n).toBe(before[0].n);
    expect(await ctx.t.db.select().from(accounts).where(inArray(accounts.loginName, ['RACE_1', 'RACE_2']))).toEqual([]);
  });
});
