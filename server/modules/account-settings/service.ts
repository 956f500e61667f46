// 账户设置 of a physician (seed 004 FAQ 9): see the bound phone, bind or change it with a code sent to the
// new number. 修改密码 is POST /api/v1/auth/password.
import { eq } from 'drizzle-orm';
import { maskPhone, type AccountSettings, type BindPhoneBody, type SmsCodeSent } from '../../../common/schemas/account.js';
import { requireRole, type Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { accounts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, unauthorized } from '../../lib/errors.js';
import type { SmsProvider } from '../../lib/sms.js';
import { consumeSmsCode, issueSmsCode } from '../sms-codes/service.js';

const SAME_PHONE = '新手机号与当前绑定的手机号相同';

async function boundPhoneOf(db: Database, accountId: number): Promise<string | null> {
  const [row] = await db.select({ boundPhone: accounts.boundPhone }).from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw unauthorized();
  return row.boundPhone;
}

export async function getAccountSettings(db: Database, actor: Actor): Promise<AccountSettings> {
  requireRole(actor, ['physician']);
  const phone = await boundPhoneOf(db, actor.accountId);
  return { boundPhoneMasked: phone ? maskPhone(phone) : null };
}

export async function sendBindPhoneCode(db: Database, sms: SmsProvider, actor: Actor, phone: string, ip: string, resendSeconds: number): Promise<SmsCodeSent> {
  requireRole(actor, ['physician']);
  if ((await boundPhoneOf(db, actor.accountId)) === phone) throw badRequest(SAME_PHONE, { phone: SAME_PHONE });
  return issueSmsCode(db, sms, { accountId: actor.accountId, phone, purpose: 'bindPhone', ip }, resendSeconds);
}

export async function bindPhone(db: Database, actor: Actor, body: BindPhoneBody, ip: string): Promise<AccountSettings> {
  requireRole(actor, ['physician']);
  const before = await boundPhoneOf(db, actor.accountId);
  if (before === body.phone) throw badRequest(SAME_PHONE, { phone: SAME_PHONE });
  await consumeSmsCode(db, { accountId: actor.accountId, phone: body.phone, purpose: 'bindPhone', code: body.code });
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ boundPhone: body.phone }).where(eq(accounts.id, actor.accountId));
    // Masked in the audit too: the log is read by more people than the account's owner.
    await recordAudit(tx, {
      action: 'account.phoneBound',
      actor,
      targetType: 'account',
      targetId: actor.accountId,
      before: { phone: before ? maskPhone(before) : null },
      after: { phone: maskPhone(body.phone) },
      ip,
    });
  });
  return { boundPhoneMasked: maskPhone(body.phone) };
}
