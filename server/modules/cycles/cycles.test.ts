import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cycle } from '../../../common/schemas/cycle.js';
import { auditEvents, cycles } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { cycleBody, otherProvinceAuthority, put } from '../../test-support/cycle-factories.js';

const ctx = setupTenantWorld();
let hunan: Client;
beforeAll(async () => {
  hunan = (await otherProvinceAuthority(ctx.t)).client;
});

const audits = (action: string, targetId: number) =>
  ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(targetId))));

const cycleRow = async (id: number) => (await ctx.t.db.select().from(cycles).where(eq(cycles.id, id)))[0];

describe('GET /api/v1/cycles (考核周期)', () => {
  it('is there for every authority of the province, not for other roles', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/cycles'), byRole({ authority: 200 }));
  });

  it('lists the province’s cycles with their windows; only the provincial authority may manage them', async () => {
    const province = (await ctx.clients.provinceAuthority.get('/api/v1/cycles')).json();
    expect(province).toMatchObject({ total: 1, page: 1, pageSize: 10, canManage: true });
    expect(province.items[0]).toMatchObject({ name: '2024-2026年度', isCurrent: true });
    expect(province.items[0].windows.map((w: { label: string }) => w.label)).toEqual(['考核机构申请', '医师报名', '报名信息审核', '测评考核', '补考时间']);
    expect((await ctx.clients.cityBAuthority.get('/api/v1/cycles')).json()).toMatchObject({ total: 1, canManage: false });
  });

  it('shows another province none of them', async () => {
    expect((await hunan.get('/api/v1/cycles')).json()).toMatchObject({ items: [], total: 0, canManage: true });
  });

  it('refuses a page size the tables do not offer, naming it', async () => {
    const response = await ctx.clients.provinceAuthority.get('/api/v1/cycles?pageSize=7');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.pageSize).toBe('每页条数只能为10、20、50或100');
  });

  it('filters by name', async () => {
    expect((await ctx.clients.provinceAuthority.get(`/api/v1/cycles?name=${encodeURIComponent('2024')}`)).json().total).toBe(1);
    expect((await ctx.clients.provinceAuthority.get(`/api/v1/cycles?name=${encodeURIComponent('无此周期')}`)).json().total).toBe(0);
  });
});

