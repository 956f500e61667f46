import { z } from 'zod';

export const windowKeys = ['assessorApplication', 'registration', 'review', 'test'] as const;
export type WindowKey = (typeof windowKeys)[number];
export const windowLabels: Record<WindowKey, string> = {
  assessorApplication: '考核机构申请',
  registration: '医师报名',
  review: '报名信息审核',
  test: '测评考核',
};
export const windowStates = ['notStarted', 'open', 'ended'] as const;
export const windowStateLabels = { notStarted: '未开始', open: '进行中', ended: '已结束' } as const;

export const scheduleWindowSchema = z.object({
  key: z.enum(windowKeys),
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

export const homeSchema = z.object({
  greeting: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  cycle: cycleSummarySchema.nullable(),
});
export type Home = z.infer<typeof homeSchema>;
