import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import argon2 from 'argon2';
import { and, eq, sql } from 'drizzle-orm';
import { accounts, auditEvents, captchas, sessions } from '../../db/schema/index.js';
import { Client, createTestApp, loginAs, type TestApp } from '../../test-support/app.js';
import { countQueries } from '../../test-support/query-counter.js';
import { TEST_PASSWORD, buildAssessor, buildAuthority, buildCycle, buildInstitution, buildPhysician, buildPolicy, residentId } from '../../test-support/factories.js';

let t: TestApp;
let world: {
  authority: Awaited<ReturnType<typeof buildAuthority>>;
  hospital: Awaited<ReturnType<typeof buildInstitution>>;
  assessor: Awaited<ReturnType<typeof buildInstitution>>;
  cycleId: number;
};

beforeAll(async () => {
  t = await createTestApp();
  const authority = await buildAuthority(t.db, { regionCode: '990000' });
  const hospital = await buildInstitution(t.db, { authorityId: authority.authority.id, regionCode: '990101' });
  const assessor = await buildInstitution(t.db, { authorityId: authority.authority.id, regionCode: '990102' });
  const cycle = await buildCycle(t.db, '990000');
  await buildAssessor(t.db, cycle.id, assessor.institution.id, [hospital.institution.id]);
  world = { authority, hospital, assessor, cycleId: cycle.id };
});
afterAll(() => t.close());

const login = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/auth/login', body);

