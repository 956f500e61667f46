import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BankItemDetail, BankList } from '../../../common/schemas/question-bank.js';
import { auditEvents, questionItems, questions } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld, type ActorName } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { otherProvinceAuthority, put } from '../../test-support/cycle-factories.js';
import {
  FIVE,
  addItems,
  bankRevision,
  caseGroup,
  drawQuestions,
  optionGroup,
  questionIdsOf,
  singleA1,
  singleTF,
  singleX,
} from '../../test-support/question-bank-factories.js';
import { questionsOf } from '../exams/attempts.js';

const ctx = setupTenantWorld();
let hunan: Client;
/** Item ids of the 990000 bank built below, by name. */
const ids: Record<string, number> = {};
let hunanItem: number;

/** Only the provincial authority: city authorities hear why, every other role is refused by role. */
const provincialOnly = (ok: number): Record<ActorName, number> => ({ ...byRole({}), provinceAuthority: ok });

beforeAll(async () => {
  hunan = (await otherProvinceAuthority(ctx.t)).client;
  const db = ctx.t.db;
  [ids.law1, ids.law2, ids.lawX, ids.lawTF, ids.lawCase] = await addItems(db, '990000', [
    singleA1('医师法规定定期考核周期为'),
    singleA1('传染病防治法规定甲类传染病是'),
    singleX('下列属于医师义务的有'),
    singleTF('医师可以出具与执业范围无关的医学证明'),
    caseGroup('患者张某因医疗纠纷投诉', 3, 'A4'),
  ]);
  [ids.clinical1, ids.clinicalB1] = await addItems(db, '990000', [singleA1('大叶性肺炎最常见的病原体是', 'B'), optionGroup('心内', 2)], { practiceCategory: 'clinical', clinicalSubject: '03.04' });
  [ids.dental1] = await addItems(db, '990000', [singleA1('龋病的主要致病菌是')], { practiceCategory: 'dental' });
  [hunanItem] = await addItems(db, '430000', [singleA1('湖南省题库的题目')]);
});

const list = async (query = '', client = ctx.clients.provinceAuthority): Promise<BankList> => {
  const res = await client.get(`/api/v1/question-bank/items${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const detail = async (id: number): Promise<BankItemDetail> => (await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items/${id}`)).json();
const itemCount = async () => (await ctx.t.db.select({ n: count() }).from(questionItems))[0].n;

const a1Body = (stem: string, changes: Record<string, unknown> = {}) => ({
  paper: 'humanities',
  item: { type: 'A1', stem, options: FIVE, answer: 'A', explanation: `${stem}的解析`, difficulty: 1 },
  ...changes,
});

describe('GET /api/v1/question-bank/items (题库列表)', () => {
  it('is the provincial authority’s only; a city authority hears why', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/question-bank/items'), provincialOnly(200));
    const city = await ctx.clients.cityAAuthority.get('/api/v1/question-bank/items');
    expect(city.json().error.message).toBe('只有省级卫生行政部门可以管理题库和试卷规则');
  });

  it('lists the province’s current items newest first, with a summary line, size and tags', async () => {
    const page = await list();
    expect(page.total).toBe(8);
    expect(page.items[0]).toMatchObject({ id: ids.dental1, type: 'A1', paper: 'proficiency', practiceCategory: 'dental', summary: '龋病的主要致病菌是', questionCount: 1, status: 'enabled', version: 1 });
    const group = page.items.find((i) => i.id === ids.lawCase)!;
    expect(group).toMatchObject({ type: 'A4', paper: 'humanities', practiceCategory: null, summary: '患者张某因医疗纠纷投诉', questionCount: 3, difficulty: 2 });
    const b1 = page.items.find((i) => i.id === ids.clinicalB1)!;
    expect(b1).toMatchObject({ summary: '心内配伍1', questionCount: 2, clinicalSubject: '03.04' });
    expect(page.items.map((i) => i.id)).not.toContain(hunanItem);
  });

  it('filters by 试卷, 题型, 执业类别, 关键字 (in stems and cases) and pages on the server', async () => {
    expect((await list('?paper=humanities')).total).toBe(5);
    expect((await list('?paper=proficiency&practiceCategory=clinical')).items.map((i) => i.id).sort()).toEqual([ids.clinical1, ids.clinicalB1].sort());
    expect((await list('?type=X')).items.map((i) => i.id)).toEqual([ids.lawX]);
    expect((await list('?keyword=医疗纠纷')).items.map((i) => i.id)).toEqual([ids.lawCase]);
    expect((await list(`?keyword=${encodeURIComponent('纠纷投诉问题2')}`)).items.map((i) => i.id)).toEqual([ids.lawCase]);
    expect((await list('?keyword=%25')).total).toBe(0);
    const second = await list('?pageSize=10&page=1');
    expect(second.items).toHaveLength(8);
    const beyond = await list('?page=2');
    expect(beyond).toMatchObject({ total: 8, items: [], page: 2 });
  });

  it.each([
    ['?pageSize=7', 'pageSize', '每页条数只能为10、20、50或100'],
    ['?type=Z', 'type', '题型不正确'],
    ['?paper=exam', 'paper', '试卷不正确'],
    ['?status=gone', 'status', '状态不正确'],
    ['?practiceCategory=nurse', 'practiceCategory', '执业类别不正确'],
  ])('refuses %s with a message on %s', async (query, field, message) => {
    const res = await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
  });

  it('another province sees only its own bank', async () => {
    const page = await list('', hunan);
    expect(page.items.map((i) => i.id)).toEqual([hunanItem]);
  });
});

