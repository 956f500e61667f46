import { z } from 'zod';
import { windowKeys, windowStates } from '../enums.js';

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
