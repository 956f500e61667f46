import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, questionItems, questions } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld, type ActorName } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { otherProvinceAuthority } from '../../test-support/cycle-factories.js';
import { addItems, bankRevision, bankWorkbook, caseGroup, optionGroup, singleA1, uploadFile } from '../../test-support/question-bank-factories.js';
import { sheetRows } from '../../test-support/sheet-rows.js';
import { bankSheetHeaders } from './sheet.js';

const ctx = setupTenantWorld();
let hunan: Client;
beforeAll(async () => {
  hunan = (await otherProvinceAuthority(ctx.t)).client;
  await addItems(ctx.t.db, '430000', [singleA1('湖南省的题')]);
});

const provincialOnly = (ok: number): Record<ActorName, number> => ({ ...byRole({}), provinceAuthority: ok });
const importUrl = '/api/v1/question-bank/import';
const questionCount = async () => (await ctx.t.db.select({ n: count() }).from(questions))[0].n;
const itemCount = async () => (await ctx.t.db.select({ n: count() }).from(questionItems))[0].n;
const opts = (values: string[]) => Object.fromEntries(values.map((v, i) => [`选项${'ABCDEFGH'[i]}`, v]));
const five = (tag: string) => opts(['一', '二', '三', '四', '五'].map((n) => `${tag}${n}`));
const HUMANITIES = '医学人文·法律法规';

/** A small bank with every type: 9 rows, 7 items. */
const goodRows = (tag: string): Record<string, string>[] => [
  { 题型: 'A1', 题干: `${tag}《医师法》施行日期`, ...five('日期'), 答案: 'd', 解析: '《医师法》自2022年3月1日起施行。', 试卷: HUMANITIES, 难度: '易' },
  { 题型: 'A2型题', 题干: `${tag}某医师未经亲自诊查出具证明`, ...five('处理'), 答案: 'B', 解析: '《医师法》第二十四条。', 试卷: '医学人文•法律法规' },
  { 题型: 'A3', 分组号: 'G1', 共用题干: `${tag}男，58岁，胸痛2小时。`, 题干: `${tag}最可能的诊断`, ...five('诊断'), 答案: 'B', 解析: '急性心肌梗死。', 试卷: '业务水平', 执业类别: '临床', 诊疗科目: '03.04 心血管内科专业', 难度: '中' },
  { 题型: 'A3', 分组号: 'G1', 题干: `${tag}首选检查`, ...five('检查'), 答案: 'A', 解析: '心电图。', 试卷: '业务水平', 执业类别: '临床', 难度: '难' },
  { 题型: 'B1', 分组号: 'G2', 题干: `${tag}配伍一`, ...five('备选'), 答案: 'A', 解析: '配伍一解析', 试卷: '业务水平', 执业类别: '临床' },
  { 题型: 'B1', 分组号: 'G2', 题干: `${tag}配伍二`, 答案: 'A', 解析: '配伍二解析', 试卷: '业务水平', 执业类别: '临床' },
  { 题型: '多选题', 题干: `${tag}医师的义务有`, ...opts(['甲', '乙', '丙', '丁']), 答案: 'D, C, A', 解析: '《医师法》第二十三条。', 试卷: HUMANITIES },
  { 题型: '判断', 题干: `${tag}医师节是8月19日`, 答案: '正确', 解析: '《医师法》第二条。', 试卷: HUMANITIES },
  { 题型: 'A1', 题干: `${tag}口腔题`, ...five('牙'), 答案: 'C', 解析: '口腔解析', 试卷: '业务水平', 执业类别: '口腔', 诊疗科目: '12' },
];