describe('POST /api/v1/cycles (新建考核周期)', () => {
  it('only the provincial authority creates; city authorities hear why', async () => {
    let n = 0;
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/cycles', cycleBody({ name: `矩阵周期${++n}` })), {
      anonymous: 401,
      provinceAuthority: 201,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    const city = await ctx.clients.cityAAuthority.post('/api/v1/cycles', cycleBody({ name: '市级周期' }));
    expect(city.json().error.message).toBe('只有省级卫生行政部门可以新建考核周期');
  });

  it.each([
    [{ name: '  ' }, 'name', '请输入名称'],
    [{ registrationStart: undefined }, 'registrationStart', '请选择医师报名开始日期'],
    [{ testEnd: '2027-02-30' }, 'testEnd', '测评考核结束日期不是有效日期'],
    [{ endDate: '2026-12-31' }, 'endDate', '周期起止的结束日期不能早于开始日期'],
    [{ registrationEnd: '2027-03-31' }, 'registrationEnd', '医师报名的结束日期不能早于开始日期'],
    [{ testEnd: '2030-01-31' }, 'testEnd', '测评考核须在周期起止（2027-01-01 至 2029-12-31）之内'],
    [{ assessorApplicationStart: '2026-12-01' }, 'assessorApplicationStart', '考核机构申请须在周期起止（2027-01-01 至 2029-12-31）之内'],
    [{ assessorApplicationStart: '2027-04-02' }, 'registrationStart', '医师报名的开始日期不能早于考核机构申请的开始日期'],
    [{ reviewStart: '2027-03-31' }, 'reviewStart', '报名信息审核的开始日期不能早于医师报名的开始日期'],
    [{ reviewEnd: '2027-05-30' }, 'reviewEnd', '报名信息审核的结束日期不能早于医师报名的结束日期'],
    [{ testStart: '2027-04-14' }, 'testStart', '测评考核的开始日期不能早于报名信息审核的开始日期'],
    [{ retakeStart: '2027-08-31', retakeEnd: '2027-09-30' }, 'retakeStart', '补考时间须在测评考核结束（2027-08-31）之后'],
    [{ retakeStart: '2027-09-01' }, 'retakeEnd', '请同时选择补考时间的开始和结束日期'],
    [{ retakeStart: '2029-12-01', retakeEnd: '2030-01-15' }, 'retakeEnd', '补考时间须在周期起止（2027-01-01 至 2029-12-31）之内'],
  ] as const)('refuses %o with a message on %s', async (override, field, message) => {
    const before = (await ctx.t.db.select().from(cycles)).length;
    const response = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '错误周期', ...override }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[field]).toBe(message);
    expect((await ctx.t.db.select().from(cycles)).length).toBe(before);
  });

  it('creates a non-current cycle, leaves the current one alone, and records it', async () => {
    const response = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody());
    expect(response.statusCode).toBe(201);
    const created: Cycle = response.json();
    expect(created).toMatchObject({ name: '2027-2029年度', startDate: '2027-01-01', registrationEnd: '2027-05-31', isCurrent: false });
    expect(created.windows.every((w) => w.state === 'notStarted')).toBe(true);
    expect((await cycleRow(ctx.world.cycle.id)).isCurrent).toBe(true);
    const list = (await ctx.clients.cityAAuthority.get('/api/v1/cycles?pageSize=100')).json();
    expect(list.items.map((c: Cycle) => c.name)).toContain('2027-2029年度');
    const [audit] = await audits('cycle.created', created.id);
    expect(audit).toMatchObject({ actorAccountId: ctx.world.province.account.id, after: { name: '2027-2029年度', isCurrent: false, testEnd: '2027-08-31' } });
  });

  it('keeps an optional 补考时间 and shows it after 测评考核', async () => {
    const response = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '含补考周期', retakeStart: '2027-09-10', retakeEnd: '2027-09-30' }));
    expect(response.statusCode, response.body).toBe(201);
    const created: Cycle = response.json();
    expect(created).toMatchObject({ retakeStart: '2027-09-10', retakeEnd: '2027-09-30' });
    expect(created.windows.at(-1)).toMatchObject({ key: 'retake', label: '补考时间', start: '2027-09-10', end: '2027-09-30' });
    const without: Cycle = (await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '无补考周期' }))).json();
    expect(without).toMatchObject({ retakeStart: null, retakeEnd: null });
    expect(without.windows.map((w) => w.key)).not.toContain('retake');
  });

  it('refuses a name the province already has', async () => {
    const response = await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '2024-2026年度' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields.name).toBe('该名称的考核周期已存在');
  });

  it('a new current cycle takes over: the previous one is no longer current, in the same change', async () => {
    const first = (await hunan.post('/api/v1/cycles', cycleBody({ name: '湖南2024', startDate: '2024-01-01', isCurrent: true }))).json();
    const second = await hunan.post('/api/v1/cycles', cycleBody({ name: '湖南2027', isCurrent: true }));
    expect(second.statusCode).toBe(201);
    expect((await cycleRow(first.id)).isCurrent).toBe(false);
    expect((await cycleRow(second.json().id)).isCurrent).toBe(true);
    expect(await audits('cycle.updated', first.id)).toMatchObject([{ before: { isCurrent: true }, after: { isCurrent: false } }]);
    // The province of the tenant world keeps its own current cycle.
    expect((await cycleRow(ctx.world.cycle.id)).isCurrent).toBe(true);
  });
});

