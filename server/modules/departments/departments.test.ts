import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, departments } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { assignDepartment, buildDepartment } from '../../test-support/departments-factories.js';

const ctx = setupTenantWorld();

const auditOf = (action: string, targetId: number) =>
  ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(targetId))));

describe('GET /api/v1/departments (科室信息)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/departments'), byRole({ institution: 200 }));
  });

  it('lists only the institution’s own departments, with names of the 诊疗科目 and the actions', async () => {
    const own = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '心内科', clinicalSubjects: ['03.04', '03.11'] });
    await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionB.institution.id, name: '别家心内科' });
    const body = (await ctx.clients.institutionA.get('/api/v1/departments?name=心内')).json();
    expect(body.items.map((d: { name: string }) => d.name)).toEqual(['心内科']);
    expect(body.items[0]).toEqual({
      id: own.id,
      name: '心内科',
      status: 'enabled',
      clinicalSubjects: [
        { code: '03.04', name: '心血管内科专业' },
        { code: '03.11', name: '其他（内科）' },
      ],
      actions: ['edit', 'disable', 'delete'],
    });
  });

  it('filters by 状态 and pages on the server', async () => {
    const institutionId = ctx.world.institutionB.institution.id;
    for (let i = 1; i <= 12; i++) await buildDepartment(ctx.t.db, { institutionId, name: `分页科室${String(i).padStart(2, '0')}`, status: i % 4 === 0 ? 'disabled' : 'enabled' });
    const page2 = (await ctx.clients.institutionB.get('/api/v1/departments?name=分页&page=2&pageSize=10')).json();
    expect(page2.total).toBe(12);
    expect(page2.items.map((d: { name: string }) => d.name)).toEqual(['分页科室11', '分页科室12']);
    const disabled = (await ctx.clients.institutionB.get('/api/v1/departments?name=分页&status=disabled')).json();
    expect(disabled.items.map((d: { name: string }) => d.name)).toEqual(['分页科室04', '分页科室08', '分页科室12']);
    expect(disabled.items[0].actions).toEqual(['edit', 'enable', 'delete']);
  });

  it('answers 400 with a Chinese message for a bad filter', async () => {
    const res = await ctx.clients.institutionA.get('/api/v1/departments?pageSize=7');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('每页条数只能为10、20、50或100');
    const status = await ctx.clients.institutionA.get('/api/v1/departments?status=gone');
    expect(status.json().error.message).toBe('状态只能为正常或已停用');
  });
});

describe('GET /api/v1/departments/options', () => {
  it('gives institutions and physicians the enabled departments of their own institution', async () => {
    const institutionId = ctx.world.institutionA.institution.id;
    await buildDepartment(ctx.t.db, { institutionId, name: '可选科室' });
    await buildDepartment(ctx.t.db, { institutionId, name: '已停用科室', status: 'disabled' });
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/departments/options'), byRole({ institution: 200, physician: 200 }));
    for (const client of [ctx.clients.institutionA, ctx.clients.physicianA]) {
      const names = (await client.get('/api/v1/departments/options')).json().map((d: { name: string }) => d.name);
      expect(names).toContain('可选科室');
      expect(names).not.toContain('已停用科室');
      expect(names).not.toContain('别家心内科');
    }
  });
});

describe('POST /api/v1/departments (创建科室)', () => {
  const valid = { name: '康复科', clinicalSubjects: ['21', '50.15'] };

  it('is for institutions only', async () => {
    let n = 0;
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/departments', { ...valid, name: `矩阵科室${++n}` }), byRole({ institution: 201 }));
  });

  it('creates the department with its 诊疗科目 and an audit row', async () => {
    const res = await ctx.clients.institutionA.post('/api/v1/departments', { name: '  康复科 ', clinicalSubjects: ['21', '50.15', '21'] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '康复科', status: 'enabled', clinicalSubjects: [{ code: '21', name: '康复医学科' }, { code: '50.15', name: '中医康复医学专业' }] });
    const [row] = await ctx.t.db.select().from(departments).where(eq(departments.id, created.id));
    expect(row).toMatchObject({ institutionId: ctx.world.institutionA.institution.id, clinicalSubjects: ['21', '50.15'] });
    const [audit] = await auditOf('department.created', created.id);
    expect(audit).toMatchObject({ actorAccountId: ctx.world.institutionA.account.id, after: { name: '康复科', clinicalSubjects: ['21', '50.15'] } });
  });

  it('refuses a name the institution already uses with 409 科室名称已存在; another institution may use it', async () => {
    const res = await ctx.clients.institutionA.post('/api/v1/departments', valid);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('科室名称已存在');
    expect((await ctx.clients.institutionB.post('/api/v1/departments', valid)).statusCode).toBe(201);
  });

  it.each([
    [{ clinicalSubjects: ['21'] }, 'name', '请输入科室名称'],
    [{ name: '   ', clinicalSubjects: ['21'] }, 'name', '请输入科室名称'],
    [{ name: '科'.repeat(33), clinicalSubjects: ['21'] }, 'name', '科室名称不能超过32个字符'],
    [{ name: '空科目' }, 'clinicalSubjects', '请选择关联诊疗科目'],
    [{ name: '空科目', clinicalSubjects: [] }, 'clinicalSubjects', '请选择关联诊疗科目'],
    [{ name: '错科目', clinicalSubjects: ['21', '29.01'] }, 'clinicalSubjects', '关联诊疗科目不在诊疗科目名录中：29.01'],
  ])('answers 400 for %j naming the field', async (body, field, message) => {
    const res = await ctx.clients.institutionA.post('/api/v1/departments', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message);
    expect(res.json().error.fields[field]).toBe(message);
  });
});

