import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthorityHome } from '../../../common/schemas/authority-home.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { loginAs, type Client } from '../../test-support/app.js';
import { buildEnrolment, otherProvinceAuthority } from '../../test-support/cycle-factories.js';
import { TEST_PASSWORD, buildAuthority, buildInstitution, buildPhysician } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
let district: Client;
let hunan: Client;
let institutionC: Awaited<ReturnType<typeof buildInstitution>>;

/**
 * On top of the tenant world (A in 990101 assigned to the assessor in 990102, B in 990201):
 * a district authority 990101, institution C in 990101 (no assessor) with three physicians —
 * 考核完成, 待参加考核, 未确认参加 — and a physician at the assessor, 待报名.
 * A's physician is 待医疗卫生机构审核, B's 待报名.
 */
beforeAll(async () => {
  const { t, world } = ctx;
  const d = await buildAuthority(t.db, { regionCode: '990101' });
  district = await loginAs(t.app, d.loginName, TEST_PASSWORD);
  hunan = (await otherProvinceAuthority(t)).client;
  institutionC = await buildInstitution(t.db, { authorityId: d.authority.id, regionCode: '990101' });
  const enrol = async (institutionId: number, status: Parameters<typeof buildEnrolment>[1]['status'], physicianId?: number) =>
    buildEnrolment(t.db, {
      cycleId: world.cycle.id,
      institutionId,
      status,
      physicianId: physicianId ?? (await buildPhysician(t.db, t.pii, { institutionId })).physician.id,
    });
  await enrol(world.institutionA.institution.id, 'PENDING_INSTITUTION_REVIEW', world.physicianA.physician.id);
  await enrol(world.institutionB.institution.id, 'PENDING_REGISTRATION', world.physicianB.physician.id);
  await enrol(world.assessor.institution.id, 'PENDING_REGISTRATION');
  await enrol(institutionC.institution.id, 'COMPLETED');
  await enrol(institutionC.institution.id, 'AWAITING_TEST');
  await enrol(institutionC.institution.id, 'NOT_ENROLLED');
});

const homeOf = async (client: Client): Promise<AuthorityHome> => {
  const response = await client.get('/api/v1/home/authority');
  expect(response.statusCode).toBe(200);
  return response.json();
};

const summary = (home: AuthorityHome) => ({
  counts: home.counts,
  rates: home.progress && [home.progress.registration, home.progress.review, home.progress.completion].map((r) => `${r.done}/${r.total} ${r.percent}%`),
  withoutAssessor: home.withoutAssessor && { total: home.withoutAssessor.total, names: home.withoutAssessor.items.map((i) => i.name) },
});

describe('GET /api/v1/home/authority (卫生行政部门首页)', () => {
  it('is the authorities’ own; other roles get 403', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/home/authority'), byRole({ authority: 200 }));
  });

  it('names the jurisdiction and shows the current cycle’s 考核安排', async () => {
    const home = await homeOf(ctx.clients.cityAAuthority);
    expect(home.greeting).toBe(`${ctx.world.cityA.authority.name}，您好！当前身份：卫生行政部门`);
    expect(home.jurisdiction).toEqual({ authorityName: ctx.world.cityA.authority.name, regionCode: '990100', regionPath: '演示省 长河市' });
    expect(home.cycle?.name).toBe('2024-2026年度');
    expect(home.cycle?.windows.map((w) => w.label)).toEqual(['考核机构申请', '医师报名', '报名信息审核', '测评考核', '补考时间']);
  });

  it('the province counts everything in it', async () => {
    const { world } = ctx;
    expect(summary(await homeOf(ctx.clients.provinceAuthority))).toEqual({
      counts: { institutions: 4, physicians: 6, enrolled: 5 },
      rates: ['3/5 60%', '2/3 67%', '1/5 20%'],
      withoutAssessor: { total: 3, names: [institutionC.institution.name, world.assessor.institution.name, world.institutionB.institution.name] },
    });
  });

  it('a city only its own cities’ districts', async () => {
    const { world } = ctx;
    expect(summary(await homeOf(ctx.clients.cityAAuthority))).toEqual({
      counts: { institutions: 3, physicians: 5, enrolled: 4 },
      rates: ['3/4 75%', '2/3 67%', '1/4 25%'],
      withoutAssessor: { total: 2, names: [institutionC.institution.name, world.assessor.institution.name] },
    });
    expect(summary(await homeOf(ctx.clients.cityBAuthority))).toEqual({
      counts: { institutions: 1, physicians: 1, enrolled: 1 },
      rates: ['0/1 0%', '0/0 0%', '0/1 0%'],
      withoutAssessor: { total: 1, names: [world.institutionB.institution.name] },
    });
  });

  it('a district only itself', async () => {
    const home = await homeOf(district);
    expect(home.jurisdiction.regionPath).toBe('演示省 长河市 东城区');
    expect(summary(home)).toEqual({
      counts: { institutions: 2, physicians: 4, enrolled: 3 },
      rates: ['3/3 100%', '2/3 67%', '1/3 33%'],
      withoutAssessor: { total: 1, names: [institutionC.institution.name] },
    });
    expect(home.withoutAssessor?.items[0]).toMatchObject({ regionCode: '990101', regionName: '演示省 长河市 东城区' });
  });

  it('another province with no cycle sees its own zeros and no schedule', async () => {
    expect(await homeOf(hunan)).toMatchObject({
      cycle: null,
      counts: { institutions: 0, physicians: 0, enrolled: 0 },
      progress: null,
      withoutAssessor: null,
    });
  });

  it('lists the first ten institutions without 考核机构 and counts them all', async () => {
    for (let i = 0; i < 11; i++) await buildInstitution(ctx.t.db, { authorityId: ctx.world.cityB.authority.id, regionCode: '990202' });
    const home = await homeOf(ctx.clients.cityBAuthority);
    expect(home.withoutAssessor?.total).toBe(12);
    expect(home.withoutAssessor?.items).toHaveLength(10);
    expect(home.withoutAssessor?.items[0].name).toBe(ctx.world.institutionB.institution.name);
    expect(home.counts.institutions).toBe(12);
  });
});
