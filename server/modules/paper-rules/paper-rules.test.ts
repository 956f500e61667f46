import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperRuleCard, PaperRules } from '../../../common/schemas/paper-rules.js';
import { auditEvents, cycles, paperRules } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld, type ActorName } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { otherProvinceAuthority, put } from '../../test-support/cycle-factories.js';
import { addItems, caseGroup, optionGroup, singleA1, singleTF, singleX } from '../../test-support/question-bank-factories.js';

const ctx = setupTenantWorld();
let hunan: Client;
beforeAll(async () => {
  hunan = (await otherProvinceAuthority(ctx.t)).client;
  const db = ctx.t.db;
  // Humanities: 12 A1, 3 X, 4 判断, A3 groups of 3 and 2, one B1 group of 4.
  await addItems(db, '990000', [
    ...Array.from({ length: 12 }, (_, i) => singleA1(`人文单选${i}`)),
    ...Array.from({ length: 3 }, (_, i) => singleX(`人文多选${i}`)),
    ...Array.from({ length: 4 }, (_, i) => singleTF(`人文判断${i}`)),
    caseGroup('人文病例甲', 3),
    caseGroup('人文病例乙', 2),
    optionGroup('人文配伍', 4),
  ]);
  await addItems(db, '990000', Array.from({ length: 6 }, (_, i) => singleA1(`临床单选${i}`)), { practiceCategory: 'clinical' });
  await addItems(db, '430000', Array.from({ length: 50 }, (_, i) => singleA1(`湖南单选${i}`)));
});

const provincialOnly = (ok: number): Record<ActorName, number> => ({ ...byRole({}), provinceAuthority: ok });
const url = '/api/v1/paper-rules';
const ruleCount = async () => (await ctx.t.db.select({ n: count() }).from(paperRules))[0].n;
const view = async (client = ctx.clients.provinceAuthority): Promise<PaperRules> => (await client.get(url)).json();
const card = async (paper: string, category: string | null) => (await view()).cards.find((c) => c.paper === paper && c.practiceCategory === category)!;

/** 10 A1 × 5, 2 X × 5, 4 判断 × 5, the 3-question case × 5: 19 questions, 95 points, 57 to pass, 30 minutes. */
const humanitiesBody = (changes: Record<string, unknown> = {}) => ({
  paper: 'humanities',
  practiceCategory: null,
  sections: [
    { type: 'A1', count: 10, points: 5 },
    { type: 'A2', count: 0, points: 0 },
    { type: 'X', count: 2, points: 5 },
    { type: 'TF', count: 4, points: 5 },
    { type: 'A3', count: 3, points: 5 },
  ],
  passScore: 57,
  durationMinutes: 30,
  multipleScoring: 'partial',
  reviewAllowed: false,
  updatedAt: null,
  ...changes,
});

describe('GET /api/v1/paper-rules (试卷规则)', () => {
  it('is the provincial authority’s only; a city authority hears why', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(url), provincialOnly(200));
    expect((await ctx.clients.cityBAuthority.get(url)).json().error.message).toBe('只有省级卫生行政部门可以管理题库和试卷规则');
  });

  it('shows a card per 试卷 × 执业类别 of the current cycle, with what the bank holds per 题型', async () => {
    const rules = await view();
    expect(rules.cycle).toMatchObject({ id: ctx.world.cycle.id, name: ctx.world.cycle.name });
    expect(rules.cards.map((c) => c.title)).toEqual(['医学人文·法律法规（各执业类别通用）', '业务水平·临床', '业务水平·口腔', '业务水平·公共卫生', '业务水平·中医']);
    const humanities = rules.cards[0];
    expect(humanities.rule).toBeNull();
    expect(humanities.bank).toEqual([
      { type: 'A1', questions: 12, groupSizes: [] },
      { type: 'A2', questions: 0, groupSizes: [] },
      { type: 'A3', questions: 5, groupSizes: [2, 3] },
      { type: 'A4', questions: 0, groupSizes: [] },
      { type: 'B1', questions: 4, groupSizes: [4] },
      { type: 'X', questions: 3, groupSizes: [] },
      { type: 'TF', questions: 4, groupSizes: [] },
    ]);
    expect(rules.cards[1].bank[0]).toEqual({ type: 'A1', questions: 6, groupSizes: [] });
  });

  it('another province sees its own cycle (none) and bank', async () => {
    const rules = await view(hunan);
    expect(rules.cycle).toBeNull();
    expect(rules.cards[0].bank[0].questions).toBe(50);
    expect(rules.cards.every((c) => c.rule === null)).toBe(true);
  });
});

