import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentStatus, PhysicianLevel, PracticeCategory } from '../../../common/enums.js';
import type { Procedure } from '../../../common/papers.js';
import { todayInChina } from '../../../common/schedule.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { Statistics, StatisticsDaily, StatisticsFigures, StatisticsRow } from '../../../common/schemas/statistics.js';
import { auditEvents, cycles, enrolments, evaluations, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs, type Client } from '../../test-support/app.js';
import { otherProvinceAuthority } from '../../test-support/cycle-factories.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { TEST_PASSWORD, buildInstitution, buildPhysician, residentId } from '../../test-support/factories.js';
import { buildEnrolment, buildRegistration } from '../../test-support/roster-factories.js';
import { sheetRows as readSheet } from '../../test-support/sheet-rows.js';

const ctx = setupTenantWorld();

interface Spec {
  status: EnrolmentStatus;
  procedure?: Procedure;
  result?: 'passed' | 'failed';
  exemption?: ExemptionStatus;
  category?: PracticeCategory;
  level?: PhysicianLevel | null;
  department?: boolean;
  evaluationFailed?: boolean;
}

/**
 * Institution A's enrolments in the current cycle. By hand: 应参考 11 (all but the last), 已报名 9 (not the first
 * two), 已审核 7 (待参加考核 and later), 免考 2, 待测评 1, 合格 2, 不合格 2, 待确认补考 1, 待参加补考 1; two completed
 * without a test (免考 of every paper under 简易程序; 工作成绩 不合格), so 已测评 4 of 需测评 5.
 */
const specsOfA: Spec[] = [
  { status: 'PENDING_REGISTRATION', department: true },
  { status: 'RETURNED_BY_INSTITUTION', procedure: 'standard', category: 'tcm' },
  { status: 'PENDING_INSTITUTION_REVIEW', procedure: 'simplified', exemption: 'pendingInstitution', level: 'assistant' },
  { status: 'PENDING_ASSESSOR_REVIEW', procedure: 'standard', department: true },
  { status: 'AWAITING_TEST', procedure: 'simplified', exemption: 'approved', category: 'dental', level: null },
  { status: 'COMPLETED', procedure: 'standard', result: 'passed', category: 'tcm' },
  { status: 'COMPLETED', procedure: 'standard', result: 'failed' },
  { status: 'COMPLETED', procedure: 'simplified', result: 'passed', exemption: 'approved' },
  { status: 'COMPLETED', procedure: 'standard', result: 'failed', evaluationFailed: true },
  { status: 'PENDING_RETAKE_CONFIRMATION', procedure: 'standard' },
  { status: 'AWAITING_RETAKE', procedure: 'standard', category: 'publicHealth' },
  { status: 'NOT_ENROLLED' },
];

const figuresOfA = {
  enrolled: 11, submitted: 9, reviewed: 7, exempted: 2, awaitingTest: 1, tested: 4, passed: 2, failed: 2,
  pendingRetakeConfirmation: 1, awaitingRetake: 1, toTest: 5, rates: { registration: 81.8, review: 77.8, test: 80, pass: 50 },
};
const none = { enrolled: 0, submitted: 0, reviewed: 0, exempted: 0, awaitingTest: 0, tested: 0, passed: 0, failed: 0, pendingRetakeConfirmation: 0, awaitingRetake: 0, toTest: 0 };
/** Figures with only some counts set (the rest 0) and their rates. */
const only = (counts: Partial<typeof none>, rates: StatisticsFigures['rates']): StatisticsFigures => ({ ...none, ...counts, rates });
const noRates = { registration: null, review: null, test: null, pass: null };

let seq = 8100;
const enrolmentIds: number[] = [];
let departmentId: number;
let c: Awaited<ReturnType<typeof buildInstitution>>;
let d: Awaited<ReturnType<typeof buildInstitution>>;
let earlierCycleId: number;

async function enrol(institutionId: number, spec: Spec, cycleId = ctx.world.cycle.id) {
  const { db, pii } = ctx.t;
  const p = await buildPhysician(db, pii, { institutionId, idNumber: residentId(++seq) });
  await db
    .update(physicians)
    .set({ practiceCategory: spec.category ?? 'clinical', physicianLevel: spec.level === undefined ? 'physician' : spec.level, departmentId: spec.department ? departmentId : null })
    .where(eq(physicians.id, p.physician.id));
  const enrolment = await buildEnrolment(db, { cycleId, physicianId: p.physician.id, institutionId, status: spec.status, procedure: spec.procedure });
  if (spec.result) await db.update(enrolments).set({ result: spec.result }).where(eq(enrolments.id, enrolment.id));
  if (spec.procedure) await buildRegistration(db, enrolment, { exemptionStatus: spec.exemption ?? 'none' });
  if (spec.evaluationFailed) await db.insert(evaluations).values({ enrolmentId: enrolment.id, workPerformance: 'failed', workPerformanceReason: '病历书写不合格', ethics: 'passed' });
  return enrolment;
}

