import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assessorApplicationPermissions, auditEvents } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';

const ctx = setupTenantWorld();
const authorityOnly = { anonymous: 401, institutionA: 403, institutionB: 403, assessorOfA: 403, physicianA: 403, physicianB: 403 } as const;

type Row = { institutionId: number; name: string; state: string; canOpen: boolean };
const rowsOf = (body: { items: Row[] }) => body.items;

describe('GET /api/v1/assessors/permissions (开通申请权限 list)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/assessors/permissions'), {
      ...authorityOnly,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 200,
    });
  });

  it('rejects a page size that the table does not offer, and an unknown 申请状态', async () => {
    const size = await ctx.clients.provinceAuthority.get('/api/v1/assessors/permissions?pageSize=7');
    expect(size.statusCode).toBe(400);
    expect(size.json().error.message).toBe('每页条数只能为10、20、50或100');
    const state = await ctx.clients.provinceAuthority.get('/api/v1/assessors/permissions?state=maybe');
    expect(state.statusCode).toBe(400);
    expect(state.json().error.message).toBe('申请状态不正确');
  });

  it('lists only the jurisdiction’s institutions with their state in the current cycle', async () => {
    const { world } = ctx;
    const cityA = (await ctx.clients.cityAAuthority.get('/api/v1/assessors/permissions')).json();
    expect(cityA.cycle.name).toBe('2024-2026年度');
    expect(cityA.total).toBe(2);
    const byId = new Map(rowsOf(cityA).map((r) => [r.institutionId, r]));
    expect(byId.get(world.institutionA.institution.id)).toMatchObject({ state: 'notOpened', canOpen: true });
    // Already 考核机构 of the cycle (no application needed).
    expect(byId.get(world.assessor.institution.id)).toMatchObject({ state: 'approved', canOpen: false });
    expect(byId.has(world.institutionB.institution.id)).toBe(false);

    const province = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/permissions?regionCode=990200&pageSize=20')).json();
    expect(rowsOf(province).map((r) => r.institutionId)).toEqual([world.institutionB.institution.id]);
    const named = (await ctx.clients.provinceAuthority.get(`/api/v1/assessors/permissions?name=${encodeURIComponent(world.institutionA.institution.name)}`)).json();
    expect(rowsOf(named).map((r) => r.institutionId)).toEqual([world.institutionA.institution.id]);
  });

  it('pages on the server', async () => {
    const first = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/permissions?page=1&pageSize=10')).json();
    expect(first.total).toBe(3);
    const beyond = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/permissions?page=2&pageSize=10')).json();
    expect(beyond).toMatchObject({ total: 3, page: 2, items: [] });
  });
});

describe('POST /api/v1/assessors/permissions (开通申请权限)', () => {
  it('needs at least one institution', async () => {
    const res = await ctx.clients.provinceAuthority.post('/api/v1/assessors/permissions', { institutionIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请选择机构');
  });

  it('is for the authorities above the institution; others get 403 or 404', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/assessors/permissions', { institutionIds: [ctx.world.institutionA.institution.id] }), {
      ...authorityOnly,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
    });
  });

  it('opens once, answers the same again (idempotent), and the list shows 已开通未申请', async () => {
    const { world } = ctx;
    const id = world.institutionA.institution.id;
    const again = await ctx.clients.cityAAuthority.post('/api/v1/assessors/permissions', { institutionIds: [id] });
    expect(again.json()).toEqual({ opened: 0, alreadyOpened: 1 });
    const rows = await ctx.t.db
      .select()
      .from(assessorApplicationPermissions)
      .where(and(eq(assessorApplicationPermissions.cycleId, world.cycle.id), eq(assessorApplicationPermissions.institutionId, id)));
    expect(rows).toHaveLength(1);
    // The first of the matrix's calls opened it: one audit row by the province authority.
    const audit = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessorApplication.opened'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorAccountId: world.province.account.id, targetType: 'institution', targetId: String(id) });
    const opened = (await ctx.clients.cityAAuthority.get('/api/v1/assessors/permissions?state=opened')).json();
    expect(rowsOf(opened).map((r) => [r.institutionId, r.state])).toEqual([[id, 'opened']]);
  });

  it('opens nothing when one of the chosen institutions lies outside the jurisdiction', async () => {
    const { world } = ctx;
    const res = await ctx.clients.cityBAuthority.post('/api/v1/assessors/permissions', {
      institutionIds: [world.institutionB.institution.id, world.assessor.institution.id],
    });
    expect(res.statusCode).toBe(404);
    const rows = await ctx.t.db.select().from(assessorApplicationPermissions).where(eq(assessorApplicationPermissions.institutionId, world.institutionB.institution.id));
    expect(rows).toHaveLength(0);
  });

  it('opens a selection in one call', async () => {
    const { world } = ctx;
    const res = await ctx.clients.provinceAuthority.post('/api/v1/assessors/permissions', {
      institutionIds: [world.institutionA.institution.id, world.institutionB.institution.id, world.institutionB.institution.id],
    });
    expect(res.json()).toEqual({ opened: 1, alreadyOpened: 1 });
    const cityB = (await ctx.clients.cityBAuthority.get('/api/v1/assessors/permissions')).json();
    expect(rowsOf(cityB)[0]).toMatchObject({ institutionId: world.institutionB.institution.id, state: 'opened', canOpen: false });
  });
});