describe('PUT /api/v1/paper-rules (保存试卷规则)', () => {
  it('is the provincial authority’s only; refused roles save nothing', async () => {
    await checkAccessMatrix(
      ctx.clients,
      async (c) => {
        const response = await put(c, url, humanitiesBody({ updatedAt: (await card('humanities', null)).rule?.updatedAt ?? null }));
        return response;
      },
      provincialOnly(200),
    );
    expect(await ruleCount()).toBe(1);
  });

  it('saves the rule of the current cycle in 题型 order, with its totals, and replaces it on the next save', async () => {
    const first = await card('humanities', null);
    const res = await put(ctx.clients.provinceAuthority, url, humanitiesBody({ updatedAt: first.rule!.updatedAt, durationMinutes: 45 }));
    expect(res.statusCode, res.body).toBe(200);
    const saved: PaperRuleCard = res.json();
    expect(saved.rule).toMatchObject({
      sections: [
        { type: 'A1', count: 10, points: 5 },
        { type: 'A3', count: 3, points: 5 },
        { type: 'X', count: 2, points: 5 },
        { type: 'TF', count: 4, points: 5 },
      ],
      passScore: 57,
      durationMinutes: 45,
      multipleScoring: 'partial',
      reviewAllowed: false,
      totalQuestions: 19,
      totalPoints: 95,
    });
    const [row] = await ctx.t.db.select().from(paperRules).where(eq(paperRules.id, saved.rule!.id));
    expect(row).toMatchObject({ cycleId: ctx.world.cycle.id, paper: 'humanities', practiceCategory: '', durationMinutes: 45 });
    expect(await ruleCount()).toBe(1);
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'paperRule.saved'));
    expect(audits.at(-1)!.before).toMatchObject({ durationMinutes: 30 });
    expect(audits.at(-1)!.after).toMatchObject({ durationMinutes: 45, practiceCategory: '' });
    expect((await card('humanities', null)).rule!.durationMinutes).toBe(45);
  });

  it('creates a 执业类别’s own 业务水平 rule beside it', async () => {
    const res = await put(ctx.clients.provinceAuthority, url, {
      paper: 'proficiency',
      practiceCategory: 'clinical',
      sections: [{ type: 'A1', count: 6, points: 10 }],
      passScore: 36,
      durationMinutes: 20,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '业务水平·临床', rule: { totalQuestions: 6, totalPoints: 60, multipleScoring: 'all_or_nothing', reviewAllowed: true } });
    expect((await card('proficiency', 'dental')).rule).toBeNull();
  });

  it('answers 409 to a form read before someone else saved', async () => {
    const res = await put(ctx.clients.provinceAuthority, url, humanitiesBody({ updatedAt: '2020-01-01T00:00:00.000Z' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('试卷规则已被他人修改，请刷新后重试');
    const fresh = await put(ctx.clients.provinceAuthority, url, humanitiesBody({ updatedAt: null }));
    expect(fresh.statusCode).toBe(409);
  });

  it.each([
    [{ durationMinutes: 4 }, 'durationMinutes', '考试时长（分钟）须为5–240之间的整数'],
    [{ durationMinutes: 241 }, 'durationMinutes', '考试时长（分钟）须为5–240之间的整数'],
    [{ durationMinutes: 30.5 }, 'durationMinutes', '考试时长（分钟）须为5–240之间的整数'],
    [{ passScore: 96 }, 'passScore', '合格分须大于0且不超过总分（95分），最多一位小数'],
    [{ passScore: 0 }, 'passScore', '合格分须大于0且不超过总分（95分），最多一位小数'],
    [{ sections: [{ type: 'A1', count: 0, points: 1 }] }, 'sections', '请至少设置一道题'],
    [{ sections: [{ type: 'A1', count: -1, points: 1 }] }, 'sections.0.count', 'A1型题题量须为0–300之间的整数'],
    [{ sections: [{ type: 'X', count: 2, points: 0 }] }, 'sections.0.points', 'X型题（多选题）每题分值须为0.1–100之间的数（最多一位小数）'],
    [{ sections: [{ type: 'A1', count: 2, points: 1 }, { type: 'A1', count: 1, points: 1 }] }, 'sections.1.type', 'A1型题重复'],
    [{ sections: [{ type: 'Z1', count: 2, points: 1 }] }, 'sections.0.type', '题型不正确'],
    [{ multipleScoring: 'half' }, 'multipleScoring', '请选择X型题计分方式'],
    [{ practiceCategory: 'clinical' }, 'practiceCategory', '医学人文·法律法规试卷不分执业类别'],
    [{ paper: 'proficiency' }, 'practiceCategory', '业务水平试卷须选择执业类别'],
  ])('refuses %o with a message on %s and saves nothing', async (changes, field, message) => {
    const before = await card('humanities', null);
    const res = await put(ctx.clients.provinceAuthority, url, humanitiesBody({ updatedAt: before.rule!.updatedAt, ...changes }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
    expect((await card('humanities', null)).rule).toEqual(before.rule);
  });

  it('refuses a rule the bank cannot fill, naming each 题型 and what the bank holds', async () => {
    const before = await card('humanities', null);
    const res = await put(
      ctx.clients.provinceAuthority,
      url,
      humanitiesBody({
        updatedAt: before.rule!.updatedAt,
        sections: [
          { type: 'A1', count: 60, points: 1 },
          { type: 'A3', count: 4, points: 1 },
          { type: 'B1', count: 4, points: 1 },
          { type: 'A2', count: 1, points: 1 },
        ],
        passScore: 40,
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      message: '医学人文·法律法规（各执业类别通用）：A1型题题库中启用的题目不足60题（现有12题）；A3型题题库中启用的题目不足以组成4题（现有2组共5题）；A2型题题库中启用的题目不足1题（现有0题）',
      fields: {
        'sections.0.count': 'A1型题题库中启用的题目不足60题（现有12题）',
        'sections.1.count': 'A3型题题库中启用的题目不足以组成4题（现有2组共5题）',
        'sections.3.count': 'A2型题题库中启用的题目不足1题（现有0题）',
      },
    });
    expect((await card('humanities', null)).rule).toEqual(before.rule);
  });

  it('counts only enabled questions: a rule that fits is refused once the bank shrinks', async () => {
    const body = { paper: 'proficiency', practiceCategory: 'clinical', sections: [{ type: 'A1', count: 6, points: 10 }], passScore: 36, durationMinutes: 20 };
    const current = await card('proficiency', 'clinical');
    const items = (await ctx.clients.provinceAuthority.get('/api/v1/question-bank/items?practiceCategory=clinical')).json().items;
    expect((await ctx.clients.provinceAuthority.post(`/api/v1/question-bank/items/${items[0].id}/disable`)).statusCode).toBe(204);
    const res = await put(ctx.clients.provinceAuthority, url, { ...body, updatedAt: current.rule!.updatedAt });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('业务水平·临床：A1型题题库中启用的题目不足6题（现有5题）');
  });

  it('needs a current cycle', async () => {
    const res = await put(hunan, url, { ...humanitiesBody(), sections: [{ type: 'A1', count: 5, points: 20 }], passScore: 60 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('尚未设置当前考核周期，不能保存试卷规则');
    await ctx.t.db.update(cycles).set({ isCurrent: false }).where(eq(cycles.id, ctx.world.cycle.id));
    expect((await view()).cycle).toBeNull();
    await ctx.t.db.update(cycles).set({ isCurrent: true }).where(eq(cycles.id, ctx.world.cycle.id));
  });
});
