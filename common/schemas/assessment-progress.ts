// 进度管理 › 考核进度 (seed 003 §2.2.9, seed 002 §1.9, seed 004 slide 19) and 考核情况综合查询 (seed 000 §10):
// the enrolled physicians of the current cycle with their 考核状态, for an institution, its assessor or an authority.
import { z } from 'zod';
import { enrolmentStatusLabels, enrolmentStatuses, physicianLevels, practiceCategories, type EnrolmentStatus } from '../enums.js';
import { procedureLabels, procedures } from '../papers.js';
import { idField } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { ageFilter, idNumberFilter } from './physician.js';
import { exemptionStatuses } from './registration.js';

/** The 考核状态 of 考核进度: every status but 未确认参加 (those physicians are not in the cycle). */
export type ProgressStatus = Exclude<EnrolmentStatus, 'NOT_ENROLLED'>;
export const progressStatuses = enrolmentStatuses.filter((s): s is ProgressStatus => s !== 'NOT_ENROLLED') as [ProgressStatus, ...ProgressStatus[]];

/** What each 考核状态 means, in the words of seed 003 §2.2.9 (shown as the filter's help). */
export const progressStatusHelp: Record<ProgressStatus, string> = {
  PENDING_REGISTRATION: '本单位已允许医师报名，医师尚未提交报名信息',
  RETURNED_BY_INSTITUTION: '医师提交的报名信息被医疗卫生机构驳回，可再次编辑后提交',
  RETURNED_BY_AUTHORITY: '报名信息被卫生行政部门退回，医师可再次编辑后提交',
  PENDING_INSTITUTION_REVIEW: '医师的报名信息待本单位审核',
  RETURNED_BY_ASSESSOR: '报名信息已通过本单位审核，但被考核机构复核驳回，需医疗卫生机构再次审核',
  PENDING_ASSESSOR_REVIEW: '报名信息已通过本单位初审，正在由考核机构复核',
  AWAITING_TEST: '报名已审核通过，等待参加医学人文或业务水平测评考核',
  PENDING_RETAKE_CONFIRMATION: '首次考核不合格，等待省级卫生行政部门确认是否允许补考',
  AWAITING_RETAKE: '卫生行政部门已确认医师参加补考',
  COMPLETED: '考核已完成，结果为合格或不合格',
};

/** 考核程序 as a filter and a column: the two procedures, or 待填报信息 before the first 提交. */
export const progressProcedures = [...procedures, 'none'] as const;
export type ProgressProcedure = (typeof progressProcedures)[number];
export const progressProcedureLabels: Record<ProgressProcedure, string> = { ...procedureLabels, none: '待填报信息' };

/** 考核结果: 合格 / 不合格 once completed, 无 before. */
export const progressResults = ['passed', 'failed', 'none'] as const;
export type ProgressResult = (typeof progressResults)[number];
export const progressResultLabels: Record<ProgressResult, string> = { passed: '合格', failed: '不合格', none: '无' };

const positiveId = (label: string) => idField(label);

/** 区划 (GB/T 2260 code), the authority's filter; empty means the whole jurisdiction. */
const regionCodeFilter = z
  .string({ error: '区划不正确' })
  .trim()
  .refine((v) => v === '' || /^\d{6}$/.test(v), '区划须为6位行政区划代码')
  .optional()
  .transform((v) => v || undefined);

/** Whose progress: one institution (the assessor's 卫生机构, the authority's 机构) or a region of the jurisdiction. */
export const progressScopeFields = {
  institutionId: positiveId('机构').optional(),
  regionCode: regionCodeFilter,
};

export const progressFilterFields = {
  ...progressScopeFields,
  departmentId: positiveId('科室').optional(),
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
  ageMin: ageFilter('年龄下限'),
  ageMax: ageFilter('年龄上限'),
  physicianLevel: z.enum(physicianLevels, { error: '医师级别不正确' }).optional(),
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
  procedure: z.enum(progressProcedures, { error: '考核程序不正确' }).optional(),
  result: z.enum(progressResults, { error: '考核结果不正确' }).optional(),
  exemptionStatus: z.enum(exemptionStatuses, { error: '免考状态不正确' }).optional(),
  status: z.enum(progressStatuses, { error: '考核状态不正确' }).optional(),
};

