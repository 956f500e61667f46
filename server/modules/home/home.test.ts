import { describe, expect, it } from 'vitest';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { Procedure } from '../../../common/papers.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import { assessorAssignments, cycles } from '../../db/schema/index.js';
import { demoCycle } from '../../db/seed/demo.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment, buildRegistration } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

const fact = (body: { facts: { label: string; value: string }[] }, label: string) => body.facts.find((f) => f.label === label)?.value;

describe('GET /api/v1/home (首页)', () => {
  it('is there for every signed-in role', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/home'), byRole({ authority: 200, institution: 200, assessor: 200, physician: 200 }));
  });

  it('shows the current cycle with its four windows, open today', async () => {
    const body = (await ctx.clients.physicianA.get('/api/v1/home')).json();
    expect(body.cycle.name).toBe('2024-2026年度');
    expect(body.cycle.windows.map((w: { label: string }) => w.label)).toEqual(['考核机构申请', '医师报名', '报名信息审核', '测评考核', '补考时间']);
    // The four windows are open today; 补考时间 follows 测评考核.
    expect(body.cycle.windows.map((w: { state: string }) => w.state)).toEqual(['open', 'open', 'open', 'open', 'notStarted']);
  });

  it('counts only the authority’s own jurisdiction', async () => {
    expect(fact((await ctx.clients.provinceAuthority.get('/api/v1/home')).json(), '医疗卫生机构数')).toBe('3');
    expect(fact((await ctx.clients.cityBAuthority.get('/api/v1/home')).json(), '医疗卫生机构数')).toBe('1');
    expect(fact((await ctx.clients.cityBAuthority.get('/api/v1/home')).json(), '医师数')).toBe('1');
  });

  it('names the institution’s assessor, or says none is assigned', async () => {
    expect(fact((await ctx.clients.institutionA.get('/api/v1/home')).json(), '考核机构')).toBe(ctx.world.assessor.institution.name);
    expect(fact((await ctx.clients.institutionB.get('/api/v1/home')).json(), '考核机构')).toBe('本机构未指定考核机构');
    const assessorHome = (await ctx.clients.assessorOfA.get('/api/v1/home')).json();
    expect(assessorHome.greeting).toContain('当前身份：考核机构');
    expect(fact(assessorHome, '受委托医疗卫生机构数')).toBe('1');
  });

  it('shows the physician their masked 证件号码 and cycle status', async () => {
    const body = (await ctx.clients.physicianA.get('/api/v1/home')).json();
    expect(fact(body, '证件号码')).toBe(`${ctx.world.physicianA.idNumber.slice(0, 4)}*****${ctx.world.physicianA.idNumber.slice(-2)}`);
    expect(fact(body, '本周期考核状态')).toBe('未纳入考核周期');
    expect(JSON.stringify(body)).not.toContain(ctx.world.physicianA.idNumber);
  });
});

describe('GET /api/v1/home: the assessor’s 待处理任务 (复核)', () => {
  async function enrol(institutionId: number, status: EnrolmentStatus, procedure: Procedure, exemption?: ExemptionStatus, cycleId = ctx.world.cycle.id) {
    const { physician } = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId });
    const enrolment = await buildEnrolment(ctx.t.db, { cycleId, physicianId: physician.id, institutionId, status, procedure });
    if (exemption) await buildRegistration(ctx.t.db, enrolment, { exemptionStatus: exemption });
  }

  it('counts what its assigned institutions passed in the current cycle, by procedure, and 免考 waiting for it', async () => {
    const a = ctx.world.institutionA.institution.id;
    const b = ctx.world.institutionB.institution.id;
    await enrol(a, 'PENDING_ASSESSOR_REVIEW', 'standard');
    await enrol(a, 'PENDING_ASSESSOR_REVIEW', 'standard', 'pendingAssessor');
    await enrol(a, 'PENDING_ASSESSOR_REVIEW', 'simplified', 'pendingAssessor');
    // Still with the institution, returned, or past 复核: not the assessor's yet (or any more).
    await enrol(a, 'PENDING_INSTITUTION_REVIEW', 'standard', 'pendingInstitution');
    await enrol(a, 'RETURNED_BY_ASSESSOR', 'simplified');
    await enrol(a, 'AWAITING_TEST', 'simplified', 'approved');
    // B is not assigned to this assessor in the current cycle (only in an earlier one).
    const [earlier] = await ctx.t.db.insert(cycles).values({ ...demoCycle(), name: '2021-2023年度', provinceCode: '990000', isCurrent: false }).returning();
    await ctx.t.db.insert(assessorAssignments).values({ cycleId: earlier.id, institutionId: b, assignedAssessorId: ctx.world.assessor.institution.id });
    await enrol(b, 'PENDING_ASSESSOR_REVIEW', 'standard', 'pendingAssessor');
    await enrol(b, 'PENDING_ASSESSOR_REVIEW', 'simplified', 'pendingAssessor', earlier.id);

    const body = (await ctx.clients.assessorOfA.get('/api/v1/home')).json();
    expect(body.tasks).toEqual([
      { key: 'standardReview', label: '一般程序待复核', count: 2, path: '/reviews/standard' },
      { key: 'simplifiedReview', label: '简易程序待复核', count: 1, path: '/reviews/simplified' },
      { key: 'exemptionReview', label: '免考申请待复核', count: 2, path: '/reviews/exemption' },
    ]);
  });

  it('gives the other roles no tiles here (the institution’s are on its own home)', async () => {
    for (const client of [ctx.clients.provinceAuthority, ctx.clients.institutionA, ctx.clients.physicianA]) {
      expect((await client.get('/api/v1/home')).json().tasks).toEqual([]);
    }
  });
});
