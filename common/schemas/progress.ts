import { z } from 'zod';

/** One rate of 考核进度: `done` of `total`, shown as `x/y` and a percentage. */
export const rateSchema = z.object({ done: z.number(), total: z.number(), percent: z.number() });
export type Rate = z.infer<typeof rateSchema>;

/** 报名完成率 (已填报信息医师), 审核完成率 (已审核信息医师), 最终完成率 (已完成考核医师). */
export const progressSchema = z.object({
  enrolled: z.number(),
  registration: rateSchema,
  review: rateSchema,
  completion: rateSchema,
});
export type Progress = z.infer<typeof progressSchema>;
