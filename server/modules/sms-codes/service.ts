// One-time SMS codes: issued to a phone for one account and purpose, six digits, valid 5 minutes, single use,
// burnt after 5 wrong tries. Send limits (per phone and per IP) are counted from `sms_codes` rows, so they
// hold across app instances.
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { SMS_CODE_TTL_MINUTES, maskPhone, type SmsCodeSent } from '../../../common/schemas/account.js';
import type { Database, Tx } from '../../db/client.js';
import { smsCodes } from '../../db/schema/index.js';
import { AppError, TooManyRequestsError, badRequest } from '../../lib/errors.js';
import { sendSms, type SmsProvider, type SmsCodePurpose } from '../../lib/sms.js';

export const SMS_LIMITS = {
  perPhonePerDay: 10,
  perIpPerHour: 20,
  maxWrongTries: 5,
} as const;

export const CODE_INVALID = '验证码错误或已过期';
const CODE_BURNT = '验证码错误次数过多，请重新获取';

const purposeText: Record<SmsCodePurpose, string> = {
  passwordReset: '重置登录密码',
  bindPhone: '绑定手机号',
  passwordChange: '修改登录密码',
};

const hashCode = (code: string) => crypto.createHash('sha256').update(code).digest('hex');
/** Midnight in Beijing, as the "per day" of the phone limit. */
const beijingDayStart = sql`(date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;

/** Refuses with 429 when the phone or the address has had too many codes; call inside the issuing transaction. */
async function checkLimits(tx: Tx, phone: string, ip: string, resendSeconds: number): Promise<void> {
  const [byPhone] = await tx
    .select({
      today: sql<number>`(count(*) filter (where ${smsCodes.createdAt} >= ${beijingDayStart}))::int`,
      wait: sql<number | null>`ceil(extract(epoch from max(${smsCodes.createdAt}) + make_interval(secs => ${resendSeconds}) - now()))::int`,
    })
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, phone), sql`${smsCodes.createdAt} >= least(${beijingDayStart}, now() - make_interval(secs => ${resendSeconds}))`));
  if (byPhone.wait !== null && byPhone.wait > 0) throw new TooManyRequestsError(`验证码发送过于频繁，请${byPhone.wait}秒后再试`, byPhone.wait);
  if (byPhone.today >= SMS_LIMITS.perPhonePerDay) throw new AppError(429, 'TOO_MANY_REQUESTS', '该手机号今日获取验证码次数已达上限，请明天再试');
  const [byIp] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(smsCodes)
    .where(and(eq(smsCodes.ip, ip), sql`${smsCodes.createdAt} > now() - interval '1 hour'`));
  if (byIp.count >= SMS_LIMITS.perIpPerHour) throw new AppError(429, 'TOO_MANY_REQUESTS', '获取验证码过于频繁，请1小时后再试');
}

/**
 * Issues a code to `phone` for `accountId` and sends it. An earlier code of the same account and purpose
 * stops working. The limits are checked under advisory locks on the phone and the address, so parallel
 * requests cannot both pass the count. `resendSeconds` is the least interval between two codes to one phone
 * (the config's SMS_RESEND_SECONDS).
 */
export async function issueSmsCode(
  db: Database,
  provider: SmsProvider,
  input: { accountId: number; phone: string; purpose: SmsCodePurpose; ip: string },
  resendSeconds: number,
): Promise<SmsCodeSent> {
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const id = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms-phone:${input.phone}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms-ip:${input.ip}`}))`);
    await checkLimits(tx, input.phone, input.ip, resendSeconds);
    await tx
      .update(smsCodes)
      .set({ expiresAt: sql`now()` })
      .where(and(eq(smsCodes.accountId, input.accountId), eq(smsCodes.purpose, input.purpose), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, sql`now()`)));
    const [row] = await tx
      .insert(smsCodes)
      .values({
        accountId: input.accountId,
        phone: input.phone,
        purpose: input.purpose,
        codeHash: hashCode(code),
        expiresAt: sql`now() + make_interval(mins => ${SMS_CODE_TTL_MINUTES})`,
        ip: input.ip,
      })
      .returning({ id: smsCodes.id });
    return row.id;
  });
  const content = `【医师定期考核】您的验证码为${code}，${SMS_CODE_TTL_MINUTES}分钟内有效，用于${purposeText[input.purpose]}。如非本人操作，请忽略本短信。`;
  try {
    await sendSms(db, provider, { phone: input.phone, content, purpose: input.purpose });
  } catch (err) {
    // A code nobody received must not stay valid; it still counts towards the limits.
    await db.update(smsCodes).set({ expiresAt: sql`now()` }).where(eq(smsCodes.id, id));
    throw err;
  }
  return { phoneMasked: maskPhone(input.phone), resendAfterSeconds: resendSeconds, expiresInMinutes: SMS_CODE_TTL_MINUTES };
}

/**
 * Uses up the live code of this account, purpose and phone if `code` matches (one conditional UPDATE, so
 * two requests cannot both use it); otherwise counts a wrong try, and the fifth burns the code.
 * Throws 400 with the message on the `code` field.
 */
export async function consumeSmsCode(
  db: Database,
  input: { accountId: number; phone: string; purpose: SmsCodePurpose; code: string },
): Promise<void> {
  const live = and(
    eq(smsCodes.accountId, input.accountId),
    eq(smsCodes.purpose, input.purpose),
    eq(smsCodes.phone, input.phone),
    isNull(smsCodes.usedAt),
    gt(smsCodes.expiresAt, sql`now()`),
    lt(smsCodes.failedAttempts, SMS_LIMITS.maxWrongTries),
  );
  const [used] = await db
    .update(smsCodes)
    .set({ usedAt: sql`now()` })
    .where(and(live, eq(smsCodes.codeHash, hashCode(input.code))))
    .returning({ id: smsCodes.id });
  if (used) return;
  const [missed] = await db
    .update(smsCodes)
    .set({ failedAttempts: sql`${smsCodes.failedAttempts} + 1` })
    .where(live)
    .returning({ failedAttempts: smsCodes.failedAttempts });
  const message = missed && missed.failedAttempts >= SMS_LIMITS.maxWrongTries ? CODE_BURNT : CODE_INVALID;
  throw badRequest(message, { code: message });
}

/** Rows older than two days no longer count towards any limit; they hold phone numbers and addresses. */
export async function purgeOldSmsCodes(db: Database): Promise<void> {
  await db.delete(smsCodes).where(lt(smsCodes.createdAt, sql`now() - interval '2 days'`));
}