describe('PUT /api/v1/departments/:id (编辑)', () => {
  it('lets only the owning institution edit (another institution gets 404)', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    let n = 0;
    await checkAccessMatrix(ctx.clients, (c) => c.request('PUT', `/api/v1/departments/${department.id}`, { name: `编辑后${++n}`, clinicalSubjects: ['03.02'] }), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('changes name and 诊疗科目, keeps its own name allowed, refuses a sibling’s name, and records before/after', async () => {
    const institutionId = ctx.world.institutionA.institution.id;
    const department = await buildDepartment(ctx.t.db, { institutionId, name: '外一科', clinicalSubjects: ['04.01'] });
    await buildDepartment(ctx.t.db, { institutionId, name: '外二科' });
    const same = await ctx.clients.institutionA.request('PUT', `/api/v1/departments/${department.id}`, { name: '外一科', clinicalSubjects: ['04.01', '04.01.01'] });
    expect(same.statusCode).toBe(200);
    expect(same.json().clinicalSubjects).toEqual([{ code: '04.01', name: '普通外科专业' }, { code: '04.01.01', name: '肝脏移植项目' }]);
    const taken = await ctx.clients.institutionA.request('PUT', `/api/v1/departments/${department.id}`, { name: '外二科', clinicalSubjects: ['04.01'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('科室名称已存在');
    const renamed = await ctx.clients.institutionA.request('PUT', `/api/v1/departments/${department.id}`, { name: '普外科', clinicalSubjects: ['04.01'] });
    expect(renamed.json().name).toBe('普外科');
    const audits = await auditOf('department.updated', department.id);
    expect(audits.at(-1)).toMatchObject({ before: { name: '外一科' }, after: { name: '普外科', clinicalSubjects: ['04.01'] } });
  });

  it('answers 400 for a malformed id or body', async () => {
    const bad = await ctx.clients.institutionA.request('PUT', '/api/v1/departments/abc', { name: 'x', clinicalSubjects: ['01'] });
    expect(bad.json().error.message).toBe('编号格式不正确');
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    const body = await ctx.clients.institutionA.request('PUT', `/api/v1/departments/${department.id}`, { name: '', clinicalSubjects: ['01'] });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.fields.name).toBe('请输入科室名称');
  });

  it('answers 404 for a department that does not exist', async () => {
    const res = await ctx.clients.institutionA.request('PUT', '/api/v1/departments/999999', { name: '无', clinicalSubjects: ['01'] });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/v1/departments/:id/disable and /enable (停用 / 启用)', () => {
  it('lets only the owning institution change the status', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/departments/${department.id}/disable`), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('disables and enables once each (a second click answers 409), with audit rows, and options follow', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '眼科' });
    const disabled = await ctx.clients.institutionA.post(`/api/v1/departments/${department.id}/disable`);
    expect(disabled.json()).toMatchObject({ status: 'disabled', actions: ['edit', 'enable', 'delete'] });
    const again = await ctx.clients.institutionA.post(`/api/v1/departments/${department.id}/disable`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该科室已停用');
    const options = (await ctx.clients.physicianA.get('/api/v1/departments/options')).json();
    expect(options.map((d: { name: string }) => d.name)).not.toContain('眼科');
    expect((await ctx.clients.institutionA.post(`/api/v1/departments/${department.id}/enable`)).json().status).toBe('enabled');
    expect((await ctx.clients.institutionA.post(`/api/v1/departments/${department.id}/enable`)).statusCode).toBe(409);
    expect(await auditOf('department.disabled', department.id)).toHaveLength(1);
    expect(await auditOf('department.enabled', department.id)).toHaveLength(1);
  });

  it('answers 400 for a malformed id', async () => {
    const res = await ctx.clients.institutionA.post('/api/v1/departments/0/enable');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('编号格式不正确');
  });
});

describe('DELETE /api/v1/departments/:id (删除)', () => {
  it('lets only the owning institution delete', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    await checkAccessMatrix(ctx.clients, (c) => c.request('DELETE', `/api/v1/departments/${department.id}`), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 204,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('refuses a department with physicians: 该科室已有医师，无法删除，请先停用', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '有医师科室' });
    await assignDepartment(ctx.t.db, ctx.world.physicianA.physician.id, department.id);
    const res = await ctx.clients.institutionA.request('DELETE', `/api/v1/departments/${department.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该科室已有医师，无法删除，请先停用');
    expect(await ctx.t.db.select().from(departments).where(eq(departments.id, department.id))).toHaveLength(1);
    await assignDepartment(ctx.t.db, ctx.world.physicianA.physician.id, null);
  });

  it('deletes an unused department, records it, and then answers 404', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '建错的科室' });
    expect((await ctx.clients.institutionA.request('DELETE', `/api/v1/departments/${department.id}`)).statusCode).toBe(204);
    expect(await ctx.t.db.select().from(departments).where(eq(departments.id, department.id))).toHaveLength(0);
    const [audit] = await auditOf('department.deleted', department.id);
    expect(audit.before).toMatchObject({ name: '建错的科室' });
    expect((await ctx.clients.institutionA.request('DELETE', `/api/v1/departments/${department.id}`)).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    const res = await ctx.clients.institutionA.request('DELETE', '/api/v1/departments/x1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('编号格式不正确');
  });
});
