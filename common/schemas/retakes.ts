// 补考管理 (seeds 002/003, seed 003 §2.2.9 待确认补考 / 待参加补考): who failed the first test (不合格 or 缺考), the
// provincial authority's 允许补考 / 不允许补考 one by one or in batch, and the institution's read-only lists.
import { z } from 'zod';
import { paperKinds } from '../papers.js';
import { idValue } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { progressFilterFields, progressItemSchema } from './assessment-progress.js';

/** 待确认补考 (waiting for the province) and 待参加补考 (allowed, to take in 补考时间). */
export const retakeTabs = ['pending', 'allowed'] as const;
export type RetakeTab = (typeof retakeTabs)[number];
export const retakeTabLabels: Record<RetakeTab, string> = { pending: '待确认补考', allowed: '待参加补考' };

export const failReasons = ['failed', 'absent'] as const;
export type FailReason = (typeof failReasons)[number];
export const failReasonLabels: Record<FailReason, string> = { failed: '不合格', absent: '缺考' };

const { institutionId, regionCode, name, idNumber, practiceCategory, procedure } = progressFilterFields;

export const retakeFilterFields = {
  tab: z.enum(retakeTabs, { error: '列表不正确' }).default('pending'),
  institutionId,
  regionCode,
  name,
  idNumber,
  practiceCategory,
  procedure,
  paper: z.enum(paperKinds, { error: '试卷名称不正确' }).optional(),
  reason: z.enum(failReasons, { error: '不合格原因不正确' }).optional(),
};
export const retakeFiltersSchema = z.object(retakeFilterFields);
export type RetakeFilters = z.output<typeof retakeFiltersSchema>;
export type RetakeFiltersInput = z.input<typeof retakeFiltersSchema>;
export const retakeListQuerySchema = z.object({ ...retakeFilterFields, ...pageQueryFields });
export type RetakeListQuery = z.output<typeof retakeListQuerySchema>;

export const retakeFailureSchema = z.object({
  paper: z.enum(paperKinds),
  paperLabel: z.string(),
  reason: z.enum(failReasons),
  reasonLabel: z.string(),
  score: z.number().nullable(),
});

export const retakeItemSchema = progressItemSchema.omit({ age: true }).extend({ failures: z.array(retakeFailureSchema) });
export type RetakeItem = z.infer<typeof retakeItemSchema>;

export const retakeListSchema = pageOf(retakeItemSchema).extend({
  totalCapped: z.boolean(),
  /** The provincial authority decides; everyone else only reads. */
  canDecide: z.boolean(),
});
export type RetakeList = z.infer<typeof retakeListSchema>;

export const retakeDecisions = ['allow', 'decline'] as const;
export type RetakeDecision = (typeof retakeDecisions)[number];

/** 允许补考 / 不允许补考: the chosen rows, or every row the filter matches (with the count the confirm stated). */
export const retakeDecisionBodySchema = z
  .object({
    decision: z.enum(retakeDecisions, { error: '请选择允许补考或不允许补考' }),
    enrolmentIds: z.array(idValue('记录编号不正确'), { error: '记录编号不正确' }).max(5000, '一次最多处理5000条').optional(),
    filters: retakeFiltersSchema.omit({ tab: true }).optional(),
    expectedCount: z.number({ error: '记录数不正确' }).int('记录数不正确').min(1, '记录数不正确').max(100_000, '记录数不正确').optional(),
    reason: z.string({ error: '请输入不允许补考的理由' }).trim().max(200, '理由不能超过200个字').optional().transform((v) => v || undefined),
  })
  .superRefine((b, ctx) => {
    if (!b.enrolmentIds?.length && !b.filters) ctx.addIssue({ code: 'custom', path: ['enrolmentIds'], message: '请选择要处理的医师' });
    if (b.filters && b.expectedCount === undefined) ctx.addIssue({ code: 'custom', path: ['expectedCount'], message: '请确认要处理的记录数' });
    if (b.decision === 'decline' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请输入不允许补考的理由' });
  });
export type RetakeDecisionBody = z.output<typeof retakeDecisionBodySchema>;
export type RetakeDecisionInput = z.input<typeof retakeDecisionBodySchema>;
export const retakeDecisionResultSchema = z.object({ count: z.number() });