/** Two days ago at noon, Beijing time. */
const twoDaysAgo = () => {
  const day = new Date(Date.parse(`${todayInChina()}T12:00:00+08:00`) - 2 * 86_400_000);
  return { at: day, date: new Date(day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) };
};
// Taken once: a run that crosses midnight in Beijing must look for the day the events were written on.
const eventDay = twoDaysAgo();

beforeAll(async () => {
  const { db, world } = { db: ctx.t.db, world: ctx.world };
  departmentId = (await buildDepartment(db, { institutionId: world.institutionA.institution.id, name: '心内科' })).id;
  for (const spec of specsOfA) enrolmentIds.push((await enrol(world.institutionA.institution.id, spec)).id);
  await enrol(world.institutionB.institution.id, { status: 'AWAITING_TEST', procedure: 'standard' });
  // C: district 990101 like A, not assigned to the assessor. D: at the city 990200 itself (本级).
  c = await buildInstitution(db, { authorityId: world.cityA.authority.id, regionCode: '990101' });
  await enrol(c.institution.id, { status: 'PENDING_REGISTRATION' });
  d = await buildInstitution(db, { authorityId: world.cityB.authority.id, regionCode: '990200' });
  await enrol(d.institution.id, { status: 'COMPLETED', procedure: 'standard', result: 'passed', category: 'tcm' });
  // An earlier cycle of the province: two of A's physicians' enrolments there.
  const [earlier] = await db
    .insert(cycles)
    .values({
      provinceCode: '990000', name: '2021-2023年度', startDate: '2021-01-01', endDate: '2023-12-31', isCurrent: false,
      assessorApplicationStart: '2021-03-01', assessorApplicationEnd: '2021-03-31', registrationStart: '2021-04-01', registrationEnd: '2021-05-31',
      reviewStart: '2021-04-01', reviewEnd: '2021-06-30', testStart: '2021-07-01', testEnd: '2021-08-31',
    })
    .returning();
  earlierCycleId = earlier.id;
  await enrol(world.institutionA.institution.id, { status: 'COMPLETED', procedure: 'standard', result: 'passed' }, earlier.id);
  await enrol(world.institutionA.institution.id, { status: 'COMPLETED', procedure: 'standard', result: 'failed' }, earlier.id);
  // The daily line: two 提交 (one of them twice that day), one 复核通过 and one physician's two 提交试卷 two days ago; an
  // institution's 审核通过 and a 测评 result event are not counted.
  const { at } = eventDay;
  const event = (action: string, index: number) => ({ action, at, targetType: 'enrolment', targetId: String(enrolmentIds[index]) });
  await db.insert(auditEvents).values([
    event('enrolment.submitted', 2), event('enrolment.submitted', 3), event('enrolment.submitted', 3),
    event('enrolment.approvedByAssessor', 4), event('enrolment.approvedByInstitution', 3),
    event('exam.submitted', 5), event('exam.submitted', 5), event('enrolment.testPassed', 5),
  ]);
});

