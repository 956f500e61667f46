// 医疗机构考核 by a 多点执业 site (seed 000 §8, FAQ 11.2), where the 考核政策 「所有多点执业机构均须评价」 is on: the site
// lists the current cycle's enrolled physicians who practise there and records 职业道德 / 工作业绩 for each.
import { z } from 'zod';
import { enrolmentStatuses, practiceCategories } from '../enums.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { idNumberFilter } from './physician.js';
import { evaluationBodySchema, evaluationSchema } from './review.js';

/** 评价状态. */
export const siteEvaluationStates = ['pending', 'evaluated'] as const;
export type SiteEvaluationState = (typeof siteEvaluationStates)[number];
export const siteEvaluationStateLabels: Record<SiteEvaluationState, string> = { pending: '未评价', evaluated: '已评价' };

/** The filters of the list, which the 「职业道德 工作成绩合格」 button applies too. */
export const siteEvaluationFilterFields = {
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
};

export const siteEvaluationListQuerySchema = z.object({
  ...siteEvaluationFilterFields,
  state: z.enum(siteEvaluationStates, { error: '评价状态不正确' }).optional(),
  ...pageQueryFields,
});
export type SiteEvaluationListQuery = z.input<typeof siteEvaluationListQuerySchema>;

export const siteEvaluationItemSchema = z.object({
  enrolmentId: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  /** 主要执业机构 and the department the physician practises in here. */
  mainInstitutionName: z.string(),
  departmentName: z.string().nullable(),
  enrolmentStatus: z.enum(enrolmentStatuses),
  /** This site's evaluation; null while 未评价. */
  evaluation: evaluationSchema.nullable(),
});
export type SiteEvaluationItem = z.infer<typeof siteEvaluationItemSchema>;

export const siteEvaluationListSchema = pageOf(siteEvaluationItemSchema).extend({
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** 未评价 physicians the filters (without 评价状态) match: what 「职业道德 工作成绩合格」 would pass. */
  pendingTotal: z.number(),
});
export type SiteEvaluationList = z.infer<typeof siteEvaluationListSchema>;

/** 保存 of one row: the same shape and messages as the main institution's 工作成绩 / 职业道德 evaluation. */
export const siteEvaluationBodySchema = evaluationBodySchema;
export type SiteEvaluationBody = z.input<typeof siteEvaluationBodySchema>;

/** 「职业道德 工作成绩合格」: every 未评价 physician the filters match passes; `expected` is the count the confirm showed. */
export const siteEvaluationBatchBodySchema = z.object({
  ...siteEvaluationFilterFields,
  expected: z.number({ error: '缺少待评价人数，请刷新后重试' }).int('待评价人数不正确').min(1, '没有待评价的医师'),
});
export type SiteEvaluationBatchBody = z.input<typeof siteEvaluationBatchBodySchema>;

export const SITE_EVALUATION_BATCH_WARNING = '此功能影响数据量比较多，慎用！';
