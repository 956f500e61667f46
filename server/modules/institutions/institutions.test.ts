import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { InstitutionListItem } from '../../../common/schemas/institution.js';
import { accounts, auditEvents, institutions } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { Client, loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildInstitution } from '../../test-support/factories.js';
import { allRows, filterConditions } from './repository.js';
import { sheetRows } from '../../test-support/sheet-rows.js';

const ctx = setupTenantWorld();

const list = async (client: Client, query = '') => {
  const res = await client.get(`/api/v1/institutions${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: InstitutionListItem[]; total: number; page: number; pageSize: number };
};

describe('GET /api/v1/institutions (机构账号 list)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/institutions'), byRole({ authority: 200 }));
  });

  it('answers 400 naming the field for bad filters', async () => {
    const res = await ctx.clients.cityAAuthority.get('/api/v1/institutions?pageSize=15');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.pageSize).toBe('每页条数只能为10、20、50或100');
    const bad = await ctx.clients.cityAAuthority.get('/api/v1/institutions?accountStatus=gone');
    expect(bad.json().error.message).toBe('账号状态不正确');
  });

  it('lists only the jurisdiction, with 管辖关系, 区划, 考核机构 and the assigned assessor', async () => {
    const { institutionA, institutionB, assessor, cityA } = ctx.world;
    const cityAList = await list(ctx.clients.cityAAuthority);
    expect(cityAList.items.map((i) => i.id).sort()).toEqual([institutionA.institution.id, assessor.institution.id].sort());
    const rowA = cityAList.items.find((i) => i.id === institutionA.institution.id)!;
    expect(rowA).toMatchObject({
      accountId: institutionA.account.id,
      account: institutionA.loginName,
      regionCode: '990101',
      regionName: '演示省 长河市 东城区',
      authorityName: cityA.authority.name,
      type: 'medical',
      level: 'level2',
      isAssessor: false,
      assignedAssessorName: assessor.institution.name,
      accountStatus: 'normal',
    });
    expect(cityAList.items.find((i) => i.id === assessor.institution.id)).toMatchObject({ isAssessor: true, assignedAssessorName: null });
    expect((await list(ctx.clients.cityBAuthority)).items.map((i) => i.id)).toEqual([institutionB.institution.id]);
    expect((await list(ctx.clients.provinceAuthority)).total).toBe(3);
  });

  it('filters by 区划 (and everything below it), 名称, 类型, 级别, 考核机构身份, 是否已指定, 账号状态', async () => {
    const { institutionA, assessor } = ctx.world;
    const ids = async (query: string) => (await list(ctx.clients.provinceAuthority, query)).items.map((i) => i.id).sort();
    expect(await ids('regionCode=990100')).toEqual([institutionA.institution.id, assessor.institution.id].sort());
    expect(await ids('regionCode=990101')).toEqual([institutionA.institution.id]);
    expect(await ids(`name=${encodeURIComponent(institutionA.institution.name.slice(2))}`)).toEqual([institutionA.institution.id]);
    expect(await ids('name=%25')).toEqual([]);
    expect(await ids('isAssessor=yes')).toEqual([assessor.institution.id]);
    expect((await ids('isAssessor=no')).length).toBe(2);
    expect(await ids('hasAssessor=yes')).toEqual([institutionA.institution.id]);
    expect(await ids('hasAssessor=no&regionCode=990100')).toEqual([assessor.institution.id]);
    expect(await ids('type=prevention')).toEqual([]);
    expect((await ids('type=medical&level=level2')).length).toBe(3);
    // A region outside the jurisdiction matches nothing, rather than widening it.
    expect((await list(ctx.clients.cityAAuthority, 'regionCode=990201')).total).toBe(0);
  });

  it('pages and sorts on the server', async () => {
    const { cityB } = ctx.world;
    for (const n of [1, 2, 3]) await buildInstitution(ctx.t.db, { authorityId: cityB.authority.id, regionCode: '990202', account: `PAGE_${n}` });
    const first = await list(ctx.clients.cityBAuthority, 'pageSize=10&page=1&sortField=account&sortOrder=ascend');
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.account)).toEqual([ctx.world.institutionB.loginName, 'PAGE_1', 'PAGE_2', 'PAGE_3']);
    const descending = await list(ctx.clients.cityBAuthority, 'sortField=account&sortOrder=descend');
    expect(descending.items.map((i) => i.account)).toEqual(['PAGE_3', 'PAGE_2', 'PAGE_1', ctx.world.institutionB.loginName]);
    const second = await list(ctx.clients.cityBAuthority, 'pageSize=10&page=2');
    expect(second).toMatchObject({ total: 4, page: 2, items: [] });
  });

  it('shows 停用 and 锁定 as the account status, and filters by it', async () => {
    const { cityB } = ctx.world;
    const locked = await buildInstitution(ctx.t.db, { authorityId: cityB.authority.id, regionCode: '990202', account: 'STATUS_LOCK' });
    const disabled = await buildInstitution(ctx.t.db, { authorityId: cityB.authority.id, regionCode: '990202', account: 'STATUS_OFF' });
    await ctx.t.db.update(accounts).set({ lockedUntil: new Date(Date.now() + 600_000) }).where(eq(accounts.id, locked.account.id));
    await ctx.t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, disabled.account.id));
    expect((await list(ctx.clients.cityBAuthority, 'accountStatus=locked')).items.map((i) => i.account)).toEqual(['STATUS_LOCK']);
    expect((await list(ctx.clients.cityBAuthority, 'accountStatus=disabled')).items.map((i) => i.account)).toEqual(['STATUS_OFF']);
    expect((await list(ctx.clients.cityBAuthority, 'accountStatus=normal')).items.map((i) => i.account)).not.toContain('STATUS_LOCK');
  });
});

describe('POST /api/v1/institutions (新增机构)', () => {
  const body = { name: '长河市测试诊所', account: 'TEST_NEW1', regionCode: '990101', type: 'primary', level: 'level1', grade: 'ungraded', contactPerson: '张三', mobile: '13800001111' };

  it('answers 400 naming the field', async () => {
    const c = ctx.clients.cityAAuthority;
    const missing = await c.post('/api/v1/institutions', { ...body, name: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.name).toBe('请输入机构名称');
    const account = await c.post('/api/v1/institutions', { ...body, account: 'ab-c' });
    expect(account.json().error.fields.account).toBe('机构账号须为4–32位字母、数字或下划线');
    const mobile = await c.post('/api/v1/institutions', { ...body, mobile: '12345' });
    expect(mobile.json().error.fields.mobile).toBe('手机号码须为11位手机号');
    const type = await c.post('/api/v1/institutions', { ...body, type: 'hospital' });
    expect(type.json().error.fields.type).toBe('请选择机构类型');
  });

  it('is for authorities, only inside their jurisdiction', async () => {
    let n = 0;
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/institutions', { ...body, account: `TEST_M${++n}` }), {
      anonymous: 401,
      provinceAuthority: 201,
      cityAAuthority: 201,
      cityBAuthority: 400,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    const outside = await ctx.clients.cityBAuthority.post('/api/v1/institutions', { ...body, account: 'TEST_OUT' });
    expect(outside.json().error.fields.regionCode).toBe('区划须在本部门管辖范围内');
    const unknown = await ctx.clients.provinceAuthority.post('/api/v1/institutions', { ...body, account: 'TEST_UNK', regionCode: '990199' });
    expect(unknown.statusCode).toBe(400);
  });

  it('creates the institution under the actor with an initial-password account, audited', async () => {
    const res = await ctx.clients.cityAAuthority.post('/api/v1/institutions', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '长河市测试诊所', account: 'TEST_NEW1', regionCode: '990101', authority: { id: ctx.world.cityA.authority.id }, accountStatus: 'normal', contactPerson: '张三', mobile: '13800001111' });
    const [account] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, created.accountId));
    expect(account).toMatchObject({ kind: 'institution', passwordHash: null, mustChangePassword: true, institutionId: created.id });
    const login = await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account: 'test_new1', password: '666666' });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const [audit] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'institution.created'), eq(auditEvents.targetId, String(created.id))));
    expect(audit.actorAccountId).toBe(ctx.world.cityA.account.id);
    expect(audit.after).toMatchObject({ account: 'TEST_NEW1', regionCode: '990101' });
  });

  it('refuses an account that exists in any case with 409 机构账号已存在', async () => {
    const res = await ctx.clients.cityAAuthority.post('/api/v1/institutions', { ...body, account: ctx.world.institutionB.loginName.toLowerCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: '机构账号已存在', fields: { account: '机构账号已存在' } });
  });
});

describe('GET /api/v1/institutions/:id (机构详情)', () => {
  it('answers 400 for a malformed id and 404 for none', async () => {
    expect((await ctx.clients.cityAAuthority.get('/api/v1/institutions/abc')).statusCode).toBe(400);
    expect((await ctx.clients.cityAAuthority.get('/api/v1/institutions/999999')).statusCode).toBe(404);
  });

  it('is for the authorities over it; others’ answer 404', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/institutions/${ctx.world.institutionA.institution.id}`), {
      anonymous: 401,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    const detail = (await ctx.clients.provinceAuthority.get(`/api/v1/institutions/${ctx.world.institutionA.institution.id}`)).json();
    expect(detail).toMatchObject({ account: ctx.world.institutionA.loginName, authority: { name: ctx.world.cityA.authority.name, regionCode: '990100' }, assignedAssessorName: ctx.world.assessor.institution.name });
  });
});

