import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { Procedure } from '../../../common/papers.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import { auditEvents, cycles, institutions, physicianChangeRequests } from '../../db/schema/index.js';
import { demoCycle } from '../../db/seed/demo.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { buildNotice } from '../../test-support/departments-factories.js';
import { buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment, buildRegistration } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

interface Enrolled {
  status: EnrolmentStatus;
  procedure?: Procedure;
  /** Gives the enrolment a submitted registration with this 免考 status. */
  exemption?: ExemptionStatus;
}

async function enrol(institutionId: number, rows: Enrolled[], cycleId = ctx.world.cycle.id) {
  for (const row of rows) {
    const { physician } = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId });
    const enrolment = await buildEnrolment(ctx.t.db, { cycleId, physicianId: physician.id, institutionId, status: row.status, procedure: row.procedure });
    if (row.exemption) await buildRegistration(ctx.t.db, enrolment, { exemptionStatus: row.exemption });
  }
}

describe('GET /api/v1/home/institution (医疗卫生机构首页)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/home/institution'), byRole({ institution: 200 }));
  });

  it('shows the current cycle, not yet confirmed', async () => {
    const body = (await ctx.clients.institutionA.get('/api/v1/home/institution')).json();
    expect(body.institutionName).toBe(ctx.world.institutionA.institution.name);
    expect(body.cycle).toMatchObject({ id: ctx.world.cycle.id, name: '2024-2026年度' });
    expect(body.cycle.windows.map((w: { key: string }) => w.key)).toEqual(['assessorApplication', 'registration', 'review', 'test', 'retake']);
    expect(body.cycleConfirmedAt).toBeNull();
  });

  it('counts the four 待处理任务 from this institution’s enrolments and gives each its 去处理 page', async () => {
    const a = ctx.world.institutionA.institution.id;
    // 一般程序: two new, one returned by the assessor (the one with 免考 waiting counts for both tiles).
    await enrol(a, [
      { status: 'PENDING_INSTITUTION_REVIEW', procedure: 'standard' },
      { status: 'PENDING_INSTITUTION_REVIEW', procedure: 'standard', exemption: 'pendingInstitution' },
      { status: 'RETURNED_BY_ASSESSOR', procedure: 'standard' },
      // 简易程序: one new, one returned; 免考 waiting on one of them.
      { status: 'PENDING_INSTITUTION_REVIEW', procedure: 'simplified', exemption: 'pendingInstitution' },
      { status: 'RETURNED_BY_ASSESSOR', procedure: 'simplified' },
      // Not the institution's to review: with the assessor, not submitted, not enrolled; 免考 already passed on or decided.
      { status: 'PENDING_ASSESSOR_REVIEW', procedure: 'simplified', exemption: 'pendingAssessor' },
      { status: 'AWAITING_TEST', procedure: 'standard', exemption: 'approved' },
      { status: 'PENDING_REGISTRATION' },
      { status: 'NOT_ENROLLED' },
    ]);
    // Another institution's, and this institution's in a cycle that is not the current one.
    await enrol(ctx.world.institutionB.institution.id, [{ status: 'PENDING_INSTITUTION_REVIEW', procedure: 'simplified', exemption: 'pendingInstitution' }]);
    const [oldCycle] = await ctx.t.db.insert(cycles).values({ ...demoCycle(), name: '2021-2023年度', provinceCode: '990000', isCurrent: false }).returning();
    await enrol(a, [{ status: 'PENDING_INSTITUTION_REVIEW', procedure: 'standard', exemption: 'pendingInstitution' }], oldCycle.id);

    const body = (await ctx.clients.institutionA.get('/api/v1/home/institution')).json();
    expect(body.tasks).toEqual([
      { key: 'standardReview', label: '一般程序待审核', count: 3, path: '/reviews/standard' },
      { key: 'simplifiedReview', label: '简易程序待审核', count: 2, path: '/reviews/simplified' },
      { key: 'exemptionReview', label: '免考申请待审核', count: 2, path: '/reviews/exemption' },
      { key: 'infoChange', label: '医师信息修改申请', count: 0, path: '/change-requests' },
    ]);
    // 考核进度: 8 enrolled (未确认参加 left out), 7 submitted, 2 reviewed by the institution, none completed.
    expect(body.progress).toEqual({
      enrolled: 8,
      registration: { done: 7, total: 8, percent: 88 },
      review: { done: 2, total: 7, percent: 29 },
      completion: { done: 0, total: 8, percent: 0 },
    });
    const b = (await ctx.clients.institutionB.get('/api/v1/home/institution')).json();
    expect(b.tasks.map((t: { count: number }) => t.count)).toEqual([0, 1, 1, 0]);
  });

  it('counts a pending 医师信息修改申请 addressed to the institution', async () => {
    const { physician } = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionB.institution.id });
    await ctx.t.db.insert(physicianChangeRequests).values({ physicianId: physician.id, institutionId: ctx.world.institutionB.institution.id, changes: {}, reason: '更换手机号' });
    const b = (await ctx.clients.institutionB.get('/api/v1/home/institution')).json();
    expect(b.tasks.find((t: { key: string }) => t.key === 'infoChange').count).toBe(1);
  });

  it('gives the 考核机构 and 行政机构 contacts', async () => {
    await ctx.t.db.update(institutions).set({ contactPerson: '尚成格', contactPhone: '13147873234' }).where(eq(institutions.id, ctx.world.assessor.institution.id));
    const body = (await ctx.clients.institutionA.get('/api/v1/home/institution')).json();
    expect(body.contacts).toEqual({
      assessor: { name: ctx.world.assessor.institution.name, contactPerson: '尚成格', contactPhone: '13147873234' },
      authority: { name: ctx.world.cityA.authority.name, contactPerson: null, contactPhone: null },
      noAssessorMessage: null,
    });
  });

  it('tells an institution without an assessor whom to contact (seed 004 FAQ 11)', async () => {
    const body = (await ctx.clients.institutionB.get('/api/v1/home/institution')).json();
    expect(body.contacts.assessor).toBeNull();
    expect(body.contacts.noAssessorMessage).toBe(`当前机构暂未指定考核机构，请联系${ctx.world.cityB.authority.name}`);
  });

  it('lists the latest published notices of the authorities above the institution only', async () => {
    await buildNotice(ctx.t.db, { authorityId: ctx.world.province.authority.id, title: '省级政策', category: 'policy', publishedOn: '2026-03-01', status: 'published' });
    await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, title: '市级通知', publishedOn: '2026-03-05', status: 'published' });
    await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, title: '市级草稿', publishedOn: '2026-03-06' });
    await buildNotice(ctx.t.db, { authorityId: ctx.world.cityB.authority.id, title: '别市通知', publishedOn: '2026-03-07', status: 'published' });
    const a = (await ctx.clients.institutionA.get('/api/v1/home/institution')).json();
    expect(a.notices.map((n: { title: string }) => n.title)).toEqual(['市级通知', '省级政策']);
    const b = (await ctx.clients.institutionB.get('/api/v1/home/institution')).json();
    expect(b.notices.map((n: { title: string }) => n.title)).toEqual(['别市通知', '省级政策']);
  });
});

