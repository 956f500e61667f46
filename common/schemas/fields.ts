// Field schemas shared by the forms of several domains; each message names the field.
import { todayInChina } from '../schedule.js';
import { z } from 'zod';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD (checked with Date.UTC: imports check hundreds of thousands). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

let today = { at: 0, value: '' };
/** Today in China, recomputed at most once a minute. */
export function todayCached(): string {
  if (Date.now() - today.at > 60_000) today = { at: Date.now(), value: todayInChina() };
  return today.value;
}

/** Control characters a person cannot type (NUL and the like; tab and line breaks are text). PostgreSQL refuses NUL. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const hasNoControlChars = (value: string | null | undefined) => !value || !CONTROL_CHARS.test(value);
export const illegalCharsMessage = (label: string) => `${label}含有非法字符`;

/** Largest id a PostgreSQL `integer`/`serial` column holds. */
export const MAX_ID = 2_147_483_647;

/** A record id from a path or query (coerced from text): a positive integer the database can hold. */
export const idField = (label: string, message = `${label}不正确`) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(MAX_ID, message);

/** A record id in a JSON body. */
export const idValue = (message: string) => z.number({ error: message }).int(message).positive(message).max(MAX_ID, message);

/** The `:id` of every route. */
export const idParam = z.object({ id: idField('编号', '编号格式不正确') });

/** A plain text field: any length rules are the caller's; control characters are refused naming the field. */
export const text = (label: string) =>
  z.string({ error: `${label}格式不正确` }).refine(hasNoControlChars, illegalCharsMessage(label));

export const requiredText = (label: string, max: number, verb = '请输入') =>
  z
    .string({ error: `${verb}${label}` })
    .trim()
    .min(1, `${verb}${label}`)
    .max(max, `${label}不能超过${max}个字符`)
    .refine(hasNoControlChars, illegalCharsMessage(label));

/** An optional text: empty or missing becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}不能超过${max}个字符`)
    .refine(hasNoControlChars, illegalCharsMessage(label))
    .nullish()
    .transform((v) => v || null);

/** A calendar date as YYYY-MM-DD. */
export function dateField(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .refine(isCalendarDate, `${label}不是有效日期`);
}

/** An optional calendar date, not in the future: empty or missing becomes null. */
export const optionalPastDate = (label: string) =>
  z
    .string({ error: `${label}不是有效日期` })
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isCalendarDate(v), `${label}不是有效日期`)
    .refine((v) => v === null || v <= todayCached(), `${label}不能晚于今天`);

/** One of `values`, or null when empty. */
export const optionalOneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z
    .union([z.enum(values, { error: `${label}不正确` }), z.literal('')], { error: `${label}不正确` })
    .nullish()
    .transform((v) => (v ? v : null));
