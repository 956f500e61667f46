import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cycles, enrolments, physicianMultiSites, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/assessment-info';

/** A past (or future) cycle of the demo province: only the dates matter here. */
async function buildPastCycle(name: string, startYear: number) {
  const start = `${startYear}-01-01`;
  const end = `${startYear + 2}-12-31`;
  const window = `${startYear}-03-01`;
  const [cycle] = await ctx.t.db
    .insert(cycles)
    .values({
      provinceCode: '990000', name, startDate: start, endDate: end, isCurrent: false,
      assessorApplicationStart: window, assessorApplicationEnd: window, registrationStart: window, registrationEnd: window,
      reviewStart: window, reviewEnd: window, testStart: window, testEnd: window,
    })
    .returning();
  return cycle;
}

async function physicianAtA() {
  const institutionId = ctx.world.institutionA.institution.id;
  const built = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId });
  return { ...built, client: await loginAs(ctx.t.app, built.idNumber, TEST_PASSWORD, 'physician') };
}

describe('GET /api/v1/assessment-info (考核信息查询)', () => {
  it('is for physicians only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ physician: 200 }));
  });

  it('shows the current cycle and the two before it, per 执业地点, with 无 where there was no enrolment', async () => {
    const previous = await buildPastCycle('2021-2023年度', 2021);
    const earliest = await buildPastCycle('2018-2020年度', 2018);
    await buildPastCycle('2015-2017年度', 2015);
    await buildPastCycle('2027-2029年度', 2027);
    const p = await physicianAtA();
    const a = ctx.world.institutionA.institution;
    const b = ctx.world.institutionB.institution;
    await ctx.t.db.insert(enrolments).values([
      { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: a.id, status: 'PENDING_INSTITUTION_REVIEW' },
      { cycleId: previous.id, physicianId: p.physician.id, institutionId: b.id, status: 'COMPLETED', result: 'passed' },
    ]);
    await ctx.t.db.insert(physicianMultiSites).values({ physicianId: p.physician.id, institutionName: '长河市社区医院', departmentName: '内科' });

    const res = await p.client.get(URL);
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((c: { cycleName: string }) => c.cycleName)).toEqual(['2024-2026年度', '2021-2023年度', '2018-2020年度']);
    expect(items[0]).toMatchObject({ cycleId: ctx.world.cycle.id, isCurrent: true });
    expect(items[0].sites).toEqual([
      { kind: 'main', institutionName: a.name, departmentName: null, status: 'PENDING_INSTITUTION_REVIEW', statusLabel: '待医疗卫生机构审核', resultLabel: '无' },
      { kind: 'multiSite', institutionName: '长河市社区医院', departmentName: '内科', status: null, statusLabel: '—', resultLabel: '—' },
    ]);
    expect(items[1]).toMatchObject({ cycleId: previous.id, isCurrent: false, startDate: '2021-01-01', endDate: '2023-12-31' });
    expect(items[1].sites).toEqual([{ kind: 'main', institutionName: b.name, departmentName: null, status: 'COMPLETED', statusLabel: '考核完成', resultLabel: '合格' }]);
    expect(items[2]).toMatchObject({ cycleId: earliest.id });
    expect(items[2].sites).toEqual([{ kind: 'main', institutionName: '无', departmentName: null, status: null, statusLabel: '无', resultLabel: '无' }]);
  });

  it('says 未确认参加 at the physician’s institution in the current cycle without an enrolment, 无 once transferred out', async () => {
    const p = await physicianAtA();
    const [current] = (await p.client.get(URL)).json().items;
    expect(current.sites).toEqual([
      { kind: 'main', institutionName: ctx.world.institutionA.institution.name, departmentName: null, status: 'NOT_ENROLLED', statusLabel: '未确认参加', resultLabel: '无' },
    ]);
    await ctx.t.db.update(physicians).set({ transferredOutAt: new Date() }).where(eq(physicians.id, p.physician.id));
    const [after] = (await p.client.get(URL)).json().items;
    expect(after.sites[0]).toMatchObject({ institutionName: '无', statusLabel: '无', resultLabel: '无' });
  });

  it('shows 不合格 for a failed cycle', async () => {
    const p = await physicianAtA();
    await ctx.t.db.insert(enrolments).values({ cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status: 'COMPLETED', result: 'failed' });
    const [current] = (await p.client.get(URL)).json().items;
    expect(current.sites[0]).toMatchObject({ statusLabel: '考核完成', resultLabel: '不合格' });
  });
});