describe('GET /api/v1/question-bank/counts (题目数量)', () => {
  it('is the provincial authority’s only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/question-bank/counts'), provincialOnly(200));
  });

  it('counts enabled items and questions per 试卷 × 执业类别 × 题型', async () => {
    const { counts } = (await ctx.clients.provinceAuthority.get('/api/v1/question-bank/counts')).json();
    expect(counts).toEqual(
      expect.arrayContaining([
        { paper: 'humanities', practiceCategory: null, type: 'A1', items: 2, questions: 2 },
        { paper: 'humanities', practiceCategory: null, type: 'A4', items: 1, questions: 3 },
        { paper: 'proficiency', practiceCategory: 'clinical', type: 'B1', items: 1, questions: 2 },
        { paper: 'proficiency', practiceCategory: 'dental', type: 'A1', items: 1, questions: 1 },
      ]),
    );
    expect(counts).toHaveLength(7);
  });
});

describe('GET /api/v1/question-bank/items/:id (试题)', () => {
  it('is the provincial authority’s only; another province’s item is not found', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/question-bank/items/${ids.law1}`), provincialOnly(200));
    expect((await hunan.get(`/api/v1/question-bank/items/${ids.law1}`)).statusCode).toBe(404);
    expect((await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items/${hunanItem}`)).statusCode).toBe(404);
    expect((await ctx.clients.provinceAuthority.get('/api/v1/question-bank/items/abc')).json().error.message).toBe('编号格式不正确');
  });

  it('gives the authority the key and 解析 of every question', async () => {
    const item = await detail(ids.clinicalB1);
    expect(item).toMatchObject({ paper: 'proficiency', practiceCategory: 'clinical', clinicalSubject: '03.04', status: 'enabled', version: 1, previousId: null, drawn: false });
    expect(item.item).toEqual({
      type: 'B1',
      sharedOptions: FIVE.map((o) => `心内${o}`),
      questions: [
        { stem: '心内配伍1', answer: 'C', explanation: '心内配伍解析1', difficulty: 1 },
        { stem: '心内配伍2', answer: 'C', explanation: '心内配伍解析2', difficulty: 1 },
      ],
    });
  });
});

