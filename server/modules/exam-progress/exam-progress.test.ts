import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentStatus, PracticeCategory } from '../../../common/enums.js';
import type { ExamProgressItem, ExamProgressList, ExamProgressRecord } from '../../../common/schemas/exam-progress.js';
import { enrolments, evaluations, physicians, policies } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs, type Client } from '../../test-support/app.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { answersFor, buildAttempt, buildBank, buildExaminee, buildPaperRule } from '../../test-support/exam-factories.js';
import { TEST_PASSWORD, buildInstitution } from '../../test-support/factories.js';
import { forgetPolicy } from '../policies/cache.js';
import { sheetRows as readSheet } from '../../test-support/sheet-rows.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/exam-progress';

type Paper = 'humanities' | 'proficiency';
interface Spec {
  name: string;
  status: EnrolmentStatus;
  procedure?: 'standard' | 'simplified';
  exempted?: boolean;
  category?: PracticeCategory;
  level?: 'physician' | 'assistant';
  department?: boolean;
  /** Attempts: a score means submitted, none means in progress. */
  attempts?: { paper: Paper; stage?: 'first' | 'retake'; score?: number }[];
  evaluationFailed?: boolean;
}

/**
 * Institution A's physicians. Rows (一般程序 tab): 甲 ×2, 乙 ×2, 丙 ×1 (免考: 医学人文 only), 辛 ×2; (简易程序 tab): 丁.
 * No rows: 戊 (简易程序 with 免考: nothing to take), 己 (not reviewed yet), 庚 (completed 不合格 by 工作成绩, never tested).
 */
const specsOfA: Spec[] = [
  { name: '测评甲', status: 'AWAITING_TEST', attempts: [{ paper: 'humanities', score: 80 }, { paper: 'proficiency' }] },
  { name: '测评乙', status: 'AWAITING_TEST', department: true },
  { name: '测评丙', status: 'AWAITING_RETAKE', exempted: true, attempts: [{ paper: 'humanities', score: 40 }, { paper: 'humanities', stage: 'retake' }] },
  { name: '测评丁', status: 'COMPLETED', procedure: 'simplified', attempts: [{ paper: 'humanities', score: 90 }] },
  { name: '测评戊', status: 'COMPLETED', procedure: 'simplified', exempted: true },
  { name: '测评己', status: 'PENDING_ASSESSOR_REVIEW' },
  { name: '测评庚', status: 'COMPLETED', evaluationFailed: true },
  { name: '测评辛', status: 'PENDING_RETAKE_CONFIRMATION', category: 'tcm', level: 'assistant', department: true, attempts: [{ paper: 'humanities', score: 50 }] },
];

const people: Record<string, { enrolmentId: number; idNumber: string; attempts: number[] }> = {};
let departmentId: number;
let c: Awaited<ReturnType<typeof buildInstitution>>;
let cClient: Client;

async function examinee(institutionId: number, spec: Spec) {
  const { db, pii } = ctx.t;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId, procedure: spec.procedure ?? 'standard', exemptionApproved: spec.exempted });
  await db.update(physicians).set({ name: spec.name, practiceCategory: spec.category ?? 'clinical', physicianLevel: spec.level ?? 'physician', departmentId: spec.department ? departmentId : null }).where(eq(physicians.id, e.physician.id));
  await db.update(enrolments).set({ status: spec.status }).where(eq(enrolments.id, e.enrolment.id));
  if (spec.evaluationFailed) {
    await db.insert(evaluations).values({ enrolmentId: e.enrolment.id, workPerformance: 'failed', workPerformanceReason: '年度考核不合格', ethics: 'passed' });
    await db.update(enrolments).set({ result: 'failed' }).where(eq(enrolments.id, e.enrolment.id));
  }
  const attempts: number[] = [];
  for (const a of spec.attempts ?? []) attempts.push((await buildAttempt(db, { enrolment: e.enrolment, paper: a.paper, stage: a.stage, score: a.score })).id);
  people[spec.name] = { enrolmentId: e.enrolment.id, idNumber: e.idNumber, attempts };
  return e;
}

