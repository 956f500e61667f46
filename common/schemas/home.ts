import { z } from 'zod';
import { scheduleKeys, windowStates } from '../enums.js';

export const scheduleWindowSchema = z.object({
  key: z.enum(scheduleKeys),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  state: z.enum(windowStates),
});

export const cycleSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  windows: z.array(scheduleWindowSchema),
});
export type CycleSummary = z.infer<typeof cycleSummarySchema>;

/** The tiles of 待处理任务 (seed 003 §2.2.2): the institution's four, the assessor's three. */
export const pendingTaskKeys = ['standardReview', 'simplifiedReview', 'exemptionReview', 'infoChange'] as const;
export type PendingTaskKey = (typeof pendingTaskKeys)[number];

export const pendingTaskSchema = z.object({
  key: z.enum(pendingTaskKeys),
  label: z.string(),
  count: z.number(),
  /** The page 去处理 opens. */
  path: z.string(),
});
export type PendingTask = z.infer<typeof pendingTaskSchema>;

/** The assessor's tiles: what its assigned institutions passed and it has to re-review (复核). */
export const assessorPendingTasks: Record<Exclude<PendingTaskKey, 'infoChange'>, { label: string; path: string }> = {
  standardReview: { label: '一般程序待复核', path: '/reviews/standard' },
  simplifiedReview: { label: '简易程序待复核', path: '/reviews/simplified' },
  exemptionReview: { label: '免考申请待复核', path: '/reviews/exemption' },
};

export const homeSchema = z.object({
  greeting: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  cycle: cycleSummarySchema.nullable(),
  /** 待处理任务 of the assessor (复核); empty for the other roles (the institution's are on its own home). */
  tasks: z.array(pendingTaskSchema),
});
export type Home = z.infer<typeof homeSchema>;