describe('GET /api/v1/question-bank/items/:id/preview (预览)', () => {
  it('is the provincial authority’s only; another province’s item is not found', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/question-bank/items/${ids.lawCase}/preview`), provincialOnly(200));
    expect((await hunan.get(`/api/v1/question-bank/items/${ids.lawCase}/preview`)).statusCode).toBe(404);
  });

  it('shows the questions as the attempt page does: the shared case with its group, no key, no 解析', async () => {
    const res = await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items/${ids.lawCase}/preview`);
    const { questions: shown } = res.json();
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatchObject({ position: 0, type: 'A4', typeLabel: 'A4型题', stem: '患者张某因医疗纠纷投诉问题1', options: FIVE });
    expect(shown[0].group).toEqual({ index: 1, shared: '患者张某因医疗纠纷投诉', sharedOptions: null, first: 0, size: 3 });
    expect(shown[2].group.first).toBe(0);
    expect(res.body).not.toContain('解析');
    expect(res.body).not.toContain('"answer"');
    const b1 = (await ctx.clients.provinceAuthority.get(`/api/v1/question-bank/items/${ids.clinicalB1}/preview`)).json().questions;
    expect(b1[0]).toMatchObject({ options: [], group: { sharedOptions: FIVE.map((o) => `心内${o}`), size: 2 } });
  });
});

describe('POST /api/v1/question-bank/items (新增试题)', () => {
  it('is the provincial authority’s only; refused roles create nothing', async () => {
    const before = await itemCount();
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/question-bank/items', a1Body('权限测试题')), { ...provincialOnly(201) });
    expect(await itemCount()).toBe(before + 1);
  });

  it('creates a group, bumps the bank revision and writes an audit row', async () => {
    const revision = await bankRevision(ctx.t.db, '990000');
    const body = {
      paper: 'proficiency',
      practiceCategory: 'clinical',
      clinicalSubject: '03.01',
      item: { type: 'A3', shared: '  男，65岁，咳嗽咳痰20年。  ', questions: [0, 1].map((i) => ({ stem: `小题${i}`, options: FIVE, answer: 'E', explanation: `解析${i}`, difficulty: 3 })) },
    };
    const res = await ctx.clients.provinceAuthority.post('/api/v1/question-bank/items', body);
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const saved = await detail(id);
    expect(saved).toMatchObject({ paper: 'proficiency', practiceCategory: 'clinical', clinicalSubject: '03.01', status: 'enabled', version: 1 });
    expect(saved.item).toMatchObject({ type: 'A3', shared: '男，65岁，咳嗽咳痰20年。', questions: [{ stem: '小题0', answer: 'E', difficulty: 3 }, { stem: '小题1' }] });
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision + 1);
    const [audit] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'questionBank.itemCreated'), eq(auditEvents.targetId, String(id))));
    expect(audit.after).toMatchObject({ paper: 'proficiency', item: { type: 'A3' } });
  });

  it.each([
    [a1Body('缺选项', { item: { type: 'A1', stem: '缺选项', options: FIVE.slice(0, 4), answer: 'A', explanation: '解析', difficulty: 1 } }), 'item.options', 'A1型题选项须为5个（A–E）'],
    [a1Body('', {}), 'item.stem', '请输入题干'],
    [a1Body('答案错', { item: { type: 'A1', stem: '答案错', options: FIVE, answer: 'F', explanation: '解析', difficulty: 1 } }), 'item.answer', '答案须为A–E中的一个字母'],
    [a1Body('X答案', { item: { type: 'X', stem: 'X答案', options: FIVE, answer: 'A', explanation: '解析', difficulty: 1 } }), 'item.answer', 'X型题答案须为A–E中至少两个不重复的字母，按字母顺序（如ACD）'],
    [a1Body('难度', { item: { type: 'TF', stem: '难度', options: [], answer: 'T', explanation: '解析', difficulty: 5 } }), 'item.difficulty', '难度须为1（易）、2（中）或3（难）'],
    [{ paper: 'humanities', item: { type: 'A3', shared: '病例', questions: [{ stem: '一', options: FIVE, answer: 'A', explanation: '解析', difficulty: 1 }, { stem: '', options: FIVE, answer: 'A', explanation: '解析', difficulty: 1 }] } }, 'item.questions.1.stem', '请输入题干'],
    [{ paper: 'humanities', item: { type: 'B1', sharedOptions: FIVE, questions: [{ stem: '一', answer: 'A', explanation: '解析', difficulty: 1 }] } }, 'item.questions', 'B1型题须有至少2个子题'],
    [a1Body('业务', { paper: 'proficiency' }), 'practiceCategory', '业务水平题须选择执业类别'],
    [a1Body('人文', { practiceCategory: 'clinical' }), 'practiceCategory', '医学人文·法律法规题不分执业类别'],
    [a1Body('科目', { paper: 'proficiency', practiceCategory: 'clinical', clinicalSubject: '99.99' }), 'clinicalSubject', '诊疗科目不正确'],
    [a1Body('题型', { item: { type: 'Y', stem: '题型' } }), 'item.type', '题型须为A1、A2、A3、A4、B1、X或TF'],
    [a1Body('控制\u0000字符'), 'item.stem', '题干含有非法字符'],
  ])('refuses a bad item with a Chinese message on the field, creating nothing (%#)', async (body, field, message) => {
    const before = await itemCount();
    const res = await ctx.clients.provinceAuthority.post('/api/v1/question-bank/items', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
    expect(await itemCount()).toBe(before);
  });
});

