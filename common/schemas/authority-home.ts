import { z } from 'zod';
import { cycleSummarySchema } from './home.js';
import { progressSchema } from './progress.js';

/** An institution that has no 考核机构 assigned in the current cycle. */
export const institutionWithoutAssessorSchema = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  /** 区划, e.g. 演示省 长河市 东城区. */
  regionName: z.string(),
});

/** 首页 of the 卫生行政部门: its jurisdiction, 考核安排, counts, 考核进度 and who still lacks a 考核机构. */
export const authorityHomeSchema = z.object({
  greeting: z.string(),
  jurisdiction: z.object({ authorityName: z.string(), regionCode: z.string(), regionPath: z.string() }),
  cycle: cycleSummarySchema.nullable(),
  counts: z.object({
    /** 医疗卫生机构数 */
    institutions: z.number(),
    /** 医师数 */
    physicians: z.number(),
    /** 已确认参加医师数: enrolments of the current cycle other than 未确认参加. */
    enrolled: z.number(),
  }),
  /** 报名完成率, 审核完成率, 最终完成率; null without a current cycle. */
  progress: progressSchema.nullable(),
  /** 未指定考核机构的机构: how many, and the first ten; null without a current cycle. */
  withoutAssessor: z.object({ total: z.number(), items: z.array(institutionWithoutAssessorSchema) }).nullable(),
});
export type AuthorityHome = z.infer<typeof authorityHomeSchema>;