describe('POST /api/v1/institutions/:id/disable and /enable (停用 / 启用)', () => {
  it('answers 400 for a malformed id', async () => {
    expect((await ctx.clients.cityAAuthority.post('/api/v1/institutions/0/disable')).statusCode).toBe(400);
  });

  it('is for the authorities over it; a second 停用 is a conflict', async () => {
    const target = await buildInstitution(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990102' });
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/institutions/${target.institution.id}/disable`), {
      anonymous: 401,
      provinceAuthority: 204,
      cityAAuthority: 409,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/institutions/${target.institution.id}/enable`), {
      anonymous: 401,
      provinceAuthority: 204,
      cityAAuthority: 409,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('停用 ends the sessions and refuses login; 启用 lets it in again; both audited', async () => {
    const target = await buildInstitution(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    const session = await loginAs(ctx.t.app, target.loginName, TEST_PASSWORD);
    expect((await ctx.clients.cityAAuthority.post(`/api/v1/institutions/${target.institution.id}/disable`)).statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account: target.loginName, password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('账号已停用，请联系隶属卫生行政部门');
    const listed = await list(ctx.clients.cityAAuthority, `name=${encodeURIComponent(target.institution.name)}`);
    expect(listed.items[0].accountStatus).toBe('disabled');

    expect((await ctx.clients.cityAAuthority.post(`/api/v1/institutions/${target.institution.id}/enable`)).statusCode).toBe(204);
    await loginAs(ctx.t.app, target.loginName, TEST_PASSWORD);
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.targetId, String(target.account.id)));
    expect(audits.filter((a) => a.actorAccountId === ctx.world.cityA.account.id).map((a) => a.action)).toEqual(['account.disabled', 'account.enabled']);
  });
});

describe('GET /api/v1/institutions/export (导出)', () => {

  it('is for authorities only and checks the filters', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/institutions/export?regionCode=990101'), byRole({ authority: 200 }));
    const bad = await ctx.clients.cityAAuthority.get('/api/v1/institutions/export?isAssessor=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('考核机构身份不正确');
  });

  it('streams an .xlsx of every row the filter matches', async () => {
    const res = await ctx.clients.cityAAuthority.get('/api/v1/institutions/export?hasAssessor=yes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('机构账号.xlsx'));
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '机构名称', '机构账号', '区划', '区划代码', '管辖关系', '机构类型', '机构级别', '机构等次', '考核机构', '考核机构名称', '账号状态', '联系人', '手机号码']);
    expect(rows.length).toBe(2);
    expect(rows[1].slice(0, 4)).toEqual(['1', ctx.world.institutionA.institution.name, ctx.world.institutionA.loginName, '演示省 长河市 东城区']);
    expect(rows[1][9]).toBe('否');
    expect(rows[1][10]).toBe(ctx.world.assessor.institution.name);
    expect(rows[1][11]).toBe('正常');
    const none = await ctx.clients.cityBAuthority.get('/api/v1/institutions/export?regionCode=990101');
    expect((await sheetRows(none.rawPayload)).length).toBe(1);
  });

  it('reads the rows in keyset batches without skipping or repeating any', async () => {
    const expected = (await ctx.t.db.select({ id: institutions.id }).from(institutions)).map((r) => r.id).sort((a, b) => a - b);
    const seen: number[] = [];
    let batches = 0;
    for await (const batch of allRows(ctx.t.db, filterConditions('990000', null, {}), null, 2)) {
      batches++;
      seen.push(...batch.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
    expect(batches).toBe(Math.ceil(expected.length / 2));
  });
});
