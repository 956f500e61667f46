// 重置密码 by SMS code and 账户设置 (bound phone): the API's zod schemas, reused by the forms.
import { z } from 'zod';
import { newPasswordSchema } from './auth.js';
import { MOBILE_PATTERN } from './institution.js';

/** SMS codes are six digits. */
export const SMS_CODE_PATTERN = /^\d{6}$/;
/** Seconds before another code may go to the same phone (the page counts down). */
export const SMS_RESEND_SECONDS = 60;
/** Minutes a code stays valid. */
export const SMS_CODE_TTL_MINUTES = 5;

/** 138****0000: the first three and the last four digits. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

const idNumber = z.string({ error: '请输入证件号码' }).trim().min(1, '请输入证件号码').max(32, '证件号码过长');

export const mobileSchema = z
  .string({ error: '请输入手机号码' })
  .trim()
  .min(1, '请输入手机号码')
  .regex(MOBILE_PATTERN, '手机号码须为11位手机号');

export const smsCodeSchema = z
  .string({ error: '请输入短信验证码' })
  .trim()
  .min(1, '请输入短信验证码')
  .regex(SMS_CODE_PATTERN, '短信验证码为6位数字');

export const passwordResetCodeBodySchema = z.object({
  idNumber,
  captcha: z.string({ error: '请输入验证码' }).trim().max(10, '验证码过长').default(''),
});
export type PasswordResetCodeBody = z.infer<typeof passwordResetCodeBodySchema>;

/** Where a code went and when the next one may be asked for. */
export const smsCodeSentSchema = z.object({
  phoneMasked: z.string(),
  resendAfterSeconds: z.number().int(),
  expiresInMinutes: z.number().int(),
});
export type SmsCodeSent = z.infer<typeof smsCodeSentSchema>;

export const passwordResetBodySchema = z.object({
  idNumber,
  code: smsCodeSchema,
  newPassword: newPasswordSchema,
});
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

export const accountSettingsSchema = z.object({
  boundPhoneMasked: z.string().nullable(),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

export const phoneCodeBodySchema = z.object({ phone: mobileSchema });
export type PhoneCodeBody = z.infer<typeof phoneCodeBodySchema>;

export const bindPhoneBodySchema = z.object({ phone: mobileSchema, code: smsCodeSchema });
export type BindPhoneBody = z.infer<typeof bindPhoneBodySchema>;