describe('GET /api/v1/question-bank/import-template (题库导入模板)', () => {
  it('is the provincial authority’s only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/question-bank/import-template'), provincialOnly(200));
  });

  it('has the columns, an example of each kind of row, and a 说明 sheet explaining every column', async () => {
    const res = await ctx.clients.provinceAuthority.get('/api/v1/question-bank/import-template');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [header, ...examples] = await sheetRows(res.rawPayload);
    expect(header).toEqual(['题型', '分组号', '共用题干', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H', '答案', '解析', '试卷', '执业类别', '诊疗科目', '难度']);
    expect(examples.map((r) => r[0])).toEqual(['A1', 'A3', 'A3', 'B1', 'B1', 'X', '判断']);
    expect(examples.every((r) => r[3].startsWith('示例'))).toBe(true);
    const notes = (await sheetRows(res.rawPayload, 1)).map((r) => r[0]);
    for (const column of ['题型', '分组号', '共用题干', '题干', '选项A…选项H', '答案', '解析', '试卷', '执业类别', '诊疗科目', '难度']) expect(notes).toContain(column);
    const text = (await sheetRows(res.rawPayload, 1)).map((r) => r.join(' ')).join('\n');
    expect(text).toContain('B1 的5个「共用备选答案」填在该组第一行的选项A–E');
    expect(text).toContain('有任一行未通过则全部不导入');
  });

  it('imported as it is, refuses the example rows and imports nothing', async () => {
    const template = (await ctx.clients.provinceAuthority.get('/api/v1/question-bank/import-template')).rawPayload;
    const before = await itemCount();
    const result = (await uploadFile(ctx.clients.provinceAuthority, importUrl, template)).json();
    expect(result).toMatchObject({ imported: 0, rejected: 7 });
    expect(result.errors[0].reason).toContain('模板示例行，请删除后再导入');
    expect(await itemCount()).toBe(before);
  });
});

