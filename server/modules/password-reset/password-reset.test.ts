import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { accounts, auditEvents, captchas, smsCodes, smsMessages } from '../../db/schema/index.js';
import { Client, createTestApp, loginAs, type TestApp } from '../../test-support/app.js';
import { TEST_PASSWORD, buildAuthority, buildInstitution, buildPhysician, residentId } from '../../test-support/factories.js';
import { loadConfig } from '../../config.js';
import { createSmsProvider } from '../../lib/sms.js';
import { SMS_LIMITS, issueSmsCode } from '../sms-codes/service.js';

let t: TestApp;
let institutionId: number;
let institutionLogin: string;
let phoneSerial = 0;

beforeAll(async () => {
  t = await createTestApp();
  const authority = await buildAuthority(t.db, { regionCode: '990000' });
  const hospital = await buildInstitution(t.db, { authorityId: authority.authority.id, regionCode: '990101' });
  institutionId = hospital.institution.id;
  institutionLogin = hospital.loginName;
});
afterAll(() => t.close());

const NO_PHONE = '该证件号码未绑定手机号，请联系所在医疗卫生机构重置密码';

/** A physician with a phone of their own (each test its own phone, so the per-phone limits do not interfere). */
async function physicianWithPhone(options: { idNumber?: string; phone?: string } = {}) {
  const built = await buildPhysician(t.db, t.pii, { institutionId, idNumber: options.idNumber });
  const phone = options.phone ?? `1380000${String(++phoneSerial).padStart(4, '0')}`;
  await t.db.update(accounts).set({ boundPhone: phone }).where(eq(accounts.id, built.account.id));
  return { ...built, phone };
}

const askCode = (idNumber: string, client = new Client(t.app)) => client.post('/api/v1/auth/password-reset/code', { idNumber, captcha: '' });
const reset = (idNumber: string, code: string, newPassword = 'Renewed#2026') =>
  new Client(t.app).post('/api/v1/auth/password-reset', { idNumber, code, newPassword });

/** The code of the latest SMS to `phone`, read from the outbox table as an operator would. */
async function lastCode(phone: string): Promise<string> {
  const [row] = await t.db.select().from(smsMessages).where(eq(smsMessages.phone, phone)).orderBy(desc(smsMessages.id)).limit(1);
  const code = /验证码为(\d{6})/.exec(row?.content ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/v1/auth/password-reset/code', () => {
  it('names the missing field in Chinese', async () => {
    const res = await new Client(t.app).post('/api/v1/auth/password-reset/code', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.idNumber).toBe('请输入证件号码');
  });

  it('sends a six-digit code to the bound phone through the outbox and answers the masked number', async () => {
    const { idNumber, phone, account } = await physicianWithPhone({ phone: '13800000000' });
    const res = await askCode(idNumber);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phoneMasked: '138****0000', resendAfterSeconds: 60, expiresInMinutes: 5 });

    const [message] = await t.db.select().from(smsMessages).where(eq(smsMessages.phone, phone));
    expect(message).toMatchObject({ purpose: 'passwordReset', provider: 'outbox', delivered: true });
    expect(message.content).toMatch(/^【医师定期考核】您的验证码为\d{6}，5分钟内有效，用于重置登录密码。/);
    const code = await lastCode(phone);

    // Only a hash of the code is kept with the code row; it expires five minutes after it was issued.
    const [row] = await t.db.select().from(smsCodes).where(eq(smsCodes.accountId, account.id));
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(5 * 60_000);
    expect(row.ip).toBe('127.0.0.1');

    // The default provider's own output: one JSON line per message in the outbox file.
    const lines = fs.readFileSync(t.app.deps.config.smsOutboxFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { phone: string; content: string });
    expect(lines.some((l) => l.phone === phone && l.content.includes(code))).toBe(true);
  });

  it('answers unknown numbers exactly like accounts without a phone (no enumeration)', async () => {
    const withoutPhone = await buildPhysician(t.db, t.pii, { institutionId });
    const unknown = await askCode(residentId(999, '19700101'));
    const noPhone = await askCode(withoutPhone.idNumber);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ error: { code: 'BAD_REQUEST', message: NO_PHONE } });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json()).toEqual(unknown.json());
    const institution = await askCode(institutionLogin);
    expect(institution.json()).toEqual(unknown.json());
  });

  it('checks the captcha when captcha is on', async () => {
    const strict = await createTestApp({ captcha: true });
    try {
      const client = new Client(strict.app);
      const wrong = await client.post('/api/v1/auth/password-reset/code', { idNumber: residentId(998), captcha: 'zzzz' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields.captcha).toBe('验证码错误或已过期');
      await client.get('/api/v1/auth/captcha');
      const [row] = await strict.db.select().from(captchas).where(eq(captchas.id, client.cookies.get('captcha_id')!));
      const right = await client.post('/api/v1/auth/password-reset/code', { idNumber: residentId(998), captcha: row.answer });
      expect(right.json().error.message).toBe(NO_PHONE);
    } finally {
      await strict.close();
    }
  });
});

