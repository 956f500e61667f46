import { describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { accounts, auditEvents, smsMessages } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { Client } from '../../test-support/app.js';

const ctx = setupTenantWorld();

async function lastCode(phone: string): Promise<string> {
  const [row] = await ctx.t.db.select().from(smsMessages).where(eq(smsMessages.phone, phone)).orderBy(desc(smsMessages.id)).limit(1);
  const code = /验证码为(\d{6})/.exec(row?.content ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

describe('/api/v1/account (账户设置)', () => {
  it('is for physicians only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/account/settings'), byRole({ physician: 200 }));
    // No code was issued, so a physician's call reaches the code check (400); other roles never get that far.
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/account/phone', { phone: '13600000001', code: '123456' }), byRole({ physician: 400 }));
    const institution = await ctx.clients.institutionA.post('/api/v1/account/phone/code', { phone: '13600000001' });
    expect(institution.statusCode).toBe(403);
    expect(institution.json().error.message).toBe('当前身份无权执行此操作');
    expect(await ctx.t.db.select().from(smsMessages).where(eq(smsMessages.phone, '13600000001'))).toHaveLength(0);
  });

  it('names bad input in Chinese', async () => {
    const physician = ctx.clients.physicianB;
    const badPhone = await physician.post('/api/v1/account/phone/code', { phone: '2380000' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields.phone).toBe('手机号码须为11位手机号');
    const noCode = await physician.post('/api/v1/account/phone', { phone: '13600000002' });
    expect(noCode.json().error.fields.code).toBe('请输入短信验证码');
  });

  it('binds a phone with a code sent to that number, then changes it, audited with masked numbers', async () => {
    const physician = ctx.clients.physicianA;
    const accountId = ctx.world.physicianA.account.id;
    expect((await physician.get('/api/v1/account/settings')).json()).toEqual({ boundPhoneMasked: null });

    const sent = await physician.post('/api/v1/account/phone/code', { phone: '13912345678' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().phoneMasked).toBe('139****5678');
    const [message] = await ctx.t.db.select().from(smsMessages).where(eq(smsMessages.phone, '13912345678'));
    expect(message).toMatchObject({ purpose: 'bindPhone', provider: 'outbox' });
    expect(message.content).toContain('用于绑定手机号');

    const code = await lastCode('13912345678');
    // The code belongs to the number it was sent to.
    const elsewhere = await physician.post('/api/v1/account/phone', { phone: '13912345679', code });
    expect(elsewhere.json().error.message).toBe('验证码错误或已过期');
    const bound = await physician.post('/api/v1/account/phone', { phone: '13912345678', code });
    expect(bound.statusCode).toBe(200);
    expect(bound.json()).toEqual({ boundPhoneMasked: '139****5678' });
    expect((await physician.get('/api/v1/account/settings')).json()).toEqual({ boundPhoneMasked: '139****5678' });
    const [row] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row.boundPhone).toBe('13912345678');

    const same = await physician.post('/api/v1/account/phone/code', { phone: '13912345678' });
    expect(same.json().error.message).toBe('新手机号与当前绑定的手机号相同');

    // 更换手机: the code goes to the new number, not the old one.
    expect((await physician.post('/api/v1/account/phone/code', { phone: '13787654321' })).statusCode).toBe(200);
    const changed = await physician.post('/api/v1/account/phone', { phone: '13787654321', code: await lastCode('13787654321') });
    expect(changed.json()).toEqual({ boundPhoneMasked: '137****4321' });

    const audits = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'account.phoneBound'), eq(auditEvents.targetId, String(accountId))))
      .orderBy(auditEvents.id);
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ phone: null }, { phone: '139****5678' }],
      [{ phone: '139****5678' }, { phone: '137****4321' }],
    ]);

    // The bound phone now receives the 重置密码 code (once its 60 seconds since the last code have passed).
    const tooSoon = await new Client(ctx.t.app).post('/api/v1/auth/password-reset/code', { idNumber: ctx.world.physicianA.idNumber, captcha: '' });
    expect(tooSoon.statusCode).toBe(429);
    await ctx.t.db.execute(sql`update sms_codes set created_at = now() - interval '61 seconds' where phone = '13787654321'`);
    const reset = await new Client(ctx.t.app).post('/api/v1/auth/password-reset/code', { idNumber: ctx.world.physicianA.idNumber, captcha: '' });
    expect(reset.json().phoneMasked).toBe('137****4321');
  });

  it('a bind code is refused for 重置密码 and a 重置密码 code for binding (one purpose each)', async () => {
    const physician = ctx.clients.physicianB;
    await ctx.t.db.update(accounts).set({ boundPhone: '13511112222' }).where(eq(accounts.id, ctx.world.physicianB.account.id));
    await new Client(ctx.t.app).post('/api/v1/auth/password-reset/code', { idNumber: ctx.world.physicianB.idNumber, captcha: '' });
    const resetCode = await lastCode('13511112222');
    await ctx.t.db.update(accounts).set({ boundPhone: null }).where(eq(accounts.id, ctx.world.physicianB.account.id));
    await ctx.t.db.execute(sql`update sms_codes set created_at = now() - interval '61 seconds' where phone = '13511112222'`);
    const bindWithResetCode = await physician.post('/api/v1/account/phone', { phone: '13511112222', code: resetCode });
    expect(bindWithResetCode.json().error.message).toBe('验证码错误或已过期');

    await physician.post('/api/v1/account/phone/code', { phone: '13511112222' });
    const bindCode = await lastCode('13511112222');
    expect((await physician.post('/api/v1/account/phone', { phone: '13511112222', code: bindCode })).statusCode).toBe(200);
    const resetWithBindCode = await new Client(ctx.t.app).post('/api/v1/auth/password-reset', {
      idNumber: ctx.world.physicianB.idNumber,
      code: bindCode,
      newPassword: 'Renewed#2026',
    });
    expect(resetWithBindCode.json().error.message).toBe('验证码错误或已过期');
  });
});