describe('POST /api/v1/home/institution/confirm-cycle (告知栏【去确认】)', () => {
  const confirm = (cycleId = ctx.world.cycle.id) => ({ cycleId });

  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/home/institution/confirm-cycle', confirm()), byRole({ institution: 200 }));
  });

  it('remembers the confirmation once per cycle and institution: a second call changes nothing', async () => {
    const first = (await ctx.clients.institutionA.post('/api/v1/home/institution/confirm-cycle', confirm())).json();
    const second = (await ctx.clients.institutionA.post('/api/v1/home/institution/confirm-cycle', confirm())).json();
    expect(second).toEqual(first);
    const home = (await ctx.clients.institutionA.get('/api/v1/home/institution')).json();
    expect(home.cycleConfirmedAt).toBe(first.confirmedAt);
    const audits = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.confirmed'), eq(auditEvents.actorAccountId, ctx.world.institutionA.account.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].targetId).toBe(String(ctx.world.cycle.id));
  });

  it('answers 400 without a cycle id and 409 for a cycle that is not the current one', async () => {
    const missing = await ctx.clients.institutionA.post('/api/v1/home/institution/confirm-cycle', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('请指定考核周期');
    const stale = await ctx.clients.institutionA.post('/api/v1/home/institution/confirm-cycle', confirm(ctx.world.cycle.id + 1000));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('考核周期已变更，请刷新页面后再确认');
  });

  it('has nothing to confirm when the province has no current cycle', async () => {
    await ctx.t.db.update(cycles).set({ isCurrent: false }).where(eq(cycles.id, ctx.world.cycle.id));
    try {
      const res = await ctx.clients.institutionB.post('/api/v1/home/institution/confirm-cycle', confirm());
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe('当前没有进行中的考核周期');
      const home = (await ctx.clients.institutionB.get('/api/v1/home/institution')).json();
      expect(home).toMatchObject({ cycle: null, cycleConfirmedAt: null, progress: null });
      // The review tiles belong to the cycle; the change request asked above does not.
      expect(home.tasks.map((t: { count: number }) => t.count)).toEqual([0, 0, 0, 1]);
    } finally {
      await ctx.t.db.update(cycles).set({ isCurrent: true }).where(eq(cycles.id, ctx.world.cycle.id));
    }
  });
});
