import { describe, expect, it } from 'vitest';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';

const ctx = setupTenantWorld();

const fact = (body: { facts: { label: string; value: string }[] }, label: string) => body.facts.find((f) => f.label === label)?.value;

describe('GET /api/v1/home (首页)', () => {
  it('is there for every signed-in role', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/home'), byRole({ authority: 200, institution: 200, assessor: 200, physician: 200 }));
  });

  it('shows the current cycle with its four windows, open today', async () => {
    const body = (await ctx.clients.physicianA.get('/api/v1/home')).json();
    expect(body.cycle.name).toBe('2024-2026年度');
    expect(body.cycle.windows.map((w: { label: string }) => w.label)).toEqual(['考核机构申请', '医师报名', '报名信息审核', '测评考核']);
    expect(body.cycle.windows.every((w: { state: string }) => w.state === 'open')).toBe(true);
  });

  it('counts only the authority’s own jurisdiction', async () => {
    expect(fact((await ctx.clients.provinceAuthority.get('/api/v1/home')).json(), '医疗卫生机构数')).toBe('3');
    expect(fact((await ctx.clients.cityBAuthority.get('/api/v1/home')).json(), '医疗卫生机构数')).toBe('1');
    expect(fact((await ctx.clients.cityBAuthority.get('/api/v1/home')).json(), '医师数')).toBe('1');
  });

  it('names the institution’s assessor, or says none is assigned', async () => {
    expect(fact((await ctx.clients.institutionA.get('/api/v1/home')).json(), '考核机构')).toBe(ctx.world.assessor.institution.name);
    expect(fact((await ctx.clients.institutionB.get('/api/v1/home')).json(), '考核机构')).toBe('本机构未指定考核机构');
    const assessorHome = (await ctx.clients.assessorOfA.get('/api/v1/home')).json();
    expect(assessorHome.greeting).toContain('当前身份：考核机构');
    expect(fact(assessorHome, '受委托医疗卫生机构数')).toBe('1');
  });

  it('shows the physician their masked 证件号码 and cycle status', async () => {
    const body = (await ctx.clients.physicianA.get('/api/v1/home')).json();
    expect(fact(body, '证件号码')).toBe(`${ctx.world.physicianA.idNumber.slice(0, 4)}*****${ctx.world.physicianA.idNumber.slice(-2)}`);
    expect(fact(body, '本周期考核状态')).toBe('未纳入考核周期');
    expect(JSON.stringify(body)).not.toContain(ctx.world.physicianA.idNumber);
  });
});