describe('POST /api/v1/auth/password-reset', () => {
  it('refuses a weak password before looking at the code', async () => {
    const res = await reset(residentId(997), '123456', 'abcdefgh');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.newPassword).toContain('密码至少8位');
    const badCode = await reset(residentId(997), '12ab', 'Renewed#2026');
    expect(badCode.json().error.fields.code).toBe('短信验证码为6位数字');
  });

  it('sets the new password, lifts the lock, ends every session and is audited', async () => {
    const { idNumber, phone, account } = await physicianWithPhone();
    const session = await loginAs(t.app, idNumber, TEST_PASSWORD, 'physician');
    await t.db.update(accounts).set({ failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000), mustChangePassword: true }).where(eq(accounts.id, account.id));
    expect((await askCode(idNumber)).statusCode).toBe(200);

    const res = await reset(idNumber, await lastCode(phone));
    expect(res.statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = (password: string) => new Client(t.app).post('/api/v1/auth/login', { tab: 'physician', account: idNumber, password });
    const fresh = await login('Renewed#2026');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(false);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.passwordResetBySms'), eq(auditEvents.targetId, String(account.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorAccountId: account.id, actorRole: 'physician', ip: '127.0.0.1' });
  });

  it('refuses a code that was already used', async () => {
    const { idNumber, phone } = await physicianWithPhone();
    await askCode(idNumber);
    const code = await lastCode(phone);
    expect((await reset(idNumber, code, 'First#2026x')).statusCode).toBe(204);
    const again = await reset(idNumber, code, 'Second#2026x');
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ message: '验证码错误或已过期', fields: { code: '验证码错误或已过期' } });
  });

  it('refuses an expired code', async () => {
    const { idNumber, phone, account } = await physicianWithPhone();
    await askCode(idNumber);
    await t.db.update(smsCodes).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(smsCodes.accountId, account.id));
    const res = await reset(idNumber, await lastCode(phone));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('验证码错误或已过期');
  });

  it('burns the code after five wrong tries, so the right one no longer works', async () => {
    const { idNumber, phone } = await physicianWithPhone();
    await askCode(idNumber);
    const code = await lastCode(phone);
    const wrong = wrongCodeFor(code);
    for (let i = 1; i < SMS_LIMITS.maxWrongTries; i++) expect((await reset(idNumber, wrong)).json().error.message).toBe('验证码错误或已过期');
    expect((await reset(idNumber, wrong)).json().error.message).toBe('验证码错误次数过多，请重新获取');
    const right = await reset(idNumber, code);
    expect(right.statusCode).toBe(400);
    expect(right.json().error.message).toBe('验证码错误或已过期');
  });

  it('only the latest code works, and a code for another account does not', async () => {
    const { idNumber, phone, account } = await physicianWithPhone();
    const other = await physicianWithPhone();
    await askCode(idNumber);
    const first = await lastCode(phone);
    await t.db.execute(sql`update sms_codes set created_at = created_at - interval '61 seconds' where account_id = ${account.id}`);
    await askCode(idNumber);
    const second = await lastCode(phone);
    if (first !== second) expect((await reset(idNumber, first)).statusCode).toBe(400);
    expect((await reset(other.idNumber, second)).statusCode).toBe(400);
    expect((await reset(idNumber, second)).statusCode).toBe(204);
  });

  it('accepts the 15-digit form of the 身份证 for both steps', async () => {
    const id18 = residentId(321, '19720315');
    const id15 = id18.slice(0, 6) + id18.slice(8, 17);
    const { phone } = await physicianWithPhone({ idNumber: id18 });
    const sent = await askCode(id15);
    expect(sent.statusCode).toBe(200);
    expect((await reset(id15, await lastCode(phone))).statusCode).toBe(204);
    expect((await new Client(t.app).post('/api/v1/auth/login', { tab: 'physician', account: id18, password: 'Renewed#2026' })).statusCode).toBe(200);
  });

  it('no longer reaches a phone the institution unbound with 重置密码', async () => {
    const { idNumber, account } = await physicianWithPhone();
    const institution = await loginAs(t.app, institutionLogin, TEST_PASSWORD);
    expect((await institution.post(`/api/v1/accounts/${account.id}/reset-password`)).statusCode).toBe(204);
    expect((await askCode(idNumber)).json().error.message).toBe(NO_PHONE);
  });
});

