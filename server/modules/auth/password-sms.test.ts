import { and, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accounts, smsMessages } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { Client, loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { setPolicyRules } from '../../test-support/policy-factories.js';

const ctx = setupTenantWorld();
const NEW_PASSWORD = 'Next#2026abc';
let phoneSeq = 0;

/** A physician of institution A, signed in, with a bound phone unless `phone` is null. */
async function physician(phone: string | null = `1391000${String(++phoneSeq).padStart(4, '0')}`) {
  const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
  if (phone) await ctx.t.db.update(accounts).set({ boundPhone: phone }).where(eq(accounts.id, p.account.id));
  return { ...p, phone, client: await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician') };
}

const change = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, ...body });
const canLogin = async (idNumber: string, password: string) =>
  (await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'physician', account: idNumber, password, captcha: '' })).statusCode === 200;

async function lastCode(phone: string) {
  const [row] = await ctx.t.db.select().from(smsMessages).where(and(eq(smsMessages.phone, phone), eq(smsMessages.purpose, 'passwordChange'))).orderBy(desc(smsMessages.id)).limit(1);
  return { row, code: /验证码为(\d{6})/.exec(row?.content ?? '')?.[1] ?? '' };
}

describe('修改密码 with an SMS code (考核政策 修改密码须短信验证)', () => {
  beforeEach(async () => setPolicyRules(ctx.clients.provinceAuthority, { passwordChangeSmsRequired: false }));

  it('every signed-in account asks what 修改密码 needs; while the option is off nobody needs a code', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/auth/password/requirements'), byRole({ authority: 200, institution: 200, assessor: 200, physician: 200 }));
    const p = await physician();
    expect((await p.client.get('/api/v1/auth/password/requirements')).json()).toEqual({ smsCodeRequired: false, phoneMasked: null });
    const send = await p.client.post('/api/v1/auth/password/code');
    expect([send.statusCode, send.json().error.message]).toEqual([409, '修改密码无需短信验证码']);
    expect((await change(p.client, {})).statusCode).toBe(200);
    expect(await canLogin(p.idNumber, NEW_PASSWORD)).toBe(true);
  });

  it('with the option on but no phone bound, no code is asked for', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { passwordChangeSmsRequired: true });
    const p = await physician(null);
    expect((await p.client.get('/api/v1/auth/password/requirements')).json()).toEqual({ smsCodeRequired: false, phoneMasked: null });
    expect((await change(p.client, {})).statusCode).toBe(200);
  });

  it('with the option on and a phone bound: the code goes to that phone, is asked for after the old password, and is used once', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { passwordChangeSmsRequired: true });
    const p = await physician();
    expect((await p.client.get('/api/v1/auth/password/requirements')).json()).toEqual({ smsCodeRequired: true, phoneMasked: `${p.phone!.slice(0, 3)}****${p.phone!.slice(-4)}` });

    // A wrong old password is named first, whatever the code; without a code the field says so; nothing changes.
    const wrongOld = await change(p.client, { oldPassword: 'Wrong#2026x', code: '123456' });
    expect([wrongOld.statusCode, wrongOld.json().error.fields]).toEqual([400, { oldPassword: '原密码不正确' }]);
    const noCode = await change(p.client, {});
    expect([noCode.statusCode, noCode.json().error.fields]).toEqual([400, { code: '请输入短信验证码' }]);
    const badCode = await change(p.client, { code: '12ab' });
    expect([badCode.statusCode, badCode.json().error.fields.code]).toEqual([400, '短信验证码为6位数字']);

    const sent = await p.client.post('/api/v1/auth/password/code');
    expect(sent.statusCode).toBe(200);
    expect(sent.json().phoneMasked).toBe(`${p.phone!.slice(0, 3)}****${p.phone!.slice(-4)}`);
    const { row, code } = await lastCode(p.phone!);
    expect(row.content).toContain('用于修改登录密码');
    const wrong = await change(p.client, { code: code === '000000' ? '111111' : '000000' });
    expect([wrong.statusCode, wrong.json().error.fields]).toEqual([400, { code: '验证码错误或已过期' }]);
    expect(await canLogin(p.idNumber, TEST_PASSWORD)).toBe(true);

    expect((await change(p.client, { code })).statusCode).toBe(200);
    expect(await canLogin(p.idNumber, NEW_PASSWORD)).toBe(true);
    const again = await p.client.post('/api/v1/auth/password', { oldPassword: NEW_PASSWORD, newPassword: 'Third#2026abc', code });
    expect([again.statusCode, again.json().error.fields]).toEqual([400, { code: '验证码错误或已过期' }]);
  });

  it('accounts that bind no phone (institutions) are asked for nothing', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { passwordChangeSmsRequired: true });
    expect((await ctx.clients.institutionA.get('/api/v1/auth/password/requirements')).json()).toEqual({ smsCodeRequired: false, phoneMasked: null });
  });
});
