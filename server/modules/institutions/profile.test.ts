import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, institutions } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';

const ctx = setupTenantWorld();

const profile = {
  name: '测试医院（新名）',
  regionCode: '990101',
  street: '人民路1号',
  type: 'medical',
  level: 'level2',
  grade: 'gradeA',
  bedCount: 300,
  physicianTotal: 50,
  licensedPhysicianCount: 40,
  assistantPhysicianCount: 10,
  legalRepresentative: '王法人',
  contactPerson: '李联系',
  contactPhone: '0991-86660002',
  mobile: '13800990099',
};

describe('GET /api/v1/institutions/me (本机构信息)', () => {
  it('is the institution’s own record, also for its assessor role', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/institutions/me'), byRole({ institution: 200, assessor: 200 }));
    const mine = (await ctx.clients.institutionA.get('/api/v1/institutions/me')).json();
    expect(mine).toMatchObject({
      id: ctx.world.institutionA.institution.id,
      account: ctx.world.institutionA.loginName,
      regionCode: '990101',
      regionName: '演示省 长河市 东城区',
      authority: { id: ctx.world.cityA.authority.id, regionCode: '990100' },
    });
    expect((await ctx.clients.assessorOfA.get('/api/v1/institutions/me')).json().id).toBe(ctx.world.assessor.institution.id);
  });
});

describe('PUT /api/v1/institutions/me (保存本机构信息)', () => {
  it('is for the institution role only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.request('PUT', '/api/v1/institutions/me', profile), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 200,
      institutionB: 400, // its authority is city B: 990101 is outside it
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('answers 400 naming the field', async () => {
    const put = async (patch: Record<string, unknown>) => {
      const res = await ctx.clients.institutionA.request('PUT', '/api/v1/institutions/me', { ...profile, ...patch });
      expect(res.statusCode).toBe(400);
      return res.json().error.fields as Record<string, string>;
    };
    expect((await put({ mobile: '1380099009' })).mobile).toBe('手机号码须为11位手机号');
    expect((await put({ mobile: '' })).mobile).toBe('请输入手机号码');
    expect((await put({ contactPhone: '86660002x' })).contactPhone).toBe('联系电话须为固定电话（如0991-86660002）或手机号');
    expect((await put({ bedCount: -1 })).bedCount).toBe('核定床位数须为非负整数');
    expect((await put({ physicianTotal: 2.5 })).physicianTotal).toBe('医师总数须为非负整数');
    expect((await put({ licensedPhysicianCount: 45 })).licensedPhysicianCount).toBe('执业医师人数与执业助理医师人数之和不能超过医师总数');
    expect((await put({ legalRepresentative: ' ' })).legalRepresentative).toBe('请输入法人代表');
    expect((await put({ street: '' })).street).toBe('请输入详细地址（街道门牌）');
    expect((await put({ grade: 'best' })).grade).toBe('请选择机构等次');
  });

  it('keeps the address inside the jurisdiction of the institution’s authority', async () => {
    const res = await ctx.clients.institutionA.request('PUT', '/api/v1/institutions/me', { ...profile, regionCode: '990201' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.regionCode).toBe(`详细地址须在${ctx.world.cityA.authority.name}的管辖范围内`);
    const unknown = await ctx.clients.institutionA.request('PUT', '/api/v1/institutions/me', { ...profile, regionCode: '990109' });
    expect(unknown.statusCode).toBe(400);
    const [row] = await ctx.t.db.select().from(institutions).where(eq(institutions.id, ctx.world.institutionA.institution.id));
    expect(row.regionCode).not.toBe('990201');
  });

  it('saves, keeps the account read-only, changes only its own record and audits before/after', async () => {
    const { institutionA, institutionB } = ctx.world;
    const res = await ctx.clients.institutionA.request('PUT', '/api/v1/institutions/me', {
      ...profile,
      regionCode: '990102',
      contactPhone: '',
      account: 'HIJACK',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...profile, regionCode: '990102', regionName: '演示省 长河市 西城区', contactPhone: null, account: institutionA.loginName });
    const [row] = await ctx.t.db.select().from(institutions).where(eq(institutions.id, institutionA.institution.id));
    expect(row).toMatchObject({ name: profile.name, street: '人民路1号', bedCount: 300, contactPhone: null, mobile: '13800990099' });
    const [other] = await ctx.t.db.select().from(institutions).where(eq(institutions.id, institutionB.institution.id));
    expect(other.name).toBe(institutionB.institution.name);
    const audits = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'institution.updated'), eq(auditEvents.targetId, String(institutionA.institution.id))));
    const last = audits[audits.length - 1];
    expect(last.actorAccountId).toBe(institutionA.account.id);
    expect(last.before).toMatchObject({ regionCode: '990101', contactPhone: '0991-86660002' });
    expect(last.after).toMatchObject({ regionCode: '990102', contactPhone: null });
    expect(last.after).not.toHaveProperty('bedCount');
  });
});