beforeAll(async () => {
  const { db } = ctx.t;
  const { world } = ctx;
  departmentId = (await buildDepartment(db, { institutionId: world.institutionA.institution.id, name: '心内科' })).id;
  for (const spec of specsOfA) await examinee(world.institutionA.institution.id, spec);
  await examinee(world.institutionB.institution.id, { name: '乙院医师', status: 'AWAITING_TEST', attempts: [{ paper: 'humanities', score: 70 }] });
  // Institution C: in city A like A, but not assigned to the assessor.
  c = await buildInstitution(db, { authorityId: world.cityA.authority.id, regionCode: '990101' });
  cClient = await loginAs(ctx.t.app, c.loginName, TEST_PASSWORD);
  await examinee(c.institution.id, { name: '丙院医师', status: 'AWAITING_TEST' });
});

const key = (i: ExamProgressItem) => `${i.name}:${i.paper}`;
const keys = (page: ExamProgressList) => page.items.map(key).sort();
const sorted = (list: string[]) => [...list].sort();

async function list(client: Client, query = ''): Promise<ExamProgressList> {
  const response = await client.get(`${URL}?pageSize=100${query ? `&${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function exportedRows(client: Client, query = ''): Promise<string[][]> {
  const response = await client.get(`${URL}/export${query ? `?${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toContain(encodeURIComponent('测评进度.xlsx'));
  return readSheet(response.rawPayload);
}

const standardOfA = ['测评甲:humanities', '测评甲:proficiency', '测评乙:humanities', '测评乙:proficiency', '测评丙:humanities', '测评辛:humanities', '测评辛:proficiency'];

describe('GET /api/v1/exam-progress (测评进度)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get(URL), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('lists one row per paper each enrolment past review must take, with its state, result and stage', async () => {
    const page = await list(ctx.clients.institutionA);
    expect(keys(page)).toEqual(sorted(standardOfA));
    expect(page.total).toBe(7);
    expect(page.cycle?.id).toBe(ctx.world.cycle.id);
    const row = (k: string) => page.items.find((i) => key(i) === k)!;
    expect(row('测评甲:humanities')).toMatchObject({ state: 'submitted', outcome: 'passed', stage: 'first', procedure: 'standard', departmentName: null, practiceCategory: 'clinical' });
    expect(row('测评甲:proficiency')).toMatchObject({ state: 'inProgress', outcome: 'none', stage: 'first' });
    expect(row('测评乙:humanities')).toMatchObject({ state: 'notTaken', outcome: 'none', stage: 'first', departmentName: '心内科' });
    // 免考 (一般程序) exempts 业务水平: 丙 has the humanities paper only; its latest attempt is the 补考 in progress.
    expect(row('测评丙:humanities')).toMatchObject({ state: 'inProgress', outcome: 'none', stage: 'retake' });
    expect(row('测评辛:humanities')).toMatchObject({ state: 'submitted', outcome: 'failed', stage: 'first', practiceCategory: 'tcm' });
    // 考核机构: the assessor assigned to institution A.
    expect(page.items.every((i) => i.assessorName === ctx.world.assessor.institution.name)).toBe(true);
    expect(page.items.every((i) => i.institutionName === ctx.world.institutionA.institution.name)).toBe(true);
    expect(row('测评甲:humanities').idNumberMasked).toMatch(/^\d{4}\*{5}\d[\dX]$/);
    // Newest enrolment first, 医学人文·法律法规 before 业务水平.
    expect(page.items.slice(0, 2).map(key)).toEqual(['测评辛:humanities', '测评辛:proficiency']);
    expect(JSON.stringify(page)).not.toContain(people['测评甲'].idNumber);
  });

  it('has the 简易程序 tab', async () => {
    const page = await list(ctx.clients.institutionA, 'procedure=simplified');
    expect(keys(page)).toEqual(['测评丁:humanities']);
    expect(page.items[0]).toMatchObject({ procedure: 'simplified', state: 'submitted', outcome: 'passed' });
  });

  it('filters by 测评状态, 测评结果, 试卷名称 and 考核阶段', async () => {
    const get = async (query: string) => keys(await list(ctx.clients.institutionA, query));
    expect(await get('state=notTaken')).toEqual(sorted(['测评乙:humanities', '测评乙:proficiency', '测评辛:proficiency']));
    expect(await get('state=inProgress')).toEqual(sorted(['测评甲:proficiency', '测评丙:humanities']));
    expect(await get('state=submitted')).toEqual(sorted(['测评甲:humanities', '测评辛:humanities']));
    expect(await get('outcome=passed')).toEqual(['测评甲:humanities']);
    expect(await get('outcome=failed')).toEqual(['测评辛:humanities']);
    expect((await get('outcome=none')).length).toBe(5);
    expect(await get('paper=proficiency')).toEqual(sorted(['测评甲:proficiency', '测评乙:proficiency', '测评辛:proficiency']));
    expect(await get('stage=retake')).toEqual(['测评丙:humanities']);
    expect((await get('stage=first')).length).toBe(6);
    expect(await get('paper=humanities&state=submitted&outcome=failed&stage=first')).toEqual(['测评辛:humanities']);
    expect(await get('procedure=simplified&paper=proficiency')).toEqual([]);
  });

  it('filters by 科室, 姓名, 证件号码 (full or last digits), 医师级别 and 执业类别', async () => {
    const get = async (query: string) => keys(await list(ctx.clients.institutionA, query));
    expect(await get(`departmentId=${departmentId}`)).toEqual(sorted(['测评乙:humanities', '测评乙:proficiency', '测评辛:humanities', '测评辛:proficiency']));
    expect(await get(`name=${encodeURIComponent('甲')}`)).toEqual(['测评甲:humanities', '测评甲:proficiency']);
    const id = people['测评丙'].idNumber;
    expect(await get(`idNumber=${id}`)).toEqual(['测评丙:humanities']);
    expect(await get(`idNumber=${id.slice(-4)}`)).toEqual(['测评丙:humanities']);
    expect(await get(`idNumber=${id.slice(-6)}`)).toEqual(['测评丙:humanities']);
    expect(await get('idNumber=0000')).toEqual([]);
    expect(await get('physicianLevel=assistant')).toEqual(['测评辛:humanities', '测评辛:proficiency']);
    expect(await get('practiceCategory=tcm')).toEqual(['测评辛:humanities', '测评辛:proficiency']);
    expect(await get('practiceCategory=dental')).toEqual([]);
  });

  it('pages on the server', async () => {
    const first = (await ctx.clients.institutionA.get(`${URL}?pageSize=10&page=1`)).json() as ExamProgressList;
    expect(first.items).toHaveLength(7);
    const second = (await ctx.clients.institutionA.get(`${URL}?pageSize=10&page=2`)).json() as ExamProgressList;
    expect(second).toMatchObject({ total: 7, items: [] });
  });

  it('follows the 考核政策: papers the province requires for the procedure', async () => {
    const { db } = ctx.t;
    await db.insert(policies).values({ provinceCode: '990000', papersByProcedure: { standard: ['proficiency'], simplified: ['humanities'] } }).onConflictDoUpdate({
      target: policies.provinceCode,
      set: { papersByProcedure: { standard: ['proficiency'], simplified: ['humanities'] } },
    });
    forgetPolicy(db, '990000');
    try {
      // 丙's 免考 exempts 业务水平, the only paper left: no row.
      expect(keys(await list(ctx.clients.institutionA))).toEqual(sorted(['测评甲:proficiency', '测评乙:proficiency', '测评辛:proficiency']));
    } finally {
      await db.update(policies).set({ papersByProcedure: { standard: ['humanities', 'proficiency'], simplified: ['humanities'] } }).where(eq(policies.provinceCode, '990000'));
      forgetPolicy(db, '990000');
    }
    expect((await list(ctx.clients.institutionA)).total).toBe(7);
  });

  it('refuses bad filters with the field named', async () => {
    const cases: [string, string][] = [
      ['procedure=none', '考核程序只能为一般程序或简易程序'],
      ['state=done', '测评状态不正确'],
      ['outcome=maybe', '测评结果不正确'],
      ['paper=law', '试卷名称不正确'],
      ['stage=third', '考核阶段不正确'],
      ['practiceCategory=x', '执业类别不正确'],
      ['physicianLevel=x', '医师级别不正确'],
      ['idNumber=12', '证件号码请输入完整号码或至少后4位'],
      ['departmentId=abc', '科室不正确'],
      ['regionCode=99', '区划须为6位行政区划代码'],
      ['institutionId=-1', '机构不正确'],
      ['pageSize=7', '每页条数只能为10、20、50或100'],
    ];
    for (const [query, message] of cases) {
      const response = await ctx.clients.institutionA.get(`${URL}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message, query).toContain(message);
    }
  });

  it('keeps an institution to its own physicians; another institution named in the filter is not found', async () => {
    expect(keys(await list(ctx.clients.institutionB))).toEqual(sorted(['乙院医师:humanities', '乙院医师:proficiency']));
    expect(keys(await list(cClient))).toEqual(sorted(['丙院医师:humanities', '丙院医师:proficiency']));
    const foreign = await ctx.clients.institutionA.get(`${URL}?institutionId=${ctx.world.institutionB.institution.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('gives the assessor (考核机构考核) the physicians of its assigned institutions only', async () => {
    const page = await list(ctx.clients.assessorOfA);
    expect(keys(page)).toEqual(sorted(standardOfA));
    expect(keys(await list(ctx.clients.assessorOfA, `institutionId=${ctx.world.institutionA.institution.id}&state=submitted`))).toEqual(sorted(['测评甲:humanities', '测评辛:humanities']));
    for (const other of [c.institution.id, ctx.world.institutionB.institution.id, ctx.world.assessor.institution.id]) {
      expect((await ctx.clients.assessorOfA.get(`${URL}?institutionId=${other}`)).statusCode).toBe(404);
    }
  });

  it('gives an authority its jurisdiction, narrowed by 医疗卫生机构 or 区划 inside it', async () => {
    const ofC = ['丙院医师:humanities', '丙院医师:proficiency'];
    const ofB = ['乙院医师:humanities', '乙院医师:proficiency'];
    expect(keys(await list(ctx.clients.cityAAuthority))).toEqual(sorted([...standardOfA, ...ofC]));
    expect(keys(await list(ctx.clients.cityBAuthority))).toEqual(sorted(ofB));
    const province = await list(ctx.clients.provinceAuthority);
    expect(province).toMatchObject({ total: 11, totalCapped: false });
    expect(keys(await list(ctx.clients.provinceAuthority, 'regionCode=990200'))).toEqual(sorted(ofB));
    expect(keys(await list(ctx.clients.provinceAuthority, `institutionId=${c.institution.id}`))).toEqual(sorted(ofC));
    // C has no 考核机构 assigned.
    expect((await list(ctx.clients.provinceAuthority, `institutionId=${c.institution.id}`)).items.every((i) => i.assessorName === null)).toBe(true);
    expect(keys(await list(ctx.clients.provinceAuthority, 'state=submitted&paper=humanities'))).toEqual(sorted(['测评甲:humanities', '测评辛:humanities', '乙院医师:humanities']));
    for (const query of ['regionCode=990200', 'regionCode=990000', 'regionCode=980101', `institutionId=${ctx.world.institutionB.institution.id}`]) {
      const response = await ctx.clients.cityAAuthority.get(`${URL}?${query}`);
      expect(response.statusCode, query).toBe(404);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('GET /api/v1/exam-progress/enrolments/:enrolmentId/papers/:paper (查看)', () => {
  const path = (name: string, paper: Paper) => `${URL}/enrolments/${people[name].enrolmentId}/papers/${paper}`;

  it('is for institutions, assessors and authorities of the physician', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get(path('测评甲', 'humanities')), {
      ...byRole({ institution: 200, assessor: 200, authority: 200 }),
      institutionB: 404,
      cityBAuthority: 404,
    });
  });

  it("shows the attempts' times, 提交方式, score and pass mark, never questions or answers", async () => {
    const response = await ctx.clients.institutionA.get(path('测评丙', 'humanities'));
    expect(response.statusCode, response.body).toBe(200);
    const record = response.json() as ExamProgressRecord;
    expect(record.item).toMatchObject({ name: '测评丙', paper: 'humanities', stage: 'retake', state: 'inProgress' });
    expect(record.attempts.map((a) => [a.stage, a.status, a.score, a.passed, a.submittedBy])).toEqual([
      ['first', 'submitted', 40, false, 'physician'],
      ['retake', 'in_progress', null, null, null],
    ]);
    const first = record.attempts[0];
    expect(first).toMatchObject({ passScore: 60, totalPoints: 100, questionCount: 10 });
    expect(new Date(first.submittedAt!).getTime()).toBeGreaterThan(new Date(first.startedAt).getTime());
    expect(new Date(first.deadline!).getTime() - new Date(first.startedAt).getTime()).toBe(60 * 60_000);
    expect(Object.keys(first).sort()).toEqual(['deadline', 'id', 'passScore', 'passed', 'questionCount', 'score', 'stage', 'startedAt', 'status', 'submittedAt', 'submittedBy', 'totalPoints']);
  });

  it('opens a paper not taken yet with no attempts', async () => {
    const record = (await ctx.clients.assessorOfA.get(path('测评乙', 'proficiency'))).json() as ExamProgressRecord;
    expect(record).toMatchObject({ item: { name: '测评乙', state: 'notTaken', outcome: 'none' }, attempts: [] });
  });

  it('does not find a paper the physician need not take, nor an enrolment not yet past review', async () => {
    for (const [name, paper] of [['测评丙', 'proficiency'], ['测评戊', 'humanities'], ['测评己', 'humanities'], ['测评庚', 'humanities']] as const) {
      const response = await ctx.clients.institutionA.get(path(name, paper));
      expect(response.statusCode, `${name} ${paper}`).toBe(404);
      expect(response.json().error.message).toBe('未找到该测评记录');
    }
  });

  it("does not find another tenant's record", async () => {
    expect((await ctx.clients.institutionA.get(path('乙院医师', 'humanities'))).statusCode).toBe(404);
    expect((await ctx.clients.assessorOfA.get(path('丙院医师', 'humanities'))).statusCode).toBe(404);
    expect((await cClient.get(path('测评甲', 'humanities'))).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.get(path('丙院医师', 'humanities'))).statusCode).toBe(200);
    expect((await ctx.clients.institutionA.get(`${URL}/enrolments/999999/papers/humanities`)).statusCode).toBe(404);
  });

  it('refuses a bad id or paper', async () => {
    const bad = await ctx.clients.institutionA.get(`${URL}/enrolments/abc/papers/humanities`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('编号格式不正确');
    const paper = await ctx.clients.institutionA.get(`${URL}/enrolments/${people['测评甲'].enrolmentId}/papers/law`);
    expect(paper.statusCode).toBe(400);
    expect(paper.json().error.message).toContain('试卷名称不正确');
  });
});

describe('GET /api/v1/exam-progress/export', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get(`${URL}/export?state=submitted`), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('writes the filtered rows with the columns of the page', async () => {
    const rows = await exportedRows(ctx.clients.institutionA, 'paper=humanities');
    expect(rows[0]).toEqual(['序号', '科室', '姓名', '证件号码', '执业类别', '考核机构', '考核程序', '试卷名称', '测评结果', '测评状态', '考核阶段']);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[2], r]));
    expect(Object.keys(byName).sort()).toEqual(['测评丙', '测评乙', '测评甲', '测评辛'].sort());
    const assessor = ctx.world.assessor.institution.name;
    expect(byName['测评甲'].slice(4)).toEqual(['临床', assessor, '一般程序', '医学人文·法律法规', '合格', '已完成', '首次考核']);
    expect(byName['测评乙'].slice(0, 2)).toEqual([byName['测评乙'][0], '心内科']);
    expect(byName['测评乙'].slice(8)).toEqual(['无', '未参加', '首次考核']);
    expect(byName['测评丙'].slice(8)).toEqual(['无', '已参加', '补考']);
    expect(byName['测评辛'].slice(4)).toEqual(['中医', assessor, '一般程序', '医学人文·法律法规', '不合格', '已完成', '首次考核']);
    expect(byName['测评甲'][3]).toMatch(/\*{5}/);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('adds 医疗卫生机构 for an assessor or an authority and keeps to its scope', async () => {
    const rows = await exportedRows(ctx.clients.cityAAuthority, 'state=notTaken');
    expect(rows[0].slice(0, 3)).toEqual(['序号', '医疗卫生机构', '科室']);
    expect(rows.slice(1).map((r) => `${r[3]}:${r[8]}`).sort()).toEqual(
      sorted(['测评乙:医学人文·法律法规', '测评乙:业务水平', '测评辛:业务水平', '丙院医师:医学人文·法律法规', '丙院医师:业务水平']),
    );
    expect(rows.find((r) => r[3] === '丙院医师')?.[1]).toBe(c.institution.name);
    const assessorRows = await exportedRows(ctx.clients.assessorOfA, 'procedure=simplified');
    expect(assessorRows.slice(1).map((r) => r[3])).toEqual(['测评丁']);
    expect((await ctx.clients.cityBAuthority.get(`${URL}/export?institutionId=${c.institution.id}`)).statusCode).toBe(404);
  });

  it('writes the header only when nothing matches', async () => {
    const rows = await exportedRows(ctx.clients.institutionA, 'practiceCategory=dental');
    expect(rows).toHaveLength(1);
  });

  it('refuses bad filters', async () => {
    const response = await ctx.clients.institutionA.get(`${URL}/export?state=done`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('测评状态不正确');
  });
});

describe('测评进度 follows the test as the physician takes it', () => {
  it('shows 已参加 after 开始考试 and 已完成 / 合格 after 提交试卷, through the physician routes', async () => {
    const { db, pii, app } = ctx.t;
    await buildBank(db, '990000', 'humanities');
    await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
    const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId: ctx.world.institutionA.institution.id, procedure: 'simplified' });
    const physician = await loginAs(app, e.idNumber, TEST_PASSWORD, 'physician');
    const row = async () => (await list(ctx.clients.institutionA, `procedure=simplified&idNumber=${e.idNumber}`)).items;
    expect((await row()).map((i) => [i.state, i.outcome])).toEqual([['notTaken', 'none']]);

    const started = await physician.post('/api/v1/exams/start', { paper: 'humanities' });
    expect(started.statusCode, started.body).toBe(200);
    const { attemptId } = started.json() as { attemptId: number };
    expect((await row()).map((i) => [i.state, i.outcome])).toEqual([['inProgress', 'none']]);
    expect((await physician.get(URL)).statusCode).toBe(403);

    expect((await physician.post(`/api/v1/exams/attempts/${attemptId}/answers`, { answers: await answersFor(db, attemptId) })).statusCode).toBe(200);
    expect((await physician.post(`/api/v1/exams/attempts/${attemptId}/submit`, { reason: 'physician' })).statusCode).toBe(200);
    expect((await row()).map((i) => [i.state, i.outcome, i.stage])).toEqual([['submitted', 'passed', 'first']]);

    const record = (await ctx.clients.institutionA.get(`${URL}/enrolments/${e.enrolment.id}/papers/humanities`)).json() as ExamProgressRecord;
    expect(record.attempts).toHaveLength(1);
    expect(record.attempts[0]).toMatchObject({ id: attemptId, status: 'submitted', score: 100, passed: true, passScore: 60, submittedBy: 'physician' });
    expect(JSON.stringify(record)).not.toMatch(/stem|answer|explanation|draw/);
  });
});
