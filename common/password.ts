// Password rules (DESIGN §6) and the province's initial-password rule (DESIGN §1).
import type { InitialPasswordRule } from './enums.js';

export const PASSWORD_RULE_TEXT = '密码至少8位，且包含大写字母、小写字母、数字、特殊字符中的三种';

/** Returns null when the password is strong enough, else the Chinese reason. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return PASSWORD_RULE_TEXT;
  if (password.length > 64) return '密码长度不能超过64位';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return classes >= 3 ? null : PASSWORD_RULE_TEXT;
}

/** The initial password an account has until it is changed, per the province's rule. */
export function initialPassword(rule: InitialPasswordRule, account: string): string {
  return rule === 'fixed666666' ? '666666' : `${account.slice(-6)}*Dk`;
}

/**
 * The rule in words, for whoever resets or creates an account and must tell its owner (seed 002: 「重置为初始密码666666」).
 * Physicians' rule applies to the 证件号码, organisations' to the 机构账号.
 */
export function initialPasswordText(rule: InitialPasswordRule, kind: 'physician' | 'organization'): string {
  return rule === 'fixed666666' ? '初始密码为666666' : `初始密码为${kind === 'physician' ? '证件号码' : '机构账号'}后6位+*Dk`;
}
