import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../../common/schemas/policy.js';
import { accounts, auditEvents, policies } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { Client } from '../../test-support/app.js';
import { otherProvinceAuthority, put } from '../../test-support/cycle-factories.js';
import { TEST_PASSWORD, buildInstitution } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
let hunan: Client;
beforeAll(async () => {
  hunan = (await otherProvinceAuthority(ctx.t)).client;
});

const current = async (client = ctx.clients.provinceAuthority): Promise<Policy> => (await client.get('/api/v1/policy')).json();

/** The policy as the form would send it back, with `changes`. */
async function body(changes: Record<string, unknown> = {}, client = ctx.clients.provinceAuthority) {
  const { provinceCode: _p, canEdit: _c, ...fields } = await current(client);
  return { ...fields, ...changes };
}

const login = (account: string, password: string) =>
  new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account, password, captcha: '' });

describe('GET /api/v1/policy (考核政策)', () => {
  it('every authority of the province reads it; other roles may not', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/policy'), byRole({ authority: 200 }));
  });

  it('gives the defaults while the province has saved nothing, and says who may edit', async () => {
    expect(await current()).toEqual({
      provinceCode: '990000',
      initialPasswordRule: 'fixed666666',
      lockoutMaxFailures: 5,
      lockoutMinutes: 15,
      retakeAllowed: true,
      papersByProcedure: { standard: ['humanities', 'proficiency'], simplified: ['humanities'] },
      proctoringEnabled: false,
      proctoringThreshold: 40,
      proctoringSnapshots: 3,
      proctoringRetentionDays: 180,
      institutionReturnEnabled: false,
      physicianHidingEnabled: false,
      passwordChangeSmsRequired: false,
      multiSiteEvaluationRequired: false,
      updatedAt: null,
      canEdit: true,
    });
    expect((await current(ctx.clients.cityAAuthority)).canEdit).toBe(false);
  });
});

describe('GET /api/v1/policy/rules (the options institutions and physicians act on)', () => {
  it('every signed-in role of the province reads its own province’s options', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/policy/rules'), byRole({ authority: 200, institution: 200, assessor: 200, physician: 200 }));
    expect((await ctx.clients.physicianA.get('/api/v1/policy/rules')).json()).toEqual({
      institutionReturnEnabled: false,
      physicianHidingEnabled: false,
      passwordChangeSmsRequired: false,
      multiSiteEvaluationRequired: false,
    });
    expect((await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body({ physicianHidingEnabled: true }))).statusCode).toBe(200);
    expect((await ctx.clients.institutionA.get('/api/v1/policy/rules')).json()).toMatchObject({ physicianHidingEnabled: true, institutionReturnEnabled: false });
    expect((await hunan.get('/api/v1/policy/rules')).json()).toMatchObject({ physicianHidingEnabled: false });
    expect((await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body({ physicianHidingEnabled: false }))).statusCode).toBe(200);
  });
});

