import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentStatus, PracticeCategory } from '../../../common/enums.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import { enrolments, physicians, registrations } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs, type Client } from '../../test-support/app.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { TEST_PASSWORD, buildInstitution, buildPhysician, residentId } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';
import { sheetRows as readSheet } from '../../test-support/sheet-rows.js';

const ctx = setupTenantWorld();

interface Item {
  enrolmentId: number;
  institutionName: string;
  departmentName: string | null;
  name: string;
  age: number | null;
  idNumberMasked: string;
  procedure: string;
  status: string;
  exemptionStatus: string;
  result: string;
  submitted: boolean;
}
interface Page {
  items: Item[];
  total: number;
  totalCapped: boolean;
  cycle: { id: number; name: string } | null;
}

interface Spec {
  name: string;
  birth: string;
  status: EnrolmentStatus;
  procedure?: 'standard' | 'simplified';
  result?: 'passed' | 'failed';
  exemption?: ExemptionStatus;
  category?: PracticeCategory;
  level?: 'physician' | 'assistant';
  department?: boolean;
}

/** Institution A's enrolments in the cycle, one per 考核状态 that matters here (and one 未确认参加). */
const specsOfA: Spec[] = [
  { name: '待报名甲', birth: '19600510', status: 'PENDING_REGISTRATION', department: true },
  { name: '机构驳回乙', birth: '19750620', status: 'RETURNED_BY_INSTITUTION', procedure: 'standard', category: 'tcm' },
  { name: '待审核丙', birth: '19900101', status: 'PENDING_INSTITUTION_REVIEW', procedure: 'simplified', exemption: 'pendingInstitution', level: 'assistant' },
  { name: '待复核丁', birth: '19950808', status: 'PENDING_ASSESSOR_REVIEW', procedure: 'standard', exemption: 'pendingAssessor', department: true },
  { name: '待考核戊', birth: '19850315', status: 'AWAITING_TEST', procedure: 'simplified', exemption: 'approved', category: 'dental' },
  { name: '合格己', birth: '19700101', status: 'COMPLETED', procedure: 'standard', result: 'passed', category: 'tcm' },
  { name: '不合格庚', birth: '19800101', status: 'COMPLETED', procedure: 'standard', result: 'failed', exemption: 'rejected' },
  { name: '未确认辛', birth: '19820101', status: 'NOT_ENROLLED' },
];

const people: Record<string, { physicianId: number; idNumber: string; enrolmentId: number }> = {};
let departmentId: number;
/** Institution C: in city A like A, but not assigned to the assessor. */
let c: Awaited<ReturnType<typeof buildInstitution>>;
let cClient: Client;

async function enrolled(institutionId: number, spec: Spec, seq: number) {
  const { db, pii } = ctx.t;
  const idNumber = residentId(seq, spec.birth);
  const p = await buildPhysician(db, pii, { institutionId, name: spec.name, idNumber });
  await db
    .update(physicians)
    .set({
      birthDate: `${spec.birth.slice(0, 4)}-${spec.birth.slice(4, 6)}-${spec.birth.slice(6)}`,
      practiceCategory: spec.category ?? 'clinical',
      physicianLevel: spec.level ?? 'physician',
      departmentId: spec.department ? departmentId : null,
    })
    .where(eq(physicians.id, p.physician.id));
  const enrolment = await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId, status: spec.status });
  await db.update(enrolments).set({ procedure: spec.procedure ?? null, result: spec.result ?? null }).where(eq(enrolments.id, enrolment.id));
  if (spec.procedure) {
    await db.insert(registrations).values({ enrolmentId: enrolment.id, physicianId: p.physician.id, cycleId: ctx.world.cycle.id, exemptionStatus: spec.exemption ?? 'none', submittedAt: new Date() });
  }
  people[spec.name] = { physicianId: p.physician.id, idNumber, enrolmentId: enrolment.id };
}

beforeAll(async () => {
  const { db, world } = { db: ctx.t.db, world: ctx.world };
  departmentId = (await buildDepartment(db, { institutionId: world.institutionA.institution.id, name: '心内科' })).id;
  let seq = 7100;
  for (const spec of specsOfA) await enrolled(world.institutionA.institution.id, spec, ++seq);
  await enrolled(world.institutionB.institution.id, { name: '乙院医师', birth: '19780101', status: 'AWAITING_TEST', procedure: 'standard' }, ++seq);
  c = await buildInstitution(db, { authorityId: world.cityA.authority.id, regionCode: '990101' });
  cClient = await loginAs(ctx.t.app, c.loginName, TEST_PASSWORD);
  await enrolled(c.institution.id, { name: '丙院医师', birth: '19780101', status: 'PENDING_REGISTRATION' }, ++seq);
});