describe('send limits', () => {
  it('one code per phone per 60 seconds, ten per day', async () => {
    const { idNumber, account } = await physicianWithPhone();
    expect((await askCode(idNumber)).statusCode).toBe(200);
    const soon = await askCode(idNumber);
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.message).toMatch(/^验证码发送过于频繁，请(60|59|58)秒后再试$/);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThanOrEqual(58);
    await t.db.execute(sql`update sms_codes set created_at = now() - interval '61 seconds' where account_id = ${account.id}`);
    expect((await askCode(idNumber)).statusCode).toBe(200);
    // Ten sent today (the rows are what counts, so this holds across app instances).
    await t.db.execute(sql`update sms_codes set created_at = now() - interval '61 seconds' where account_id = ${account.id}`);
    const [first] = await t.db.select().from(smsCodes).where(eq(smsCodes.accountId, account.id)).limit(1);
    await t.db.insert(smsCodes).values(
      Array.from({ length: SMS_LIMITS.perPhonePerDay - 2 }, () => ({ ...first, id: undefined, createdAt: sql`now() - interval '61 seconds'` })),
    );
    const eleventh = await askCode(idNumber);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.message).toBe('该手机号今日获取验证码次数已达上限，请明天再试');
  });

  it('SMS_RESEND_SECONDS sets the interval: the answer counts it down, the next code waits for it', async () => {
    const { account, phone } = await physicianWithPhone();
    const logger = { info: () => undefined, error: () => undefined };
    const provider = createSmsProvider({ smsProvider: 'outbox', smsOutboxFile: '' }, logger);
    const { smsResendSeconds } = loadConfig({ SMS_RESEND_SECONDS: '20' });
    const input = { accountId: account.id, phone, purpose: 'passwordReset' as const, ip: '127.0.0.9' };
    expect(await issueSmsCode(t.db, provider, input, smsResendSeconds)).toMatchObject({ resendAfterSeconds: 20 });
    await expect(issueSmsCode(t.db, provider, input, smsResendSeconds)).rejects.toMatchObject({ statusCode: 429, message: expect.stringMatching(/^验证码发送过于频繁，请(20|19|18)秒后再试$/) });
    await t.db.execute(sql`update sms_codes set created_at = now() - interval '21 seconds' where account_id = ${account.id}`);
    expect(await issueSmsCode(t.db, provider, input, smsResendSeconds)).toMatchObject({ resendAfterSeconds: 20 });
  });

  it('at most 20 codes per address per hour, whatever the phones', async () => {
    const { idNumber, account } = await physicianWithPhone();
    const ip = '203.0.113.9';
    await t.db.insert(smsCodes).values(
      Array.from({ length: SMS_LIMITS.perIpPerHour }, (_, i) => ({
        accountId: account.id,
        phone: `1370000${String(i).padStart(4, '0')}`,
        purpose: 'passwordReset',
        codeHash: '0'.repeat(64),
        expiresAt: sql`now()`,
        ip,
        createdAt: sql`now() - interval '10 minutes'`,
      })),
    );
    const send = (remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/code', payload: { idNumber, captcha: '' }, remoteAddress });
    const limited = await send(ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toBe('获取验证码过于频繁，请1小时后再试');
    expect((await send('203.0.113.10')).statusCode).toBe(200);
  });
});
