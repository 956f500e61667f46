// Form rules from the API's zod schemas, so a form checks exactly what the server will.
import type { FormRule } from 'antd';
import type { z } from 'zod';

/** An antd rule that runs `schema` on the field's value and shows its first message. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
