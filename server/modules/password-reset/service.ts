// 重置密码 by SMS code (seed 001 §1.3): a physician who forgot the password gets a code on the bound phone
// and sets a new password with it. Unknown 证件号码 and accounts without a phone get the same answer.
import { and, eq } from 'drizzle-orm';
import type { PasswordResetBody, PasswordResetCodeBody, SmsCodeSent } from '../../../common/schemas/account.js';
import { consumeCaptcha } from '../../auth/captcha.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteAccountSessions } from '../../auth/sessions.js';
import type { Database } from '../../db/client.js';
import { accounts, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import type { SmsProvider } from '../../lib/sms.js';
import { CODE_INVALID, consumeSmsCode, issueSmsCode } from '../sms-codes/service.js';

export interface PasswordResetDeps {
  db: Database;
  pii: Pii;
  sms: SmsProvider;
  /** The least seconds between two codes to one phone (SMS_RESEND_SECONDS). */
  smsResendSeconds: number;
  captchaEnabled: boolean;
}

export const NO_BOUND_PHONE = '该证件号码未绑定手机号，请联系所在医疗卫生机构重置密码';

/** The physician account of a 证件号码 (15- or 18-digit form) that can receive a code, if any. */
async function resettableAccount(deps: Pick<PasswordResetDeps, 'db' | 'pii'>, idNumber: string) {
  const [row] = await deps.db
    .select({ id: accounts.id, boundPhone: accounts.boundPhone, disabled: accounts.disabled })
    .from(accounts)
    .innerJoin(physicians, eq(physicians.id, accounts.physicianId))
    .where(and(eq(physicians.idNumberHash, deps.pii.idNumberHash(idNumber)), eq(accounts.kind, 'physician')))
    .limit(1);
  return row && row.boundPhone && !row.disabled ? { id: row.id, phone: row.boundPhone } : null;
}

export async function sendPasswordResetCode(
  deps: PasswordResetDeps,
  body: PasswordResetCodeBody,
  meta: { ip: string; captchaId: string | undefined },
): Promise<SmsCodeSent> {
  if (deps.captchaEnabled && !(await consumeCaptcha(deps.db, meta.captchaId, body.captcha))) {
    throw badRequest('验证码错误或已过期，请重新输入', { captcha: '验证码错误或已过期' });
  }
  const account = await resettableAccount(deps, body.idNumber);
  if (!account) throw badRequest(NO_BOUND_PHONE);
  return issueSmsCode(deps.db, deps.sms, { accountId: account.id, phone: account.phone, purpose: 'passwordReset', ip: meta.ip }, deps.smsResendSeconds);
}

/**
 * Sets the new password: the initial-password change is no longer due, the lock is lifted, and every
 * session of the account ends (whoever holds one may be why the password is being reset).
 */
export async function resetPasswordBySms(deps: Pick<PasswordResetDeps, 'db' | 'pii'>, body: PasswordResetBody, ip: string): Promise<void> {
  const { db } = deps;
  const account = await resettableAccount(deps, body.idNumber);
  if (!account) throw badRequest(CODE_INVALID, { code: CODE_INVALID });
  await consumeSmsCode(db, { accountId: account.id, phone: account.phone, purpose: 'passwordReset', code: body.code });
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null })
      .where(eq(accounts.id, account.id));
    await deleteAccountSessions(tx, account.id);
    await recordAudit(tx, {
      action: 'account.passwordResetBySms',
      actor: { accountId: account.id, role: 'physician' },
      targetType: 'account',
      targetId: account.id,
      ip,
    });
  });
}
