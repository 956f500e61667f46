import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assessorAssignments, auditEvents } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { buildAssessor, buildInstitution } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const authorityOnly = { anonymous: 401, institutionA: 403, institutionB: 403, assessorOfA: 403, physicianA: 403, physicianB: 403 } as const;

type Row = { institutionId: number; assessor: { id: number; name: string } | null; assignedAt: string | null };
const assessorOf = (body: { items: Row[] }, id: number) => body.items.find((r) => r.institutionId === id)?.assessor ?? null;

describe('GET /api/v1/assessors/assignments (指定考核机构 list)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/assessors/assignments'), { ...authorityOnly, provinceAuthority: 200, cityAAuthority: 200, cityBAuthority: 200 });
  });

  it('rejects an unknown 是否已指定 and a malformed 区划', async () => {
    const assigned = await ctx.clients.provinceAuthority.get('/api/v1/assessors/assignments?assigned=maybe');
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().error.message).toBe('是否已指定格式不正确');
    const region = await ctx.clients.provinceAuthority.get('/api/v1/assessors/assignments?regionCode=99');
    expect(region.statusCode).toBe(400);
    expect(region.json().error.message).toBe('区划格式不正确');
  });

  it('shows each institution’s 考核机构, and filters 未指定', async () => {
    const { world } = ctx;
    const all = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/assignments')).json();
    expect(all.total).toBe(3);
    expect(assessorOf(all, world.institutionA.institution.id)).toEqual({ id: world.assessor.institution.id, name: world.assessor.institution.name });
    expect(assessorOf(all, world.institutionB.institution.id)).toBeNull();
    const unassigned = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/assignments?assigned=no')).json();
    expect(unassigned.items.map((r: Row) => r.institutionId).sort()).toEqual([world.institutionB.institution.id, world.assessor.institution.id].sort());
    const cityB = (await ctx.clients.cityBAuthority.get('/api/v1/assessors/assignments')).json();
    expect(cityB.items.map((r: Row) => r.institutionId)).toEqual([world.institutionB.institution.id]);
  });
});

describe('GET /api/v1/assessors (可指定的考核机构)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/assessors'), { ...authorityOnly, provinceAuthority: 200, cityAAuthority: 200, cityBAuthority: 200 });
  });

  it('offers the province’s approved 考核机构 to every authority of the province, with their load', async () => {
    const body = (await ctx.clients.cityBAuthority.get('/api/v1/assessors')).json();
    expect(body.items).toEqual([
      { id: ctx.world.assessor.institution.id, name: ctx.world.assessor.institution.name, regionCode: '990102', regionName: '演示省 长河市 西城区', assignedCount: 1 },
    ]);
    expect((await ctx.clients.cityBAuthority.get('/api/v1/assessors?name=nothing-like-this')).json().total).toBe(0);
  });
});

describe('POST /api/v1/assessors/assignments (指定考核机构)', () => {
  it('needs the institutions and the 考核机构', async () => {
    const none = await ctx.clients.provinceAuthority.post('/api/v1/assessors/assignments', { institutionIds: [ctx.world.institutionB.institution.id] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('请选择考核机构');
    const empty = await ctx.clients.provinceAuthority.post('/api/v1/assessors/assignments', { institutionIds: [], assessorId: ctx.world.assessor.institution.id });
    expect(empty.json().error.message).toBe('请选择机构');
  });

  it('is for the authorities above the institutions', async () => {
    const { world } = ctx;
    await checkAccessMatrix(
      ctx.clients,
      (c) => c.post('/api/v1/assessors/assignments', { institutionIds: [world.institutionA.institution.id], assessorId: world.assessor.institution.id }),
      { ...authorityOnly, provinceAuthority: 200, cityAAuthority: 200, cityBAuthority: 404 },
    );
  });

  it('refuses an institution that is not an approved 考核机构 of the cycle', async () => {
    const res = await ctx.clients.provinceAuthority.post('/api/v1/assessors/assignments', {
      institutionIds: [ctx.world.institutionB.institution.id],
      assessorId: ctx.world.institutionA.institution.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('考核机构不存在或未通过本周期审核');
  });

  it('assigns a selection in one call and re-assigns, audited with what was before', async () => {
    const { world } = ctx;
    const second = await buildInstitution(ctx.t.db, { authorityId: world.cityB.authority.id, regionCode: '990202' });
    await buildAssessor(ctx.t.db, world.cycle.id, second.institution.id);
    const ids = [world.institutionA.institution.id, world.institutionB.institution.id];
    const res = await ctx.clients.provinceAuthority.post('/api/v1/assessors/assignments', { institutionIds: ids, assessorId: second.institution.id });
    expect(res.json()).toEqual({ assigned: 2 });
    const rows = await ctx.t.db.select().from(assessorAssignments).where(eq(assessorAssignments.cycleId, world.cycle.id));
    expect(rows.filter((r) => ids.includes(r.institutionId)).map((r) => r.assignedAssessorId)).toEqual([second.institution.id, second.institution.id]);
    expect(rows).toHaveLength(2);

    const list = (await ctx.clients.provinceAuthority.get('/api/v1/assessors/assignments?assigned=yes')).json();
    expect(assessorOf(list, world.institutionA.institution.id)?.name).toBe(second.institution.name);
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessor.assigned'));
    const last = audits.at(-1)!;
    expect(last).toMatchObject({ actorAccountId: world.province.account.id, targetId: String(second.institution.id) });
    expect(last.before).toEqual([{ institutionId: world.institutionA.institution.id, assessorId: world.assessor.institution.id }]);
    const options = (await ctx.clients.provinceAuthority.get('/api/v1/assessors')).json();
    expect(options.items.map((o: { id: number; assignedCount: number }) => [o.id, o.assignedCount]).sort()).toEqual(
      [[world.assessor.institution.id, 0], [second.institution.id, 2]].sort(),
    );
  });
});