describe('POST /api/v1/question-bank/import (批量导入)', () => {
  it('is the provincial authority’s only; refused roles import nothing', async () => {
    const file = await bankWorkbook(goodRows('权限'));
    const before = await questionCount();
    await checkAccessMatrix(ctx.clients, (c) => uploadFile(c, importUrl, file), provincialOnly(200));
    expect(await questionCount()).toBe(before + 9);
  });

  it('imports every type in one go: groups by 分组号, shared parts from the first row, cells read leniently', async () => {
    const revision = await bankRevision(ctx.t.db, '990000');
    const res = await uploadFile(ctx.clients.provinceAuthority, importUrl, await bankWorkbook(goodRows('甲')));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 9, rejected: 0, errors: [], rejectedFile: null });
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision + 1);

    const items = (await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items?keyword=${encodeURIComponent('甲')}&pageSize=20`)).json().items;
    expect(items).toHaveLength(7);
    const byType = Object.fromEntries(items.map((i: { type: string; id: number }) => [i.type, i.id]));
    const detail = async (type: string) => (await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items/${byType[type]}`)).json();
    expect(await detail('A3')).toMatchObject({
      paper: 'proficiency',
      practiceCategory: 'clinical',
      clinicalSubject: '03.04',
      item: { type: 'A3', shared: '甲男，58岁，胸痛2小时。', questions: [{ stem: '甲最可能的诊断', answer: 'B', difficulty: 2 }, { stem: '甲首选检查', answer: 'A', difficulty: 3 }] },
    });
    expect(await detail('B1')).toMatchObject({ item: { sharedOptions: ['备选一', '备选二', '备选三', '备选四', '备选五'], questions: [{ stem: '甲配伍一' }, { stem: '甲配伍二' }] } });
    expect(await detail('X')).toMatchObject({ paper: 'humanities', practiceCategory: null, item: { answer: 'ACD', options: ['甲', '乙', '丙', '丁'] } });
    expect(await detail('TF')).toMatchObject({ item: { answer: 'T', options: [] } });
    expect(await detail('A2')).toMatchObject({ paper: 'humanities', item: { difficulty: 2 } });
    const a1 = items.filter((i: { type: string }) => i.type === 'A1');
    expect(a1.map((i: { practiceCategory: string | null; clinicalSubject: string | null }) => [i.practiceCategory, i.clinicalSubject]).sort()).toEqual([[null, null], ['dental', '12']]);

    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'questionBank.imported')).orderBy(auditEvents.id);
    expect(audit.after).toMatchObject({ questions: 9, items: 7 });
  });

  it('is all or nothing: one refused row imports nothing, and the report is the file with a 失败原因 column', async () => {
    const rows = [
      ...goodRows('乙'),
      { 题型: 'A1', 题干: '乙答案超出选项', ...five('选'), 答案: 'F', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'A3', 分组号: 'G9', 共用题干: '只有一个小题的病例', 题干: '乙孤题', ...five('选'), 答案: 'A', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'A1', 题干: '乙业务无类别', ...five('选'), 答案: 'A', 解析: '解析', 试卷: '业务水平' },
      { 题型: 'C1', 题干: '乙未知题型', 答案: 'A', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'B1', 分组号: 'G8', 题干: '乙配伍甲', ...five('备'), 答案: 'A', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'B1', 分组号: 'G8', 题干: '乙配伍乙', ...five('别'), 答案: 'B', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'A1', 题干: '乙选项跳空', 选项A: '一', 选项C: '三', 答案: 'A', 解析: '解析', 试卷: HUMANITIES },
      { 题型: 'A1', 题干: '乙试卷错', ...five('选'), 答案: 'A', 解析: '解析', 试卷: '理论' },
    ];
    const [before, revision] = [await questionCount(), await bankRevision(ctx.t.db, '990000')];
    const res = await uploadFile(ctx.clients.provinceAuthority, importUrl, await bankWorkbook(rows));
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.imported).toBe(0);
    expect(result.rejected).toBe(7);
    expect(result.errors).toEqual([
      { row: 11, reason: '答案须为A–E中的一个字母' },
      { row: 12, reason: '共用题干题须有2–6个子题' },
      { row: 13, reason: '业务水平题须填写执业类别' },
      { row: 14, reason: '题型「C1」不正确，可选：A1、A2、A3、A4、B1、X、判断' },
      { row: 15, reason: '' },
      { row: 16, reason: 'B1型题的共用备选答案只填在该组第一行的选项A–E' },
      { row: 17, reason: '选项须从选项A起连续填写，中间不能留空' },
      { row: 18, reason: '试卷「理论」不正确，可选：医学人文·法律法规、业务水平' },
    ].filter((e) => e.reason !== ''));
    // Nothing was written.
    expect(await questionCount()).toBe(before);
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision);

    const report = await sheetRows(Buffer.from(result.rejectedFile, 'base64'));
    expect(report[0]).toEqual([...bankSheetHeaders, '失败原因']);
    expect(report).toHaveLength(rows.length + 1);
    expect(report[1].at(-1)).toBe('');
    expect(report[10]).toContain('乙答案超出选项');
    expect(report[10].at(-1)).toBe('答案须为A–E中的一个字母');

    // The rows corrected in the report itself: it imports.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.rejectedFile, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const column = (header: string) => bankSheetHeaders.indexOf(header) + 1;
    for (const r of [18, 17, 16, 15, 14, 13, 12]) sheet.spliceRows(r, 1);
    sheet.getRow(11).getCell(column('答案')).value = 'E';
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const again = (await uploadFile(ctx.clients.provinceAuthority, importUrl, fixed)).json();
    expect(again).toMatchObject({ imported: 10, rejected: 0 });
  });

  it.each([
    ['not an Excel file', Buffer.from('题型,题干\nA1,x'), 'bank.xlsx', /导入文件/],
    ['an Excel file without the template’s columns', null, 'bank.xlsx', /^导入文件：缺少列：题型、分组号、题干、答案、解析、试卷，请使用导入模板$/],
  ])('refuses %s and imports nothing', async (_what, data, filename, message) => {
    const file = data ?? (await bankWorkbook([{ 名称: 'x' }], ['名称']));
    const before = await questionCount();
    const res = await uploadFile(ctx.clients.provinceAuthority, importUrl, file, filename);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
    expect(res.json().error.fields.file).toBeTruthy();
    expect(await questionCount()).toBe(before);
  });

  it('refuses an empty file and a request without one', async () => {
    const empty = await uploadFile(ctx.clients.provinceAuthority, importUrl, await bankWorkbook([]));
    expect(empty.json().error.message).toBe('导入文件：没有可导入的数据');
    const none = await ctx.clients.provinceAuthority.post(importUrl, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.file).toBe('请选择要导入的Excel文件');
  });
});