describe('PUT /api/v1/policy (保存考核政策)', () => {
  it('only the provincial authority saves; a city authority hears why', async () => {
    await checkAccessMatrix(ctx.clients, async (c) => put(c, '/api/v1/policy', await body()), {
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
    const city = await put(ctx.clients.cityAAuthority, '/api/v1/policy', await body());
    expect(city.json().error.message).toBe('只有省级卫生行政部门可以修改考核政策');
  });

  it.each([
    [{ initialPasswordRule: 'abc' }, 'initialPasswordRule', '请选择初始密码规则'],
    [{ lockoutMaxFailures: 2 }, 'lockoutMaxFailures', '连续错误次数上限须为3–10之间的整数'],
    [{ lockoutMaxFailures: 11 }, 'lockoutMaxFailures', '连续错误次数上限须为3–10之间的整数'],
    [{ lockoutMinutes: 1441 }, 'lockoutMinutes', '锁定时长（分钟）须为5–1440之间的整数'],
    [{ lockoutMinutes: 4.5 }, 'lockoutMinutes', '锁定时长（分钟）须为5–1440之间的整数'],
    [{ retakeAllowed: 'yes' }, 'retakeAllowed', '请选择是否允许补考'],
    [{ papersByProcedure: { standard: ['humanities'], simplified: [] } }, 'papersByProcedure.simplified', '请至少选择一种简易程序测评试卷'],
    [{ papersByProcedure: { standard: ['practice'], simplified: ['humanities'] } }, 'papersByProcedure.standard.0', '一般程序测评试卷只能选择医学人文·法律法规或业务水平'],
    [{ proctoringThreshold: 0 }, 'proctoringThreshold', '人脸相似度阈值（%）须为1–99之间的整数'],
    [{ proctoringThreshold: 100 }, 'proctoringThreshold', '人脸相似度阈值（%）须为1–99之间的整数'],
    [{ physicianHidingEnabled: 'yes' }, 'physicianHidingEnabled', '请选择是否允许机构隐藏医师'],
  ] as const)('refuses %o with a message on %s, changing nothing', async (changes, field, message) => {
    const before = await current();
    const response = await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body(changes));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[field]).toBe(message);
    expect(await current()).toEqual(before);
  });

  it('saves, records before and after, and keeps each province’s own policy', async () => {
    const before = await current();
    const response = await put(
      ctx.clients.provinceAuthority,
      '/api/v1/policy',
      await body({
        retakeAllowed: false,
        proctoringEnabled: true,
        proctoringThreshold: 45,
        lockoutMinutes: 30,
        papersByProcedure: { standard: ['proficiency', 'humanities', 'proficiency'], simplified: ['proficiency'] },
      }),
    );
    expect(response.statusCode).toBe(200);
    const saved: Policy = response.json();
    expect(saved).toMatchObject({
      retakeAllowed: false,
      proctoringEnabled: true,
      proctoringThreshold: 45,
      lockoutMinutes: 30,
      papersByProcedure: { standard: ['humanities', 'proficiency'], simplified: ['proficiency'] },
    });
    expect(saved.updatedAt).not.toBeNull();
    expect(await current(ctx.clients.cityBAuthority)).toMatchObject({ retakeAllowed: false, proctoringThreshold: 45, canEdit: false });
    const [audit] = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'policy.updated'), eq(auditEvents.targetId, '990000')))
      .orderBy(auditEvents.id)
      .then((rows) => rows.slice(-1));
    expect(audit).toMatchObject({
      actorAccountId: ctx.world.province.account.id,
      before: { retakeAllowed: before.retakeAllowed, lockoutMinutes: before.lockoutMinutes },
      after: { retakeAllowed: false, lockoutMinutes: 30, proctoringThreshold: 45 },
    });
    // 湖南省 still has the defaults, and its own save does not touch 990000.
    expect(await current(hunan)).toMatchObject({ provinceCode: '430000', retakeAllowed: true, updatedAt: null });
    expect((await put(hunan, '/api/v1/policy', await body({ lockoutMaxFailures: 10 }, hunan))).statusCode).toBe(200);
    expect((await current()).lockoutMaxFailures).toBe(5);
  });

  it('refuses a save based on a stale form', async () => {
    const stale = await body({ lockoutMinutes: 60 });
    expect((await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body({ lockoutMinutes: 20 }))).statusCode).toBe(200);
    const response = await put(ctx.clients.provinceAuthority, '/api/v1/policy', stale);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('考核政策已被他人修改，请刷新后重试');
    expect((await current()).lockoutMinutes).toBe(20);
    const fresh = await put(ctx.clients.provinceAuthority, '/api/v1/policy', { ...stale, updatedAt: null });
    expect(fresh.statusCode).toBe(409);
  });
});

describe('login follows the policy', () => {
  it('with 连续错误次数上限 3, the third wrong password locks the account for the set time (said only to the right password)', async () => {
    expect((await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body({ lockoutMaxFailures: 3, lockoutMinutes: 10 }))).statusCode).toBe(200);
    const { loginName, account } = await buildInstitution(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    for (let i = 0; i < 3; i++) expect((await login(loginName, 'Wrong#2026')).json().error.message).toBe('账号或密码错误');
    const [row] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect((await login(loginName, TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('with the rule 账号后6位+*Dk, a new account’s initial password is its last six characters + *Dk', async () => {
    const { loginName } = await buildInstitution(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101', account: 'JGPOLICY1234', initialPassword: true });
    expect((await login(loginName, '666666')).statusCode).toBe(200);
    expect((await put(ctx.clients.provinceAuthority, '/api/v1/policy', await body({ initialPasswordRule: 'idSuffixDk' }))).statusCode).toBe(200);
    expect((await login(loginName, '666666')).statusCode).toBe(401);
    const ok = await login(loginName, 'CY1234*Dk');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(true);
    const [row] = await ctx.t.db.select().from(policies).where(eq(policies.provinceCode, '990000'));
    expect(row.initialPasswordRule).toBe('idSuffixDk');
  });
});

describe('a stored policy with values the form does not offer', () => {
  it('falls back to the default field by field', async () => {
    await ctx.t.db.update(policies).set({ lockoutMaxFailures: 0, initialPasswordRule: 'bogus', papersByProcedure: { standard: [] }, lockoutMinutes: 45 }).where(eq(policies.provinceCode, '430000'));
    expect(await current(hunan)).toMatchObject({
      lockoutMaxFailures: 5,
      initialPasswordRule: 'fixed666666',
      papersByProcedure: { standard: ['humanities', 'proficiency'], simplified: ['humanities'] },
      lockoutMinutes: 45,
    });
  });
});

describe('the policy cached in each app process', () => {
  it('is re-read as soon as the row changes, even when another instance (or a hand edit) changed it', async () => {
    const authority = ctx.clients.provinceAuthority;
    const before = await current(authority);
    await put(authority, '/api/v1/policy', await body({ lockoutMinutes: 20 }));
    expect((await current(authority)).lockoutMinutes).toBe(20);
    // As another instance would write it: this process did not see the save.
    await ctx.t.db.update(policies).set({ lockoutMinutes: 25 }).where(eq(policies.provinceCode, '990000'));
    expect((await current(authority)).lockoutMinutes).toBe(25);
    await put(authority, '/api/v1/policy', await body({ lockoutMinutes: before.lockoutMinutes }));
  });
});