describe('PUT /api/v1/question-bank/items/:id (编辑试题)', () => {
  it('is the provincial authority’s only; another province’s item is not found and stays as it was', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [singleA1('编辑权限题')]);
    await checkAccessMatrix(ctx.clients, (c) => put(c, `/api/v1/question-bank/items/${id}`, a1Body('编辑权限题（改）')), provincialOnly(200));
    const res = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${hunanItem}`, a1Body('改别省的题'));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('试题不存在');
    const [row] = await ctx.t.db.select().from(questions).where(eq(questions.itemId, hunanItem));
    expect(row.stem).toBe('湖南省题库的题目');
  });

  it('edits an item no attempt has drawn in place: same id, version 1', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [singleA1('未抽取的题')]);
    const revision = await bankRevision(ctx.t.db, '990000');
    const res = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${id}`, {
      paper: 'proficiency',
      practiceCategory: 'tcm',
      item: { type: 'X', stem: '未抽取的题（改为多选）', options: FIVE.slice(0, 4), answer: 'BD', explanation: '新解析', difficulty: 2 },
    });
    expect(res.json()).toEqual({ id, versioned: false });
    const saved = await detail(id);
    expect(saved).toMatchObject({ version: 1, status: 'enabled', paper: 'proficiency', practiceCategory: 'tcm', item: { type: 'X', stem: '未抽取的题（改为多选）', answer: 'BD', options: FIVE.slice(0, 4) } });
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision + 1);
    expect(await questionIdsOf(ctx.t.db, id)).toHaveLength(1);
  });

  it('makes a new version of an item an attempt drew; the attempt keeps the questions it drew', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [caseGroup('已抽取病例', 2)]);
    const drawnIds = await questionIdsOf(ctx.t.db, id);
    const attempt = await drawQuestions(ctx.t.db, ctx.world.physicianA.physician.id, drawnIds);
    expect((await detail(id)).drawn).toBe(true);
    const edited = caseGroup('已抽取病例（修订）', 3);
    const res = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${id}`, { paper: 'humanities', item: edited });
    expect(res.statusCode, res.body).toBe(200);
    const { id: newId, versioned } = res.json();
    expect(versioned).toBe(true);
    expect(newId).not.toBe(id);

    const [old, fresh] = [await detail(id), await detail(newId)];
    expect(old).toMatchObject({ status: 'replaced', version: 1, item: { shared: '已抽取病例' } });
    expect(fresh).toMatchObject({ status: 'enabled', version: 2, previousId: id, drawn: false, item: { shared: '已抽取病例（修订）' } });
    // The attempt's draw still names the old questions, which still hold what was drawn.
    const stored = await questionsOf(ctx.t.db, attempt.draw);
    expect(drawnIds.map((q) => stored.get(q)!.stem)).toEqual(['已抽取病例问题1', '已抽取病例问题2']);
    expect(stored.get(drawnIds[0])!.shared).toBe('已抽取病例');
    // The list shows the current version only, unless 历史版本 is asked for.
    expect((await list('?keyword=已抽取病例')).items.map((i) => i.id)).toEqual([newId]);
    expect((await list('?keyword=已抽取病例&status=replaced')).items.map((i) => [i.id, i.status])).toEqual([[id, 'replaced']]);
    const [audit] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'questionBank.itemVersioned'), eq(auditEvents.targetId, String(newId))));
    expect(audit.before).toMatchObject({ id });

    // An older version cannot be edited again.
    const again = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${id}`, { paper: 'humanities', item: edited });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该试题已有新版本，请编辑最新版本');
  });

  it('keeps a disabled item disabled in its new version', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [singleA1('停用后编辑')]);
    await drawQuestions(ctx.t.db, ctx.world.physicianA.physician.id, await questionIdsOf(ctx.t.db, id));
    await ctx.clients.provinceAuthority.post(`/api/v1/question-bank/items/${id}/disable`);
    const { id: newId } = (await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${id}`, a1Body('停用后编辑（改）'))).json();
    expect((await detail(newId)).status).toBe('disabled');
  });

  it('saving what is stored changes nothing', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [singleA1('原样保存')]);
    await drawQuestions(ctx.t.db, ctx.world.physicianA.physician.id, await questionIdsOf(ctx.t.db, id));
    const revision = await bankRevision(ctx.t.db, '990000');
    const res = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${id}`, { paper: 'humanities', item: singleA1('原样保存') });
    expect(res.json()).toEqual({ id, versioned: false });
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision);
  });

  it('refuses a bad edit with the field’s message and changes nothing', async () => {
    const res = await put(ctx.clients.provinceAuthority, `/api/v1/question-bank/items/${ids.law2}`, a1Body('', {}));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['item.stem']).toBe('请输入题干');
    expect((await detail(ids.law2)).item).toMatchObject({ stem: '传染病防治法规定甲类传染病是' });
  });
});

