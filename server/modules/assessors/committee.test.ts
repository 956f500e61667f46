import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { loginAs } from '../../test-support/app.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { TEST_PASSWORD } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const base = '/api/v1/assessors/committee-members';
const member = { body: 'committee', name: '张委员', title: '主任医师', position: '副院长', committeeRole: '主任委员', phone: '13800138000' };

describe('GET /api/v1/assessors/committee-members (考核委员会 / 考核办公室)', () => {
  it('is for the institution, in either of its roles', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${base}?body=committee`), byRole({ institution: 200, assessor: 200 }));
  });

  it('needs the body', async () => {
    const res = await ctx.clients.institutionA.get(base);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请选择考核委员会或考核办公室');
  });
});

describe('POST /api/v1/assessors/committee-members (添加)', () => {
  it('checks 姓名 and the phone format', async () => {
    const noName = await ctx.clients.institutionA.post(base, { ...member, name: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields).toEqual({ name: '请输入姓名' });
    const badPhone = await ctx.clients.institutionA.post(base, { ...member, phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields).toEqual({ phone: '联系电话格式不正确，请输入手机号码或带区号的固定电话' });
    const badBody = await ctx.clients.institutionA.post(base, { ...member, body: 'board' });
    expect(badBody.json().error.message).toBe('请选择考核委员会或考核办公室');
  });

  it('is for the institution in either role; 401 without login, 403 for authorities and physicians', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post(base, { body: 'office', name: '陈秘书' }), byRole({ institution: 200, assessor: 200 }));
  });

  it('adds members to each body of the institution, audited; a landline and no phone are fine', async () => {
    const added = await ctx.clients.institutionA.post(base, member);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ name: '张委员', body: 'committee', phone: '13800138000' });
    const office = await ctx.clients.institutionA.post(base, { body: 'office', name: '李干事', phone: '0991-86660001' });
    expect(office.json()).toMatchObject({ body: 'office', title: null, committeeRole: null, phone: '0991-86660001' });
    await ctx.clients.institutionA.post(base, { body: 'office', name: '王干事' });

    const committee = (await ctx.clients.institutionA.get(`${base}?body=committee`)).json();
    expect(committee.items.map((m: { name: string }) => m.name)).toEqual(['张委员']);
    const offices = (await ctx.clients.institutionA.get(`${base}?body=office&pageSize=10`)).json();
    expect(offices.items.map((m: { name: string }) => m.name)).toEqual(['陈秘书', '李干事', '王干事']);
    expect((await ctx.clients.institutionB.get(`${base}?body=committee`)).json().total).toBe(0);
    expect((await ctx.clients.institutionB.get(`${base}?body=office`)).json().total).toBe(1);
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'committeeMember.created'));
    expect(audits.find((a) => a.targetId === String(added.json().id))).toMatchObject({ actorAccountId: ctx.world.institutionA.account.id, after: { name: '张委员' } });
  });

  it('is the same committee whether the account acts as institution or as 考核机构', async () => {
    await ctx.clients.assessorOfA.post(base, { body: 'committee', name: '赵主任', committeeRole: '主任委员' });
    const asInstitution = await loginAs(ctx.t.app, ctx.world.assessor.loginName, TEST_PASSWORD);
    const list = (await asInstitution.get(`${base}?body=committee`)).json();
    expect(list.items.map((m: { name: string }) => m.name)).toEqual(['赵主任']);
  });
});

describe('PUT and DELETE /api/v1/assessors/committee-members/:id (编辑 / 删除)', () => {
  it('answers 400 for a malformed id and bad fields', async () => {
    expect((await ctx.clients.institutionA.request('PUT', `${base}/x`, { name: '甲' })).json().error.message).toBe('编号格式不正确');
    const id = (await ctx.clients.institutionA.get(`${base}?body=committee`)).json().items[0].id;
    const res = await ctx.clients.institutionA.request('PUT', `${base}/${id}`, { name: '甲', phone: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.phone).toBe('联系电话格式不正确，请输入手机号码或带区号的固定电话');
  });

  it('lets only the owning institution edit (others 404, other roles 403)', async () => {
    const id = (await ctx.clients.institutionA.get(`${base}?body=committee`)).json().items[0].id;
    await checkAccessMatrix(ctx.clients, (c) => c.request('PUT', `${base}/${id}`, { name: '张委员', title: '主任医师', committeeRole: '副主任委员', phone: '0991-1234567' }), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 404,
      physicianA: 403,
      physicianB: 403,
    });
    const row = (await ctx.clients.institutionA.get(`${base}?body=committee`)).json().items[0];
    expect(row).toMatchObject({ committeeRole: '副主任委员', position: null, phone: '0991-1234567' });
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'committeeMember.updated'));
    expect(audit.before).toMatchObject({ committeeRole: '主任委员', position: '副院长' });
  });

  it('deletes for the owner only, audited; a second delete is 404', async () => {
    const id = (await ctx.clients.institutionA.get(`${base}?body=committee`)).json().items[0].id;
    expect((await ctx.clients.institutionB.request('DELETE', `${base}/${id}`)).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.request('DELETE', `${base}/${id}`)).statusCode).toBe(403);
    expect((await ctx.clients.institutionA.request('DELETE', `${base}/${id}`)).statusCode).toBe(204);
    expect((await ctx.clients.institutionA.request('DELETE', `${base}/${id}`)).statusCode).toBe(404);
    expect((await ctx.clients.institutionA.get(`${base}?body=committee`)).json().total).toBe(0);
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'committeeMember.deleted'));
    expect(audits).toHaveLength(1);
  });
});
