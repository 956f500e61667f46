import { z } from 'zod';

/** Every error the API returns: a stable code, a Chinese message, and per-field messages for forms. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>['error'];