async function stats(client: Client, query = ''): Promise<Statistics> {
  const response = await client.get(`/api/v1/statistics${query ? `?${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const row = (result: Statistics, label: string): StatisticsRow => {
  const found = result.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label} in ${result.rows.map((r) => r.label).join(', ')}`);
  return found;
};

async function exportedRows(client: Client, query = ''): Promise<string[][]> {
  const response = await client.get(`/api/v1/statistics/export${query ? `?${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  return readSheet(response.rawPayload);
}

describe('GET /api/v1/statistics (考核统计)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/statistics'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('counts the institution’s own enrolments by 科室, matching a hand count', async () => {
    const result = await stats(ctx.clients.institutionA);
    expect(result.cycle).toEqual({ id: ctx.world.cycle.id, name: ctx.world.cycle.name });
    expect(result.rowHeader).toBe('科室');
    expect(result.breadcrumb).toEqual([{ label: expect.any(String), institutionId: ctx.world.institutionA.institution.id }]);
    expect(result.total.figures).toEqual(figuresOfA);
    expect(result.rows.map((r) => [r.label, r.figures.enrolled, r.drill])).toEqual([
      ['心内科', 2, null],
      ['未分科室', 9, null],
    ]);
    expect(row(result, '心内科').figures).toEqual(only({ enrolled: 2, submitted: 1 }, { registration: 50, review: 0, test: null, pass: null }));
  });

  it('splits every row and the total by 执业类别, 医师级别 and 考核程序', async () => {
    const byCategory = await stats(ctx.clients.institutionA, 'split=practiceCategory');
    expect(byCategory.split).toBe('practiceCategory');
    expect(byCategory.total.parts.map((p) => [p.label, p.figures.enrolled])).toEqual([['临床', 7], ['口腔', 1], ['公共卫生', 1], ['中医', 2]]);
    expect(row(byCategory, '心内科').parts.map((p) => [p.label, p.figures.enrolled])).toEqual([['临床', 2]]);
    const byLevel = await stats(ctx.clients.institutionA, 'split=physicianLevel');
    expect(byLevel.total.parts.map((p) => [p.label, p.figures.enrolled])).toEqual([['执业医师', 9], ['执业助理医师', 1], ['未填写', 1]]);
    const byProcedure = await stats(ctx.clients.institutionA, 'split=procedure');
    expect(byProcedure.total.parts.map((p) => [p.label, p.figures.enrolled, p.figures.tested])).toEqual([['一般程序', 7, 4], ['简易程序', 3, 0], ['待填报信息', 1, 0]]);
    const simplified = byProcedure.total.parts[1].figures;
    expect(simplified).toMatchObject({ exempted: 2, reviewed: 2, toTest: 1, tested: 0, rates: { test: 0, pass: 100 } });
  });

  it('rolls the province up by city, with the institutions at a city itself as their own rows', async () => {
    const result = await stats(ctx.clients.provinceAuthority);
    expect(result.rowHeader).toBe('区划 / 机构');
    expect(result.breadcrumb).toEqual([{ label: '演示省', regionCode: '990000' }]);
    expect(result.rows.map((r) => [r.label, r.kind, r.figures.enrolled, r.drill])).toEqual([
      ['长河市', 'region', 12, { regionCode: '990100' }],
      ['青山市', 'region', 2, { regionCode: '990200' }],
    ]);
    expect(result.total.figures).toMatchObject({ enrolled: 14, submitted: 11, reviewed: 9, passed: 3, failed: 2, awaitingTest: 2 });

    const city = await stats(ctx.clients.provinceAuthority, 'regionCode=990200');
    expect(city.breadcrumb).toEqual([{ label: '演示省', regionCode: '990000' }, { label: '青山市', regionCode: '990200' }]);
    expect(city.rows.map((r) => [r.label, r.figures.enrolled, r.drill])).toEqual([
      ['南湖区', 1, { regionCode: '990201' }],
      ['北岭区', 0, { regionCode: '990202' }],
      [`${d.institution.name}（本级）`, 1, { institutionId: d.institution.id }],
    ]);
    expect(city.total.figures).toMatchObject({ enrolled: 2, passed: 1, awaitingTest: 1, rates: { registration: 100, review: 100, test: 50, pass: 100 } });
  });

  it('drills down to a district (a row per institution) and to one institution (by 科室)', async () => {
    const district = await stats(ctx.clients.provinceAuthority, 'regionCode=990101');
    expect(district.rowHeader).toBe('机构');
    expect(district.breadcrumb.map((b) => b.label)).toEqual(['演示省', '长河市', '东城区']);
    const a = row(district, ctx.world.institutionA.institution.name);
    expect(a.figures).toEqual(figuresOfA);
    expect(a.drill).toEqual({ institutionId: ctx.world.institutionA.institution.id });
    expect(row(district, c.institution.name).figures.enrolled).toBe(1);

    const institution = await stats(ctx.clients.provinceAuthority, `institutionId=${ctx.world.institutionA.institution.id}`);
    expect(institution.breadcrumb).toEqual([
      { label: '演示省', regionCode: '990000' },
      { label: '长河市', regionCode: '990100' },
      { label: '东城区', regionCode: '990101' },
      { label: ctx.world.institutionA.institution.name, institutionId: ctx.world.institutionA.institution.id },
    ]);
    expect(institution.rows.map((r) => r.label)).toEqual(['心内科', '未分科室']);
    expect(institution.total.figures).toEqual(figuresOfA);
  });

  it('splits by 机构级别 and 机构类型 from the institutions', async () => {
    const result = await stats(ctx.clients.provinceAuthority, 'split=institutionType');
    const total = result.total.parts.reduce((n, p) => n + p.figures.enrolled, 0);
    expect(total).toBe(14);
    expect(result.total.parts.every((p) => p.label !== p.value)).toBe(true);
    const level = await stats(ctx.clients.provinceAuthority, 'split=institutionLevel');
    expect(level.total.parts.reduce((n, p) => n + p.figures.enrolled, 0)).toBe(14);
  });

  it('gives a city authority its own city only: another city, or an institution there, is 404', async () => {
    const own = await stats(ctx.clients.cityAAuthority);
    expect(own.breadcrumb).toEqual([{ label: '长河市', regionCode: '990100' }]);
    expect(own.rows.map((r) => [r.label, r.figures.enrolled])).toEqual([['东城区', 12], ['西城区', 0]]);
    for (const query of ['regionCode=990200', 'regionCode=990000', 'regionCode=990201', `institutionId=${ctx.world.institutionB.institution.id}`, `institutionId=${d.institution.id}`]) {
      const response = await ctx.clients.cityAAuthority.get(`/api/v1/statistics?${query}`);
      expect(response.statusCode, query).toBe(404);
      expect(response.body).not.toContain('enrolled');
    }
  });

  it('gives the assessor its assigned institutions, and only those to open', async () => {
    const result = await stats(ctx.clients.assessorOfA);
    expect(result.rowHeader).toBe('机构');
    expect(result.breadcrumb).toEqual([{ label: '全部委托机构' }]);
    expect(result.rows.map((r) => [r.label, r.drill])).toEqual([[ctx.world.institutionA.institution.name, { institutionId: ctx.world.institutionA.institution.id }]]);
    expect(result.total.figures).toEqual(figuresOfA);
    const opened = await stats(ctx.clients.assessorOfA, `institutionId=${ctx.world.institutionA.institution.id}`);
    expect(opened.breadcrumb.map((b) => b.label)).toEqual(['全部委托机构', ctx.world.institutionA.institution.name]);
    expect(opened.total.figures).toEqual(figuresOfA);
    for (const id of [c.institution.id, ctx.world.institutionB.institution.id, ctx.world.assessor.institution.id]) {
      expect((await ctx.clients.assessorOfA.get(`/api/v1/statistics?institutionId=${id}`)).statusCode).toBe(404);
    }
  });

  it('refuses an institution another institution’s figures, and ignores a 区划', async () => {
    const response = await ctx.clients.institutionB.get(`/api/v1/statistics?institutionId=${ctx.world.institutionA.institution.id}`);
    expect(response.statusCode).toBe(404);
    const own = await stats(ctx.clients.institutionB, 'regionCode=990100');
    expect(own.total.figures).toMatchObject({ enrolled: 1, awaitingTest: 1 });
  });

  it('shows an earlier cycle of the province when asked, and lists the cycles', async () => {
    const result = await stats(ctx.clients.institutionA, `cycleId=${earlierCycleId}`);
    expect(result.cycle).toEqual({ id: earlierCycleId, name: '2021-2023年度' });
    expect(result.total.figures).toEqual(only({ enrolled: 2, submitted: 2, reviewed: 2, tested: 2, passed: 1, failed: 1, toTest: 2 }, { registration: 100, review: 100, test: 100, pass: 50 }));
    expect(result.cycles).toEqual([
      { id: ctx.world.cycle.id, name: ctx.world.cycle.name, isCurrent: true },
      { id: earlierCycleId, name: '2021-2023年度', isCurrent: false },
    ]);
    // The assessor had no institution in that cycle.
    const assessor = await stats(ctx.clients.assessorOfA, `cycleId=${earlierCycleId}`);
    expect(assessor.rows).toEqual([]);
    expect(assessor.total.figures).toEqual(only({}, noRates));
  });

  it('answers 404 for a cycle of another province, and no figures leak to another province', async () => {
    const other = await otherProvinceAuthority(ctx.t);
    const response = await ctx.clients.provinceAuthority.get('/api/v1/statistics?cycleId=999999');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('未找到该考核周期');
    expect((await other.client.get(`/api/v1/statistics?cycleId=${ctx.world.cycle.id}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/statistics?regionCode=990000')).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/statistics?institutionId=${ctx.world.institutionA.institution.id}`)).statusCode).toBe(404);
    const own = (await other.client.get('/api/v1/statistics')).json() as Statistics;
    expect(own.cycle).toBeNull();
    expect(own.total.figures.enrolled).toBe(0);
  });

  it('refuses bad input with the field named, in Chinese', async () => {
    const cases: [string, string][] = [
      ['split=region', '拆分方式不正确'],
      ['regionCode=9901', '区划须为6位行政区划代码'],
      ['cycleId=abc', '考核周期不正确'],
      ['institutionId=-3', '机构不正确'],
    ];
    for (const [query, message] of cases) {
      const response = await ctx.clients.provinceAuthority.get(`/api/v1/statistics?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message).toContain(message);
    }
  });
});

describe('GET /api/v1/statistics/export (导出)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/statistics/export'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('writes the rows and columns of the screen, the totals row last', async () => {
    const sheet = await exportedRows(ctx.clients.provinceAuthority);
    expect(sheet[0]).toEqual(['区划 / 机构', '应参考', '已报名', '已审核', '免考', '待测评', '已测评', '合格', '不合格', '待确认补考', '待参加补考', '报名完成率(%)', '审核完成率(%)', '测评完成率(%)', '合格率(%)']);
    expect(sheet.slice(1).map((r) => [r[0], r[1]])).toEqual([['长河市', '12'], ['青山市', '2'], ['合计', '14']]);
    const a = await exportedRows(ctx.clients.institutionA);
    expect(a[a.length - 1]).toEqual(['合计', '11', '9', '7', '2', '1', '4', '2', '2', '1', '1', '81.8', '77.8', '80', '50']);
    expect(a[1].slice(0, 2)).toEqual(['心内科', '2']);
    expect(a[1][13]).toBe('—');
  });

  it('writes each split value under its row', async () => {
    const sheet = await exportedRows(ctx.clients.institutionA, 'split=physicianLevel');
    expect(sheet[0].slice(0, 3)).toEqual(['科室', '医师级别', '应参考']);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['心内科', '全部', '2'], ['心内科', '执业医师', '2'],
      ['未分科室', '全部', '9'], ['未分科室', '执业医师', '7'], ['未分科室', '执业助理医师', '1'], ['未分科室', '未填写', '1'],
      ['合计', '全部', '11'], ['合计', '执业医师', '9'], ['合计', '执业助理医师', '1'], ['合计', '未填写', '1'],
    ]);
  });

  it('keeps the drill-down checks: another city is 404 and bad input 400', async () => {
    expect((await ctx.clients.cityAAuthority.get('/api/v1/statistics/export?regionCode=990200')).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.get('/api/v1/statistics/export?split=x')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/statistics/daily (每日报名 / 审核 / 测评)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/statistics/daily'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('counts each day’s 提交, 复核通过 and 提交试卷 of the scope, every day of the windows so far present', async () => {
    const { date } = eventDay;
    for (const client of [ctx.clients.institutionA, ctx.clients.provinceAuthority, ctx.clients.assessorOfA]) {
      const response = await client.get('/api/v1/statistics/daily');
      expect(response.statusCode).toBe(200);
      const daily: StatisticsDaily = response.json();
      expect(daily.from).toBe(ctx.world.cycle.registrationStart);
      expect(daily.to).toBe(todayInChina());
      // Every day from the opening of 报名 to today (Beijing), however long the run has taken.
      expect(daily.days).toHaveLength((Date.parse(daily.to!) - Date.parse(daily.from!)) / 86_400_000 + 1);
      expect(daily.days.length).toBeGreaterThanOrEqual(11);
      expect(daily.days.find((day) => day.date === date)).toEqual({ date, submitted: 2, reviewed: 1, tested: 1 });
      expect(daily.days.reduce((n, day) => n + day.submitted + day.reviewed + day.tested, 0)).toBe(4);
    }
    const other = (await ctx.clients.institutionB.get('/api/v1/statistics/daily')).json() as StatisticsDaily;
    expect(other.days.every((day) => day.submitted + day.reviewed + day.tested === 0)).toBe(true);
    const city = (await ctx.clients.cityBAuthority.get('/api/v1/statistics/daily')).json() as StatisticsDaily;
    expect(city.days.every((day) => day.submitted === 0)).toBe(true);
  });

  it('checks the scope like the table', async () => {
    expect((await ctx.clients.cityAAuthority.get('/api/v1/statistics/daily?regionCode=990200')).statusCode).toBe(404);
    expect((await ctx.clients.assessorOfA.get(`/api/v1/statistics/daily?institutionId=${c.institution.id}`)).statusCode).toBe(404);
    const bad = await ctx.clients.provinceAuthority.get('/api/v1/statistics/daily?cycleId=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('考核周期不正确');
  });
});

describe('the institution signed in afresh', () => {
  it('sees the same figures as its authority sees for it', async () => {
    const client = await loginAs(ctx.t.app, c.loginName, TEST_PASSWORD);
    const own = await stats(client);
    const district = await stats(ctx.clients.provinceAuthority, 'regionCode=990101');
    expect(own.total.figures).toEqual(row(district, c.institution.name).figures);
  });
});
