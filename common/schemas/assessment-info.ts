// 考核信息查询 (seed 001 §1.5): per 执业地点 the review or evaluation state, for the current cycle and the two before it.
import { z } from 'zod';
import { enrolmentStatuses } from '../enums.js';

/** What a row says when there is nothing to say: no enrolment in that cycle, or no result yet. */
export const NONE_LABEL = '无';
/** The state of a 多点执业 site: the assessment is done by the 主要执业机构 only. */
export const NOT_APPLICABLE_LABEL = '—';

export const assessmentResultLabels = { passed: '合格', failed: '不合格' } as const;

export const assessmentSiteSchema = z.object({
  /** main: the enrolment's institution (主要执业机构); multiSite: a 多点执业 site. */
  kind: z.enum(['main', 'multiSite']),
  institutionName: z.string(),
  departmentName: z.string().nullable(),
  status: z.enum(enrolmentStatuses).nullable(),
  /** 审核或评定情况: the enrolment status's label, 无, or — for a 多点执业 site. */
  statusLabel: z.string(),
  /** 合格 / 不合格 / 无, or — for a 多点执业 site. */
  resultLabel: z.string(),
});
export type AssessmentSite = z.infer<typeof assessmentSiteSchema>;

/** A submitted test of the cycle: 试卷, 首次考核 / 补考, score and whether it passed. */
export const assessmentScoreSchema = z.object({
  paperLabel: z.string(),
  stageLabel: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  submittedAt: z.string().nullable(),
});
export type AssessmentScore = z.infer<typeof assessmentScoreSchema>;

export const assessmentCycleSchema = z.object({
  cycleId: z.number(),
  /** The 测评 of the cycle (成绩), oldest first. */
  scores: z.array(assessmentScoreSchema),
  /** The 合格证书 of the cycle (下载证书), when 考核完成 合格. */
  certificate: z.object({ id: z.number(), number: z.string(), status: z.enum(['valid', 'revoked']), issuedOn: z.string() }).nullable(),
  cycleName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  isCurrent: z.boolean(),
  sites: z.array(assessmentSiteSchema),
});
export type AssessmentCycle = z.infer<typeof assessmentCycleSchema>;

/** Newest first: the current cycle (本届) and the two before it (前两届), as far as the province has them. */
export const assessmentInfoSchema = z.object({ items: z.array(assessmentCycleSchema) });
export type AssessmentInfo = z.infer<typeof assessmentInfoSchema>;