describe('POST /api/v1/question-bank/items/:id/disable | enable (停用 / 启用)', () => {
  it('is the provincial authority’s only; another province’s item is not found', async () => {
    const [id] = await addItems(ctx.t.db, '990000', [singleA1('停用权限题')]);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/question-bank/items/${id}/disable`), provincialOnly(204));
    expect((await hunan.post(`/api/v1/question-bank/items/${id}/enable`)).statusCode).toBe(404);
    expect((await detail(id)).status).toBe('disabled');
    expect((await ctx.clients.cityAAuthority.post(`/api/v1/question-bank/items/${id}/enable`)).statusCode).toBe(403);
    expect((await detail(id)).status).toBe('disabled');
  });

  it('takes an item out of the counts and the bank a start draws from, and back', async () => {
    const dentalA1 = async () =>
      ((await ctx.clients.provinceAuthority.get('/api/v1/question-bank/counts')).json().counts as { practiceCategory: string; type: string; questions: number }[]).find(
        (c) => c.practiceCategory === 'dental' && c.type === 'A1',
      )?.questions ?? 0;
    const revision = await bankRevision(ctx.t.db, '990000');
    expect(await dentalA1()).toBe(1);
    expect((await ctx.clients.provinceAuthority.post(`/api/v1/question-bank/items/${ids.dental1}/disable`)).statusCode).toBe(204);
    expect(await dentalA1()).toBe(0);
    expect((await list('?status=disabled&practiceCategory=dental')).items.map((i) => i.id)).toEqual([ids.dental1]);
    expect(await bankRevision(ctx.t.db, '990000')).toBe(revision + 1);
    expect((await ctx.clients.provinceAuthority.post(`/api/v1/question-bank/items/${ids.dental1}/enable`)).statusCode).toBe(204);
    expect(await dentalA1()).toBe(1);
    const actions = await ctx.t.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.targetType, 'questionItem'), eq(auditEvents.targetId, String(ids.dental1))));
    expect(actions.map((a) => a.action)).toEqual(['questionBank.itemDisabled', 'questionBank.itemEnabled']);
  });

  it('refuses to change an older version', async () => {
    const replaced = (await ctx.t.db.execute(sql`select id from question_items where status = 'replaced' limit 1`)) as unknown as { rows: { id: number }[] };
    const res = await ctx.clients.provinceAuthority.post(`/api/v1/question-bank/items/${replaced.rows[0].id}/enable`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('历史版本不能停用或启用');
  });
});