describe('POST /api/v1/auth/login', () => {
  it('names the missing field in Chinese', async () => {
    const res = await login(new Client(t.app), { tab: 'organization', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请输入账号');
    expect(res.json().error.fields.account).toBe('请输入账号');
  });

  it('logs an institution in with httpOnly SameSite cookies and a readable CSRF cookie', async () => {
    const client = new Client(t.app);
    const res = await login(client, { tab: 'organization', account: world.hospital.loginName.toLowerCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'institution', kind: 'institution', switchableTo: null, mustChangePassword: false, initialPasswordRule: 'fixed666666' });
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    const csrf = res.cookies.find((c) => c.name === 'csrf_token')!;
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    const me = await client.get('/api/v1/auth/me');
    expect(me.json().organization.name).toBe(world.hospital.institution.name);
  });

  it('refuses a wrong password without saying how many tries are left, and audits it', async () => {
    const res = await login(new Client(t.app), { tab: 'organization', account: world.authority.loginName, password: 'Wrong@123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('账号或密码错误');
    const rows = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.loginFailed'), eq(auditEvents.targetId, String(world.authority.account.id))));
    expect(rows.length).toBe(1);
    await t.db.update(accounts).set({ failedLoginCount: 0 }).where(eq(accounts.id, world.authority.account.id));
  });

  it('does not let an institution account log in on the 医师 tab', async () => {
    const res = await login(new Client(t.app), { tab: 'physician', account: world.hospital.loginName, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
  });
});

describe('a wrong password does not tell which accounts exist', () => {
  const wrongAnswer = async (account: string, tab = 'organization') => {
    const res = await login(new Client(t.app), { tab, account, password: 'Wrong@123' });
    return { status: res.statusCode, body: res.json() };
  };

  it('answers alike for an unknown, a real, a disabled, a locked and a never-logged-in account', async () => {
    const real = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const disabled = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, disabled.account.id));
    const locked = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    await t.db.update(accounts).set({ failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) }).where(eq(accounts.id, locked.account.id));
    const initial = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101', initialPassword: true });
    const physician = await buildPhysician(t.db, t.pii, { institutionId: world.hospital.institution.id });

    const unknown = await wrongAnswer('NOSUCH0001');
    expect(unknown).toEqual({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误' } } });
    for (const account of [real.loginName, disabled.loginName, locked.loginName, initial.loginName]) {
      expect(await wrongAnswer(account), account).toEqual(unknown);
    }
    expect(await wrongAnswer(physician.idNumber, 'physician')).toEqual(unknown);
    expect(await wrongAnswer(residentId(), 'physician')).toEqual(unknown);
    // Four more wrong passwords lock the real account; the fifth answer is still the same.
    for (let i = 0; i < 4; i++) expect(await wrongAnswer(real.loginName)).toEqual(unknown);
  });

  it('tells a disabled account so only with the right password', async () => {
    const disabled = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    await t.db.update(accounts).set({ disabled: true }).where(eq(accounts.id, disabled.account.id));
    const res = await login(new Client(t.app), { tab: 'organization', account: disabled.loginName, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('账号已停用，请联系隶属卫生行政部门');
  });

  it('costs one argon2 verification for every account: unknown, hashed or with the initial password', async () => {
    const real = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const initial = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101', initialPassword: true });
    const verify = vi.spyOn(argon2, 'verify');
    try {
      for (const account of ['NOSUCH0002', real.loginName, initial.loginName]) {
        verify.mockClear();
        await wrongAnswer(account);
        expect(verify, account).toHaveBeenCalledTimes(1);
      }
      verify.mockClear();
      expect((await login(new Client(t.app), { tab: 'organization', account: initial.loginName, password: '666666' })).statusCode).toBe(200);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});

describe('physician login by 证件号码', () => {
  it('accepts the 18-digit and the 15-digit form of the same 身份证', async () => {
    const id18 = residentId(41, '19750612');
    await buildPhysician(t.db, t.pii, { institutionId: world.hospital.institution.id, idNumber: id18 });
    const id15 = id18.slice(0, 6) + id18.slice(8, 17);
    for (const account of [id18, id15]) {
      const res = await login(new Client(t.app), { tab: 'physician', account, password: TEST_PASSWORD });
      expect(res.statusCode, account).toBe(200);
      expect(res.json().role).toBe('physician');
      expect(res.json().account).toBe(`${id18.slice(0, 4)}*****${id18.slice(-2)}`);
    }
  });
});

describe('initial passwords', () => {
  it('666666 logs in but everything except 修改密码 is refused until it is changed', async () => {
    const fresh = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101', initialPassword: true });
    const client = new Client(t.app);
    const res = await login(client, { tab: 'organization', account: fresh.loginName, password: '666666' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const blocked = await client.get('/api/v1/home');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改初始密码' });

    const weak = await client.post('/api/v1/auth/password', { oldPassword: '666666', newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toContain('密码至少8位');
    const wrongOld = await client.post('/api/v1/auth/password', { oldPassword: '123456', newPassword: 'Better#2026' });
    expect(wrongOld.json().error.message).toBe('原密码不正确');

    const changed = await client.post('/api/v1/auth/password', { oldPassword: '666666', newPassword: 'Better#2026' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await client.get('/api/v1/home')).statusCode).toBe(200);
    expect((await login(new Client(t.app), { tab: 'organization', account: fresh.loginName, password: '666666' })).statusCode).toBe(401);
    expect((await login(new Client(t.app), { tab: 'organization', account: fresh.loginName, password: 'Better#2026' })).statusCode).toBe(200);
  });

  it('follows the province rule “last six of the 证件号码 + *Dk” for physicians', async () => {
    await buildPolicy(t.db, '990000', 'idSuffixDk');
    try {
      const { idNumber } = await buildPhysician(t.db, t.pii, { institutionId: world.hospital.institution.id, initialPassword: true });
      expect((await login(new Client(t.app), { tab: 'physician', account: idNumber, password: '666666' })).statusCode).toBe(401);
      const client = new Client(t.app);
      const res = await login(client, { tab: 'physician', account: idNumber, password: `${idNumber.slice(-6)}*Dk` });
      expect(res.statusCode).toBe(200);
      expect(res.json().mustChangePassword).toBe(true);
      // The client says the rule in words under 重置密码 and 新增机构.
      const hospital = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
      expect((await hospital.get('/api/v1/auth/me')).json().initialPasswordRule).toBe('idSuffixDk');
      const changed = await client.post('/api/v1/auth/password', { oldPassword: `${idNumber.slice(-6)}*Dk`, newPassword: 'Doctor#2026' });
      expect(changed.statusCode).toBe(200);
    } finally {
      await buildPolicy(t.db, '990000', 'fixed666666');
    }
  });
});

describe('lockout', () => {
  it('locks after five wrong passwords for 15 minutes, says so only to the right password, and a superior can unlock', async () => {
    const target = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const attempt = (password: string) => login(new Client(t.app), { tab: 'organization', account: target.loginName, password });
    for (let i = 1; i <= 5; i++) {
      const wrong = await attempt('Wrong@123');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.message).toBe('账号或密码错误');
    }
    const [locked] = await t.db.select().from(accounts).where(eq(accounts.id, target.account.id));
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // A wrong password while locked neither reveals nor prolongs the lock.
    expect((await attempt('Wrong@123')).json().error.message).toBe('账号或密码错误');
    const [still] = await t.db.select().from(accounts).where(eq(accounts.id, target.account.id));
    expect(still.lockedUntil).toEqual(locked.lockedUntil);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(right.json().error.message).toMatch(/^账号已锁定，请于\d\d:\d\d后再试，或联系上级单位解锁$/);
    const locks = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.locked'), eq(auditEvents.targetId, String(target.account.id))));
    expect(locks.length).toBe(1);

    const superior = await loginAs(t.app, world.authority.loginName, TEST_PASSWORD);
    expect((await superior.post(`/api/v1/accounts/${target.account.id}/unlock`)).statusCode).toBe(204);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts parallel wrong attempts without losing any', async () => {
    const target = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    await Promise.all(
      Array.from({ length: 3 }, () => login(new Client(t.app), { tab: 'organization', account: target.loginName, password: 'Wrong@123' })),
    );
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, target.account.id));
    expect(row.failedLoginCount).toBe(3);
  });
});

describe('sessions, CSRF and logout', () => {
  it('refuses a mutation without the CSRF header', async () => {
    const client = await loginAs(t.app, world.assessor.loginName, TEST_PASSWORD);
    const res = await client.request('POST', '/api/v1/auth/switch-role', { role: 'assessor' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'CSRF_INVALID' });
  });

  it('ends the session after 30 idle minutes and after 12 hours in all', async () => {
    for (const column of ['last_seen_at', 'created_at']) {
      const client = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
      const hours = column === 'created_at' ? 13 : 0.55;
      await t.db.execute(sql`update sessions set ${sql.raw(column)} = now() - make_interval(secs => ${hours * 3600}) where account_id = ${world.hospital.account.id}`);
      const res = await client.get('/api/v1/auth/me');
      expect(res.statusCode, column).toBe(401);
      expect(res.json().error.message).toBe('登录已过期，请重新登录');
    }
  });

  it('keeps a session in use alive, writing its last-seen time at most once a minute', async () => {
    const target = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const client = await loginAs(t.app, target.loginName, TEST_PASSWORD);
    const lastSeen = async () =>
      (await t.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.accountId, target.account.id)))[0].at.getTime();
    // 29 minutes idle is still inside the 30-minute timeout: the request is answered and the clock restarts.
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '29 minutes' where account_id = ${target.account.id}`);
    const before = await lastSeen();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const bumped = await lastSeen();
    expect(bumped - before).toBeGreaterThan(28 * 60_000);
    // Seen within the last minute: not written again.
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '20 seconds' where account_id = ${target.account.id}`);
    const recent = await lastSeen();
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(recent);
  });

  it('deletes a session found idle, so it cannot come back', async () => {
    const target = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const client = await loginAs(t.app, target.loginName, TEST_PASSWORD);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where account_id = ${target.account.id}`);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.db.select().from(sessions).where(eq(sessions.accountId, target.account.id))).length).toBe(0);
  });

  it('logout ends the session at once: its cookie no longer works', async () => {
    const client = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
    const stolen = new Client(t.app);
    stolen.cookies = new Map(client.cookies);
    expect((await stolen.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await stolen.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('登录已过期，请重新登录');
  });

  it('answers GET /auth/me with one database statement for every kind of account', async () => {
    const { idNumber } = await buildPhysician(t.db, t.pii, { institutionId: world.hospital.institution.id });
    const assessor = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990102' });
    await buildAssessor(t.db, world.cycleId, assessor.institution.id, []);
    const clients = {
      authority: await loginAs(t.app, world.authority.loginName, TEST_PASSWORD),
      institution: await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD),
      assessor: await loginAs(t.app, assessor.loginName, TEST_PASSWORD),
      physician: await loginAs(t.app, idNumber, TEST_PASSWORD, 'physician'),
    };
    await clients.assessor.post('/api/v1/auth/switch-role', { role: 'assessor' });
    const counter = countQueries(t.db);
    try {
      for (const [who, client] of Object.entries(clients)) {
        // Twice: the first may bump last-seen (in the same statement), the second is the steady state.
        for (let i = 0; i < 2; i++) {
          counter.reset();
          const res = await client.get('/api/v1/auth/me');
          expect(res.statusCode, who).toBe(200);
          expect(counter.count, `${who}: ${counter.statements.join(' | ')}`).toBeLessThanOrEqual(1);
        }
      }
      // What the single statement read is what /me shows.
      expect((await clients.institution.get('/api/v1/auth/me')).json()).toMatchObject({ role: 'institution', switchableTo: null });
      expect((await clients.assessor.get('/api/v1/auth/me')).json()).toMatchObject({ role: 'assessor', switchableTo: 'institution' });
      expect((await clients.physician.get('/api/v1/auth/me')).json()).toMatchObject({ role: 'physician', kind: 'physician' });
    } finally {
      counter.restore();
    }
  });

  it('logout deletes the session', async () => {
    const client = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await new Client(t.app).request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(client.cookies.has('sid')).toBe(false);
  });

  it('GET /auth/session answers null without a session (no 401 for the login page), the account with one', async () => {
    const anonymous = await new Client(t.app).request('GET', '/api/v1/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toBeNull();
    const client = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
    const signedIn = await client.get('/api/v1/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ role: 'institution' });
    await client.post('/api/v1/auth/logout');
    expect((await client.get('/api/v1/auth/session')).json()).toBeNull();
  });

  it('a password change ends the account’s other sessions', async () => {
    const target = await buildInstitution(t.db, { authorityId: world.authority.authority.id, regionCode: '990101' });
    const first = await loginAs(t.app, target.loginName, TEST_PASSWORD);
    const second = await loginAs(t.app, target.loginName, TEST_PASSWORD);
    expect((await second.post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Another#2026' })).statusCode).toBe(200);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.db.select().from(sessions).where(eq(sessions.accountId, target.account.id))).length).toBe(1);
  });
});

describe('POST /api/v1/auth/switch-role', () => {
  it('lets an approved assessor switch to 考核机构 and back, audited', async () => {
    const client = await loginAs(t.app, world.assessor.loginName, TEST_PASSWORD);
    expect((await client.get('/api/v1/auth/me')).json().switchableTo).toBe('assessor');
    const res = await client.post('/api/v1/auth/switch-role', { role: 'assessor' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'assessor', switchableTo: 'institution' });
    expect((await client.get('/api/v1/auth/me')).json().role).toBe('assessor');
    expect((await client.post('/api/v1/auth/switch-role', { role: 'institution' })).json().role).toBe('institution');
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.roleSwitched'), eq(auditEvents.actorAccountId, world.assessor.account.id)));
    expect(audits.length).toBe(2);
  });

  it('refuses an institution that is not an assessor, a physician and bad input', async () => {
    const hospital = await loginAs(t.app, world.hospital.loginName, TEST_PASSWORD);
    const refused = await hospital.post('/api/v1/auth/switch-role', { role: 'assessor' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('本机构不是本考核周期的考核机构，无法切换');
    const bad = await hospital.post('/api/v1/auth/switch-role', { role: 'authority' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('只能切换为医疗卫生机构或考核机构');
    const { idNumber } = await buildPhysician(t.db, t.pii, { institutionId: world.hospital.institution.id });
    const physician = await loginAs(t.app, idNumber, TEST_PASSWORD, 'physician');
    expect((await physician.post('/api/v1/auth/switch-role', { role: 'assessor' })).statusCode).toBe(403);
  });

  it('answers 401 without a session', async () => {
    expect((await new Client(t.app).post('/api/v1/auth/switch-role', { role: 'assessor' })).statusCode).toBe(401);
  });
});

describe('captcha and rate limit', () => {
  it('requires the right captcha when captcha is on, once per image', async () => {
    const strict = await createTestApp({ captcha: true });
    try {
      const authority = await buildAuthority(strict.db, { regionCode: '990000' });
      const client = new Client(strict.app);
      const image = await client.get('/api/v1/auth/captcha');
      expect(image.headers['content-type']).toContain('image/svg+xml');
      expect(image.body).toContain('<svg');
      const wrong = await login(client, { tab: 'organization', account: authority.loginName, password: TEST_PASSWORD, captcha: 'zzzz' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields.captcha).toBe('验证码错误或已过期');
      await client.get('/api/v1/auth/captcha');
      const [row] = await strict.db.select().from(captchas).where(eq(captchas.id, client.cookies.get('captcha_id')!));
      const ok = await login(client, { tab: 'organization', account: authority.loginName, password: TEST_PASSWORD, captcha: row.answer.toUpperCase() });
      expect(ok.statusCode).toBe(200);
      const reused = await login(client, { tab: 'organization', account: authority.loginName, password: TEST_PASSWORD, captcha: row.answer });
      expect(reused.statusCode).toBe(400);
    } finally {
      await strict.close();
    }
  });

  it('limits login attempts per address', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(new Client(limited.app), { tab: 'organization', account: 'nobody', password: 'x' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await login(new Client(limited.app), { tab: 'organization', account: 'nobody', password: 'x' });
      expect(last.json().error.message).toBe('操作过于频繁，请稍后再试');
    } finally {
      await limited.close();
    }
  });
});