describe('GET /api/v1/question-bank/export (导出)', () => {
  it('is the provincial authority’s only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/question-bank/export?paper=humanities'), provincialOnly(200));
  });

  it('writes the template’s columns, a group over its rows; the export imports again as new items', async () => {
    const [caseId, optionsId] = await addItems(ctx.t.db, '990000', [caseGroup('导出病例', 2, 'A4'), optionGroup('导出配伍', 3)], { practiceCategory: 'publicHealth', clinicalSubject: '03.01' });
    const res = await ctx.clients.provinceAuthority.get('/api/v1/question-bank/export?practiceCategory=publicHealth');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('题库.xlsx'));
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(bankSheetHeaders);
    expect(rows).toHaveLength(6);
    const cell = (row: string[], header: string) => row[bankSheetHeaders.indexOf(header)] ?? '';
    expect(rows.slice(1).map((r) => cell(r, '分组号'))).toEqual([`G${caseId}`, `G${caseId}`, `G${optionsId}`, `G${optionsId}`, `G${optionsId}`]);
    expect(cell(rows[1], '共用题干')).toBe('导出病例');
    expect(cell(rows[2], '共用题干')).toBe('');
    expect(cell(rows[3], '选项A')).toBe('导出配伍选项一');
    expect(cell(rows[4], '选项A')).toBe('');
    expect(cell(rows[1], '诊疗科目')).toBe('03.01 呼吸内科专业');
    expect([cell(rows[1], '试卷'), cell(rows[1], '执业类别'), cell(rows[1], '难度'), cell(rows[1], '答案')]).toEqual(['业务水平', '公共卫生', '中', 'B']);

    const result = (await uploadFile(ctx.clients.provinceAuthority, importUrl, res.rawPayload)).json();
    expect(result).toMatchObject({ imported: 5, rejected: 0 });
    const counts = (await ctx.clients.provinceAuthority.get('/api/v1/question-bank/counts')).json().counts;
    expect(counts.filter((c: { practiceCategory: string }) => c.practiceCategory === 'publicHealth')).toEqual([
      { paper: 'proficiency', practiceCategory: 'publicHealth', type: 'A4', items: 2, questions: 4 },
      { paper: 'proficiency', practiceCategory: 'publicHealth', type: 'B1', items: 2, questions: 6 },
    ]);
    const audit = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'questionBank.exported'));
    expect(audit.at(-1)!.after).toEqual({ practiceCategory: 'publicHealth' });
  });

  it('writes 判断 answers in words, and another province exports only its own bank', async () => {
    const tf = await sheetRows((await ctx.clients.provinceAuthority.get('/api/v1/question-bank/export?type=TF')).rawPayload);
    expect(tf.length).toBeGreaterThan(1);
    expect(tf.slice(1).every((r) => r[0] === '判断' && r[bankSheetHeaders.indexOf('答案')] === '正确')).toBe(true);
    const rows = await sheetRows((await hunan.get('/api/v1/question-bank/export')).rawPayload);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['湖南省的题']);
  });

  it('refuses a bad filter', async () => {
    const res = await ctx.clients.provinceAuthority.get('/api/v1/question-bank/export?type=Q');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.type).toBe('题型不正确');
  });
});