const ageRange = (v: { ageMin?: number; ageMax?: number }, ctx: z.RefinementCtx) => {
  if (v.ageMin !== undefined && v.ageMax !== undefined && v.ageMin > v.ageMax) {
    ctx.addIssue({ code: 'custom', path: ['ageMax'], message: '年龄上限不能小于下限' });
  }
};

/** The filters of 考核进度 (also those of its 导出). */
export const progressFiltersSchema = z.object(progressFilterFields).superRefine(ageRange);
export type ProgressFilters = z.output<typeof progressFiltersSchema>;
export type ProgressFiltersInput = z.input<typeof progressFiltersSchema>;

export const progressListQuerySchema = z.object({ ...progressFilterFields, ...pageQueryFields }).superRefine(ageRange);
export type ProgressListQuery = z.output<typeof progressListQuerySchema>;

/** One row of 考核进度: 科室, 姓名, 年龄, 证件号码 (masked), 执业类别, 医师级别, 考核程序, 考核状态, 免考状态, 考核结果. */
export const progressItemSchema = z.object({
  enrolmentId: z.number(),
  physicianId: z.number(),
  institutionId: z.number(),
  /** 卫生机构, shown to the assessor and the authority. */
  institutionName: z.string(),
  departmentName: z.string().nullable(),
  name: z.string(),
  age: z.number().nullable(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  physicianLevel: z.enum(physicianLevels).nullable(),
  procedure: z.enum(progressProcedures),
  status: z.enum(progressStatuses),
  exemptionStatus: z.enum(exemptionStatuses),
  result: z.enum(progressResults),
  /** The registration was submitted at least once: 查看 opens its record; before that, the physician's information. */
  submitted: z.boolean(),
});
export type ProgressItem = z.infer<typeof progressItemSchema>;

/** The current cycle the page shows, or null when the province has none (then nothing is listed). */
const cycleField = z.object({ id: z.number(), name: z.string() }).nullable();

/** A jurisdiction-wide list counts only up to this many rows; `total` is then a lower bound. */
export const PROGRESS_COUNT_CAP = 10_000;

export const progressListSchema = pageOf(progressItemSchema).extend({
  cycle: cycleField,
  totalCapped: z.boolean(),
});
export type ProgressList = z.infer<typeof progressListSchema>;

// ---------------------------------------------------------------- 考核情况综合查询

export const progressSummaryQuerySchema = z.object(progressScopeFields);
export type ProgressSummaryQuery = z.output<typeof progressSummaryQuerySchema>;

export const categorySummarySchema = z.object({
  practiceCategory: z.enum(practiceCategories),
  /** 参加考核 (enrolled), 考核完成, of which 合格 / 不合格. */
  total: z.number(),
  completed: z.number(),
  passed: z.number(),
  failed: z.number(),
});
export type CategorySummary = z.infer<typeof categorySummarySchema>;

export const progressSummarySchema = z.object({
  cycle: cycleField,
  /** Every enrolled physician of the scope (all statuses but 未确认参加). */
  total: z.number(),
  /** 已提交报名: past 待报名 (submitted at least once and not returned). */
  submitted: z.number(),
  byStatus: z.array(z.object({ status: z.enum(progressStatuses), count: z.number() })),
  byProcedure: z.array(z.object({ procedure: z.enum(progressProcedures), count: z.number() })),
  byResult: z.array(z.object({ result: z.enum(progressResults), count: z.number() })),
  byCategory: z.array(categorySummarySchema),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

// ---------------------------------------------------------------- the 卫生机构 / 机构 picker

export const progressInstitutionQuerySchema = z.object({
  name: z.string({ error: '机构名称格式不正确' }).trim().max(64, '机构名称不能超过64个字符').optional().transform((v) => v || undefined),
});
export const progressInstitutionOptionsSchema = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });
export type ProgressInstitutionOption = z.infer<typeof progressInstitutionOptionsSchema>['items'][number];

/** The label of a 考核状态 (the seeds' wording). */
export const progressStatusLabel = (status: ProgressStatus): string => enrolmentStatusLabels[status];
