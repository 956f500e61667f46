// 证件号码 rules: GB 11643 (ISO 7064 MOD 11-2) for 居民身份证, format checks for other ID types.
import type { IdType, Sex } from './enums.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberResult =
  | { ok: true; value: string; birthDate?: string; sex?: Sex }
  | { ok: false; message: string };

// Date.UTC, not a parsing library: an import checks this hundreds of thousands of times.
function validBirthDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > Date.now()) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Validates a 居民身份证 number; a 15-digit one is converted to its 18-digit form. */
export function normalizeResidentId(raw: string): IdNumberResult {
  const input = raw.trim().toUpperCase();
  let id18: string;
  if (/^\d{15}$/.test(input)) {
    const first17 = `${input.slice(0, 6)}19${input.slice(6)}`;
    id18 = first17 + residentIdCheckChar(first17);
  } else if (/^\d{17}[\dX]$/.test(input)) {
    if (residentIdCheckChar(input.slice(0, 17)) !== input[17]) {
      return { ok: false, message: '证件号码校验位不正确，请核对' };
    }
    id18 = input;
  } else {
    return { ok: false, message: '证件号码应为18位（或15位）居民身份证号码' };
  }
  const birthDate = validBirthDate(id18.slice(6, 14));
  if (!birthDate) return { ok: false, message: '证件号码中的出生日期无效' };
  const sex: Sex = Number(id18[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: id18, birthDate, sex };
}

const OTHER_FORMATS: Record<Exclude<IdType, 'resident'>, { pattern: RegExp; message: string }> = {
  officer: { pattern: /^[\u4e00-\u9fa5]{1,4}字第\d{5,8}号$/, message: '军官证号码格式应为“X字第NNNNNNN号”' },
  hkmo: { pattern: /^[HM]\d{8}(\d{2})?$/, message: '港澳居民来往内地通行证号码应为H或M开头加8位或10位数字' },
  taiwan: { pattern: /^\d{8}(\d{2})?$/, message: '台湾居民来往大陆通行证号码应为8位或10位数字' },
  passport: { pattern: /^[A-Z0-9]{5,17}$/, message: '护照号码应为5至17位大写字母或数字' },
};

/** Validates and normalizes an ID number of any type (upper case, trimmed). */
export function normalizeIdNumber(idType: IdType, raw: string): IdNumberResult {
  if (idType === 'resident') return normalizeResidentId(raw);
  const value = raw.trim().toUpperCase();
  const rule = OTHER_FORMATS[idType];
  return rule.pattern.test(value) ? { ok: true, value } : { ok: false, message: rule.message };
}

/**
 * The form used for login and lookup: a valid 身份证 in its 18-digit form, anything else upper-cased.
 * Both the 15- and 18-digit forms of the same person therefore find the same account.
 */
export function canonicalIdNumber(raw: string): string {
  const resident = normalizeResidentId(raw);
  return resident.ok ? resident.value : raw.trim().toUpperCase();
}

/** Masked as the manuals show it: first four, five stars, last two (`4301*****11`). */
export function maskIdNumber(value: string): string {
  if (value.length <= 6) return `${value.slice(0, 1)}*****`;
  return `${value.slice(0, 4)}*****${value.slice(-2)}`;
}
