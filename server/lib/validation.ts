// Request validation, once for every route: a scan that refuses control characters (NUL …) in any string of
// params, query or body, whatever schema the route has (PostgreSQL refuses NUL in text, which used to end as
// a 500), then zod, with Chinese messages for any issue a schema left unworded.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTROL_CHARS, illegalCharsMessage } from '../../common/schemas/fields.js';

const ROOT_NOT_OBJECT = '请求内容须为JSON对象';

z.config(z.locales.zhCN());
z.config({
  customError: (issue) =>
    // Only a whole body of the wrong type (null, a list, a number): field-level messages come from the schemas.
    issue.code === 'invalid_type' && issue.expected === 'object' && (issue.path?.length ?? 0) === 0 ? ROOT_NOT_OBJECT : undefined,
});

type Path = (string | number)[];

/** The path of the first string holding a control character, or null. */
export function findControlChars(value: unknown, path: Path = [], depth = 0): Path | null {
  if (typeof value === 'string') return CONTROL_CHARS.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL_CHARS.test(key)) return [...path, key];
    const found = findControlChars(item, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return null;
}

const LABEL_PREFIX = /^(请输入|请选择|请上传|请填写|请指定)/;
const LABEL_SUFFIX = /(格式不正确|不正确|不是有效日期|不能为空|须为.*|不能超过.*|只能为.*)$/;

/**
 * The field's Chinese name, read from the message the route's own schema gives when that field has the
 * wrong type (our schemas' messages name the field: 「请输入姓名」, 「机构不正确」); 「输入内容」 otherwise.
 */
function labelOf(schema: z.ZodType, data: unknown, path: Path): string {
  if (path.length === 0) return '输入内容';
  const probe = structuredClone(data) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = probe;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = Symbol('probe');
  const issue = schema.safeParse(probe).error?.issues.find((i) => i.path.join('.') === path.join('.'));
  const label = issue?.message.replace(LABEL_PREFIX, '').replace(LABEL_SUFFIX, '').trim();
  return label && label.length <= 20 && !/[a-z]/i.test(label) ? label : '输入内容';
}

export const safeValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data: unknown) => {
    // First: a control character is refused even when other fields are wrong too.
    const path = findControlChars(data);
    if (!path) return validate(data);
    const message = illegalCharsMessage(labelOf(route.schema, data, path));
    // Reported as a zod issue at the field, so the error handler answers it like any other field error.
    const refusal = z.any().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path, message }));
    return validatorCompiler({ ...route, schema: refusal })(data);
  };
};