const sorted = (list: string[]) => [...list].sort();
const names = (page: Page) => page.items.map((i) => i.name).sort();
const allOfA = specsOfA.filter((s) => s.status !== 'NOT_ENROLLED').map((s) => s.name).sort();

async function list(client: Client, query = ''): Promise<Page> {
  const response = await client.get(`/api/v1/progress?pageSize=100${query ? `&${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function exportedRows(client: Client, query = ''): Promise<string[][]> {
  const response = await client.get(`/api/v1/progress/export${query ? `?${query}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toContain(encodeURIComponent('考核进度.xlsx'));
  return readSheet(response.rawPayload);
}

describe('GET /api/v1/progress (考核进度)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/progress'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it("lists the institution's enrolled physicians with the columns of the seed, never 未确认参加", async () => {
    const page = await list(ctx.clients.institutionA);
    expect(names(page)).toEqual(allOfA);
    expect(page.total).toBe(7);
    expect(page.cycle?.id).toBe(ctx.world.cycle.id);
    const jia = page.items.find((i) => i.name === '待报名甲')!;
    // Not submitted yet: no record to open (查看 shows the physician's information instead).
    expect(jia).toMatchObject({ departmentName: '心内科', procedure: 'none', status: 'PENDING_REGISTRATION', exemptionStatus: 'none', result: 'none', submitted: false, enrolmentId: people['待报名甲'].enrolmentId });
    expect(page.items.find((i) => i.name === '机构驳回乙')).toMatchObject({ status: 'RETURNED_BY_INSTITUTION', procedure: 'standard', submitted: true });
    expect(jia.age).toBeGreaterThanOrEqual(65);
    expect(jia.idNumberMasked).toMatch(/^\d{4}\*{5}\d[\dX]$/);
    const geng = page.items.find((i) => i.name === '不合格庚')!;
    expect(geng).toMatchObject({ procedure: 'standard', status: 'COMPLETED', exemptionStatus: 'rejected', result: 'failed' });
  });

  it('filters by 考核状态, 考核程序, 考核结果 and 免考状态', async () => {
    const get = async (query: string) => names(await list(ctx.clients.institutionA, query));
    expect(await get('status=PENDING_REGISTRATION')).toEqual(sorted(['待报名甲']));
    expect(await get('status=COMPLETED')).toEqual(sorted(['不合格庚', '合格己']));
    expect(await get('status=AWAITING_RETAKE')).toEqual([]);
    expect(await get('procedure=simplified')).toEqual(sorted(['待审核丙', '待考核戊']));
    expect(await get('procedure=none')).toEqual(sorted(['待报名甲']));
    expect(await get('result=passed')).toEqual(sorted(['合格己']));
    expect(await get('result=failed')).toEqual(sorted(['不合格庚']));
    expect((await get('result=none')).length).toBe(5);
    expect(await get('exemptionStatus=approved')).toEqual(sorted(['待考核戊']));
    expect(await get('exemptionStatus=pendingAssessor')).toEqual(sorted(['待复核丁']));
    // 未申请 includes those who have not submitted yet (no registration row).
    expect(await get('exemptionStatus=none')).toEqual(['合格己', '待报名甲', '机构驳回乙'].sort());
    expect(await get('status=COMPLETED&result=passed&procedure=standard')).toEqual(sorted(['合格己']));
  });

  it('filters by 科室, 姓名, 证件号码, 年龄, 医师级别 and 执业类别', async () => {
    const get = async (query: string) => names(await list(ctx.clients.institutionA, query));
    expect(await get(`departmentId=${departmentId}`)).toEqual(['待报名甲', '待复核丁'].sort());
    expect(await get(`name=${encodeURIComponent('待')}`)).toEqual(['待报名甲', '待复核丁', '待审核丙', '待考核戊'].sort());
    expect(await get(`name=${encodeURIComponent('合格')}`)).toEqual(sorted(['不合格庚', '合格己']));
    const id = people['待复核丁'].idNumber;
    expect(await get(`idNumber=${id}`)).toEqual(sorted(['待复核丁']));
    expect(await get(`idNumber=${id.slice(-4)}`)).toEqual(sorted(['待复核丁']));
    expect(await get(`idNumber=${id.slice(-6)}`)).toEqual(sorted(['待复核丁']));
    expect(await get('idNumber=0000')).toEqual([]);
    expect(await get('ageMin=25&ageMax=39')).toEqual(['待审核丙', '待复核丁'].sort());
    expect(await get('physicianLevel=assistant')).toEqual(sorted(['待审核丙']));
    expect(await get('practiceCategory=tcm')).toEqual(['合格己', '机构驳回乙'].sort());
    expect(await get('practiceCategory=publicHealth')).toEqual([]);
    // Across a province the 姓名 goes through the index of the enrolments' name characters, not only the LIKE.
    const province = async (query: string) => names(await list(ctx.clients.provinceAuthority, query)).filter((n) => n in people);
    expect(await province(`name=${encodeURIComponent('待')}`)).toEqual(['待报名甲', '待复核丁', '待审核丙', '待考核戊'].sort());
    expect(await province(`name=${encodeURIComponent('格己')}`)).toEqual(['合格己']);
    expect(await province(`name=${encodeURIComponent('己格')}`)).toEqual([]);
    expect(await province('ageMin=25&ageMax=39')).toEqual(['待审核丙', '待复核丁'].sort());
    expect(await province('physicianLevel=assistant')).toEqual(sorted(['待审核丙']));
  });

  it("follows a change of the physician's 姓名, 医师级别 and 出生日期 after enrolling", async () => {
    const { db } = ctx.t;
    const who = people['待报名甲'].physicianId;
    const [before] = await db.select().from(physicians).where(eq(physicians.id, who));
    const get = async (client: Client, query: string) => names(await list(client, query));
    await db.update(physicians).set({ name: '改名甲', physicianLevel: 'assistant', birthDate: '1960-06-01' }).where(eq(physicians.id, who));
    try {
      for (const client of [ctx.clients.institutionA, ctx.clients.provinceAuthority]) {
        expect(await get(client, `name=${encodeURIComponent('改名')}`)).toEqual(['改名甲']);
        expect(await get(client, `name=${encodeURIComponent('待报名')}`)).toEqual([]);
        expect(await get(client, 'physicianLevel=assistant')).toContain('改名甲');
        expect(await get(client, 'ageMin=60')).toContain('改名甲');
      }
    } finally {
      await db.update(physicians).set({ name: before.name, physicianLevel: before.physicianLevel, birthDate: before.birthDate }).where(eq(physicians.id, who));
    }
    expect(await get(ctx.clients.provinceAuthority, `name=${encodeURIComponent('待报名')}`)).toEqual(['待报名甲']);
    expect(await get(ctx.clients.provinceAuthority, 'physicianLevel=assistant')).not.toContain('待报名甲');
  });

  it("follows a change of the physician's 执业类别 after enrolling (the enrolment's copy is kept by the database)", async () => {
    const { db } = ctx.t;
    const who = people['待报名甲'].physicianId;
    const get = async (client: Client, query: string) => names(await list(client, query));
    await db.update(physicians).set({ practiceCategory: 'publicHealth' }).where(eq(physicians.id, who));
    try {
      expect(await get(ctx.clients.institutionA, 'practiceCategory=publicHealth')).toEqual(['待报名甲']);
      expect(await get(ctx.clients.provinceAuthority, 'practiceCategory=publicHealth')).toEqual(['待报名甲']);
      const summary = (await ctx.clients.provinceAuthority.get('/api/v1/progress/summary')).json();
      expect(summary.byCategory.find((c: { practiceCategory: string }) => c.practiceCategory === 'publicHealth').total).toBe(1);
    } finally {
      await db.update(physicians).set({ practiceCategory: 'clinical' }).where(eq(physicians.id, who));
    }
    expect(await get(ctx.clients.provinceAuthority, 'practiceCategory=publicHealth')).toEqual([]);
    expect(await get(ctx.clients.institutionA, 'practiceCategory=clinical')).toContain('待报名甲');
  });

  it('pages on the server', async () => {
    const first = (await ctx.clients.institutionA.get('/api/v1/progress?pageSize=10&page=1')).json() as Page;
    expect(first.items).toHaveLength(7);
    const second = (await ctx.clients.institutionA.get('/api/v1/progress?pageSize=10&page=2')).json() as Page;
    expect(second).toMatchObject({ total: 7, items: [] });
    // Newest enrolment first.
    expect(first.items[0].name).toBe('不合格庚');
  });

  it('refuses bad filters with the field named', async () => {
    const cases: [string, string][] = [
      ['status=NOT_ENROLLED', '考核状态不正确'],
      ['status=bogus', '考核状态不正确'],
      ['procedure=fast', '考核程序不正确'],
      ['result=maybe', '考核结果不正确'],
      ['exemptionStatus=x', '免考状态不正确'],
      ['ageMin=50&ageMax=30', '年龄上限不能小于下限'],
      ['idNumber=12', '证件号码请输入完整号码或至少后4位'],
      ['regionCode=99', '区划须为6位行政区划代码'],
      ['institutionId=abc', '机构不正确'],
      ['pageSize=7', '每页条数只能为10、20、50或100'],
    ];
    for (const [query, message] of cases) {
      const response = await ctx.clients.institutionA.get(`/api/v1/progress?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message, query).toContain(message);
    }
  });

  it('keeps an institution to its own enrolments; another institution named in the filter is not found', async () => {
    expect(names(await list(ctx.clients.institutionB))).toEqual(sorted(['乙院医师']));
    expect(names(await list(cClient))).toEqual(sorted(['丙院医师']));
    expect(names(await list(ctx.clients.institutionA, `institutionId=${ctx.world.institutionA.institution.id}`))).toEqual(allOfA);
    const foreign = await ctx.clients.institutionA.get(`/api/v1/progress?institutionId=${ctx.world.institutionB.institution.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('gives the assessor only the institutions assigned to it, with their names', async () => {
    const page = await list(ctx.clients.assessorOfA);
    expect(names(page)).toEqual(allOfA);
    expect(page.items.every((i) => i.institutionName === ctx.world.institutionA.institution.name)).toBe(true);
    expect(names(await list(ctx.clients.assessorOfA, `institutionId=${ctx.world.institutionA.institution.id}&status=COMPLETED`))).toEqual(sorted(['不合格庚', '合格己']));
    for (const other of [c.institution.id, ctx.world.institutionB.institution.id, ctx.world.assessor.institution.id]) {
      expect((await ctx.clients.assessorOfA.get(`/api/v1/progress?institutionId=${other}`)).statusCode).toBe(404);
    }
  });

  it('gives an authority its jurisdiction, narrowed by 机构 or 区划 inside it', async () => {
    expect(names(await list(ctx.clients.cityAAuthority))).toEqual([...allOfA, '丙院医师'].sort());
    expect(names(await list(ctx.clients.cityBAuthority))).toEqual(sorted(['乙院医师']));
    const province = await list(ctx.clients.provinceAuthority);
    expect(province.total).toBe(9);
    expect(province.totalCapped).toBe(false);
    expect(names(await list(ctx.clients.provinceAuthority, 'regionCode=990200'))).toEqual(sorted(['乙院医师']));
    expect(names(await list(ctx.clients.provinceAuthority, `institutionId=${c.institution.id}`))).toEqual(sorted(['丙院医师']));
    expect(names(await list(ctx.clients.cityAAuthority, 'regionCode=990101&status=COMPLETED'))).toEqual(sorted(['不合格庚', '合格己']));
    for (const query of ['regionCode=990200', 'regionCode=990000', 'regionCode=980101', `institutionId=${ctx.world.institutionB.institution.id}`]) {
      const response = await ctx.clients.cityAAuthority.get(`/api/v1/progress?${query}`);
      expect(response.statusCode, query).toBe(404);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('GET /api/v1/progress/export', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(
      ctx.clients,
      async (cl) => {
        const response = await cl.get('/api/v1/progress/export?status=COMPLETED');
        return response;
      },
      byRole({ institution: 200, assessor: 200, authority: 200 }),
    );
  });

  it('writes the filtered rows with the columns of the page', async () => {
    const rows = await exportedRows(ctx.clients.institutionA, 'status=COMPLETED');
    expect(rows[0]).toEqual(['序号', '科室', '姓名', '年龄', '证件号码', '执业类别', '医师级别', '考核程序', '考核状态', '免考状态', '考核结果']);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[2], r]));
    expect(Object.keys(byName).sort()).toEqual(sorted(['不合格庚', '合格己']));
    expect(byName['合格己'].slice(5)).toEqual(['中医', '执业医师', '一般程序', '考核完成', '未申请', '合格']);
    expect(byName['不合格庚'].slice(7)).toEqual(['一般程序', '考核完成', '免考驳回', '不合格']);
    expect(byName['合格己'][4]).toMatch(/\*{5}/);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(sorted(['1', '2']));
  });

  it('adds 卫生机构 for an authority and keeps to its scope', async () => {
    const rows = await exportedRows(ctx.clients.cityAAuthority, 'procedure=none');
    expect(rows[0].slice(0, 3)).toEqual(['序号', '卫生机构', '科室']);
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(['丙院医师', '待报名甲'].sort());
    expect(rows.find((r) => r[3] === '丙院医师')?.[1]).toBe(c.institution.name);
    expect((await ctx.clients.cityBAuthority.get(`/api/v1/progress/export?institutionId=${c.institution.id}`)).statusCode).toBe(404);
  });

  it('refuses bad filters', async () => {
    const response = await ctx.clients.institutionA.get('/api/v1/progress/export?status=NOT_ENROLLED');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('考核状态不正确');
  });
});

describe('GET /api/v1/progress/summary (考核情况综合查询)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/progress/summary'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it("counts the institution's enrolments by 考核状态, 考核程序, 考核结果 and 执业类别", async () => {
    const summary = (await ctx.clients.institutionA.get('/api/v1/progress/summary')).json();
    expect(summary.total).toBe(7);
    // 待医疗卫生机构审核 and after: 丙, 丁, 戊, 己, 庚.
    expect(summary.submitted).toBe(5);
    const status = Object.fromEntries(summary.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]));
    expect(status).toEqual({
      PENDING_REGISTRATION: 1,
      RETURNED_BY_INSTITUTION: 1,
      RETURNED_BY_AUTHORITY: 0,
      PENDING_INSTITUTION_REVIEW: 1,
      RETURNED_BY_ASSESSOR: 0,
      PENDING_ASSESSOR_REVIEW: 1,
      AWAITING_TEST: 1,
      PENDING_RETAKE_CONFIRMATION: 0,
      AWAITING_RETAKE: 0,
      COMPLETED: 2,
    });
    expect(summary.byProcedure).toEqual([
      { procedure: 'standard', count: 4 },
      { procedure: 'simplified', count: 2 },
      { procedure: 'none', count: 1 },
    ]);
    expect(summary.byResult).toEqual([
      { result: 'passed', count: 1 },
      { result: 'failed', count: 1 },
      { result: 'none', count: 5 },
    ]);
    expect(summary.byCategory).toEqual([
      { practiceCategory: 'clinical', total: 4, completed: 1, passed: 0, failed: 1 },
      { practiceCategory: 'dental', total: 1, completed: 0, passed: 0, failed: 0 },
      { practiceCategory: 'publicHealth', total: 0, completed: 0, passed: 0, failed: 0 },
      { practiceCategory: 'tcm', total: 2, completed: 1, passed: 1, failed: 0 },
    ]);
  });

  it('agrees with the list for every scope', async () => {
    const cases: [keyof typeof ctx.clients, string][] = [
      ['assessorOfA', ''],
      ['cityAAuthority', ''],
      ['cityAAuthority', `institutionId=${c.institution.id}`],
      ['provinceAuthority', ''],
      ['provinceAuthority', 'regionCode=990200'],
      ['institutionB', ''],
    ];
    for (const [who, query] of cases) {
      const summary = (await ctx.clients[who].get(`/api/v1/progress/summary?${query}`)).json();
      const page = await list(ctx.clients[who], query);
      expect(summary.total, `${who} ${query}`).toBe(page.total);
      const completed = summary.byStatus.find((s: { status: string }) => s.status === 'COMPLETED').count;
      expect(completed, `${who} ${query}`).toBe(page.items.filter((i) => i.status === 'COMPLETED').length);
    }
  });

  it('refuses a 机构 or 区划 outside the scope', async () => {
    expect((await ctx.clients.cityBAuthority.get('/api/v1/progress/summary?regionCode=990100')).statusCode).toBe(404);
    expect((await ctx.clients.assessorOfA.get(`/api/v1/progress/summary?institutionId=${c.institution.id}`)).statusCode).toBe(404);
    expect((await ctx.clients.institutionA.get('/api/v1/progress/summary?regionCode=abc')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/progress/institutions (卫生机构 picker)', () => {
  it('is for institutions, assessors and authorities', async () => {
    await checkAccessMatrix(ctx.clients, (cl) => cl.get('/api/v1/progress/institutions'), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('offers the institutions of the scope only', async () => {
    const ids = async (client: Client, query = '') =>
      ((await client.get(`/api/v1/progress/institutions${query}`)).json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
    const { institutionA, institutionB, assessor } = ctx.world;
    expect(await ids(ctx.clients.assessorOfA)).toEqual([institutionA.institution.id]);
    expect(await ids(ctx.clients.institutionA)).toEqual([institutionA.institution.id]);
    expect(await ids(ctx.clients.cityBAuthority)).toEqual([institutionB.institution.id]);
    expect(await ids(ctx.clients.cityAAuthority)).toEqual([institutionA.institution.id, assessor.institution.id, c.institution.id].sort((a, b) => a - b));
    expect(await ids(ctx.clients.cityAAuthority, `?name=${encodeURIComponent(c.institution.name)}`)).toEqual([c.institution.id]);
  });
});