describe('PUT /api/v1/cycles/:id (编辑考核周期)', () => {
  let target: Cycle;
  beforeAll(async () => {
    target = (await ctx.clients.provinceAuthority.post('/api/v1/cycles', cycleBody({ name: '2030-2032年度', startDate: '2030-01-01', endDate: '2032-12-31', assessorApplicationStart: '2030-03-01', assessorApplicationEnd: '2030-04-30', registrationStart: '2030-04-01', registrationEnd: '2030-05-31', reviewStart: '2030-04-15', reviewEnd: '2030-06-30', testStart: '2030-07-01', testEnd: '2030-08-31' }))).json();
  });
  const version = async () => (await cycleRow(target.id)).updatedAt.toISOString();
  const edit = async (c: Client, overrides: Record<string, unknown> = {}) =>
    put(c, `/api/v1/cycles/${target.id}`, { ...target, windows: undefined, id: undefined, updatedAt: await version(), ...overrides });

  it('only the provincial authority edits', async () => {
    await checkAccessMatrix(ctx.clients, (c) => edit(c), {
      anonymous: 401,
      provinceAuthority: 200,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    expect((await edit(ctx.clients.cityBAuthority)).json().error.message).toBe('只有省级卫生行政部门可以编辑考核周期');
  });

  it('another province’s cycle, or none, is not found', async () => {
    expect((await edit(hunan)).statusCode).toBe(404);
    const missing = await put(ctx.clients.provinceAuthority, '/api/v1/cycles/999999', { ...cycleBody({ name: '不存在' }), updatedAt: await version() });
    expect(missing.statusCode).toBe(404);
    expect((await ctx.clients.provinceAuthority.request('PUT', '/api/v1/cycles/abc', cycleBody())).statusCode).toBe(400);
  });

  it('checks the windows as on create', async () => {
    const response = await edit(ctx.clients.provinceAuthority, { registrationStart: '2030-06-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.registrationEnd).toBe('医师报名的结束日期不能早于开始日期');
  });

  it('refuses a stale version and a name in use', async () => {
    const stale = await edit(ctx.clients.provinceAuthority, { updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('考核周期已被他人修改，请刷新后重试');
    expect((await edit(ctx.clients.provinceAuthority, { name: '2027-2029年度' })).json().error.fields.name).toBe('该名称的考核周期已存在');
  });

  it('saves the change and records before and after', async () => {
    const response = await edit(ctx.clients.provinceAuthority, { name: '2030-2032年度（修订）', testEnd: '2030-09-30' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '2030-2032年度（修订）', testEnd: '2030-09-30', isCurrent: false });
    const rows = await audits('cycle.updated', target.id);
    expect(rows.at(-1)).toMatchObject({
      before: { testEnd: '2030-08-31' },
      after: { name: '2030-2032年度（修订）', testEnd: '2030-09-30' },
    });
  });

  it('设为当前周期 moves the current mark from the other cycle, and back', async () => {
    expect((await edit(ctx.clients.provinceAuthority, { isCurrent: true })).statusCode).toBe(200);
    expect((await cycleRow(ctx.world.cycle.id)).isCurrent).toBe(false);
    expect((await cycleRow(target.id)).isCurrent).toBe(true);
    expect((await ctx.clients.physicianA.get('/api/v1/home')).json().cycle.id).toBe(target.id);

    const old = (await ctx.clients.provinceAuthority.get('/api/v1/cycles?pageSize=100')).json().items.find((c: Cycle) => c.id === ctx.world.cycle.id);
    const back = await put(ctx.clients.provinceAuthority, `/api/v1/cycles/${old.id}`, { ...old, windows: undefined, id: undefined, isCurrent: true });
    expect(back.statusCode).toBe(200);
    expect((await cycleRow(ctx.world.cycle.id)).isCurrent).toBe(true);
    expect((await cycleRow(target.id)).isCurrent).toBe(false);
  });
});
