// 修改密码 with an SMS code (seed 001 §1.6): where the province's 考核政策 asks for it and the account has a bound
// phone, the code goes to that phone and 修改密码 needs it (after the old password is checked).
import { maskPhone, type SmsCodeSent } from '../../../common/schemas/account.js';
import type { PasswordChangeRequirements } from '../../../common/schemas/auth.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { badRequest, conflict, unauthorized } from '../../lib/errors.js';
import type { SmsProvider } from '../../lib/sms.js';
import { loadAccountById, type AccountContext } from '../accounts/repository.js';
import { consumeSmsCode, issueSmsCode } from '../sms-codes/service.js';

/** The bound phone the code must go to, or null when the policy asks for none or no phone is bound. */
export const smsPhoneFor = (ctx: AccountContext): string | null => (ctx.policy.passwordChangeSmsRequired && ctx.boundPhone ? ctx.boundPhone : null);

async function accountOf(db: Database, actor: Actor): Promise<AccountContext> {
  const ctx = await loadAccountById(db, actor.accountId);
  if (!ctx) throw unauthorized();
  return ctx;
}

export async function passwordChangeRequirements(db: Database, actor: Actor): Promise<PasswordChangeRequirements> {
  const phone = smsPhoneFor(await accountOf(db, actor));
  return { smsCodeRequired: phone !== null, phoneMasked: phone && maskPhone(phone) };
}

/** 获取验证码: to the bound phone only (never to a number the caller names). */
export async function sendPasswordChangeCode(db: Database, sms: SmsProvider, actor: Actor, ip: string, resendSeconds: number): Promise<SmsCodeSent> {
  const phone = smsPhoneFor(await accountOf(db, actor));
  if (!phone) throw conflict('修改密码无需短信验证码');
  return issueSmsCode(db, sms, { accountId: actor.accountId, phone, purpose: 'passwordChange', ip }, resendSeconds);
}

/** Inside 修改密码, once the old password is known to be right: uses up the code, or refuses on the `code` field. */
export async function requirePasswordChangeCode(db: Database, ctx: AccountContext, code: string | undefined): Promise<void> {
  const phone = smsPhoneFor(ctx);
  if (!phone) return;
  if (!code) throw badRequest('请输入短信验证码', { code: '请输入短信验证码' });
  await consumeSmsCode(db, { accountId: ctx.id, phone, purpose: 'passwordChange', code });
}
