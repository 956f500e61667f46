// 进度管理 › 测评进度 (seed 003 §2.2.9 (2), seed 002 §1.9) and the assessor's 考核机构考核 (seed 000 §9): one row per
// paper that an enrolment past review must take (the procedure's papers under the 考核政策, minus the one an approved
// 免考 exempts), with its 测评状态, 测评结果 and 考核阶段 from the latest attempt.
import { z } from 'zod';
import { physicianLevels, practiceCategories } from '../enums.js';
import { paperKinds, procedures } from '../papers.js';
import { examStages, submittedByValues } from './exams.js';
import { idField } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { idNumberFilter } from './physician.js';
import { progressScopeFields } from './assessment-progress.js';

/** 测评状态: 未参加 (no attempt), 已参加 (an attempt in progress), 已完成 (submitted). */
export const examProgressStates = ['notTaken', 'inProgress', 'submitted'] as const;
export type ExamProgressState = (typeof examProgressStates)[number];
export const examProgressStateLabels: Record<ExamProgressState, string> = { notTaken: '未参加', inProgress: '已参加', submitted: '已完成' };

/** 测评结果: 无 until an attempt is submitted, then 合格 / 不合格. */
export const examProgressOutcomes = ['none', 'failed', 'passed'] as const;
export type ExamProgressOutcome = (typeof examProgressOutcomes)[number];
export const examProgressOutcomeLabels: Record<ExamProgressOutcome, string> = { none: '无', failed: '不合格', passed: '合格' };

export const examProgressFilterFields = {
  ...progressScopeFields,
  /** The tabs 一般程序 / 简易程序. */
  procedure: z.enum(procedures, { error: '考核程序只能为一般程序或简易程序' }).default('standard'),
  departmentId: idField('科室').optional(),
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
  physicianLevel: z.enum(physicianLevels, { error: '医师级别不正确' }).optional(),
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
  outcome: z.enum(examProgressOutcomes, { error: '测评结果不正确' }).optional(),
  state: z.enum(examProgressStates, { error: '测评状态不正确' }).optional(),
  paper: z.enum(paperKinds, { error: '试卷名称不正确' }).optional(),
  stage: z.enum(examStages, { error: '考核阶段不正确' }).optional(),
};

/** The filters of 测评进度 (also those of its 导出). */
export const examProgressFiltersSchema = z.object(examProgressFilterFields);
export type ExamProgressFilters = z.output<typeof examProgressFiltersSchema>;

export const examProgressListQuerySchema = z.object({ ...examProgressFilterFields, ...pageQueryFields });
export type ExamProgressListQuery = z.output<typeof examProgressListQuerySchema>;

/** One row: 科室, 姓名, 证件号码 (masked), 执业类别, 考核机构, 考核程序, 试卷名称, 测评结果, 测评状态 (and 考核阶段). */
export const examProgressItemSchema = z.object({
  enrolmentId: z.number(),
  institutionId: z.number(),
  /** 医疗卫生机构, shown to the assessor and the authority. */
  institutionName: z.string(),
  departmentName: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  /** 考核机构: the assessor assigned to the institution in the cycle (null while none is). */
  assessorName: z.string().nullable(),
  procedure: z.enum(procedures),
  paper: z.enum(paperKinds),
  stage: z.enum(examStages),
  state: z.enum(examProgressStates),
  outcome: z.enum(examProgressOutcomes),
});
export type ExamProgressItem = z.infer<typeof examProgressItemSchema>;

/** A jurisdiction-wide list counts only up to this many rows (as 考核进度 does); `total` is then a lower bound. */
export { PROGRESS_COUNT_CAP as EXAM_PROGRESS_COUNT_CAP } from './assessment-progress.js';

export const examProgressListSchema = pageOf(examProgressItemSchema).extend({
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  totalCapped: z.boolean(),
});
export type ExamProgressList = z.infer<typeof examProgressListSchema>;

// ---------------------------------------------------------------- 查看

export const examProgressRecordParamsSchema = z.object({
  enrolmentId: idField('编号', '编号格式不正确'),
  paper: z.enum(paperKinds, { error: '试卷名称不正确' }),
});

/** One attempt as 查看 shows it: its times and score, never its questions or answers. */
export const examProgressAttemptSchema = z.object({
  id: z.number(),
  stage: z.enum(examStages),
  status: z.enum(['in_progress', 'submitted']),
  /** 开始时间, 截止时间, 提交时间 (ISO). */
  startedAt: z.string(),
  deadline: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** 提交方式. */
  submittedBy: z.enum(submittedByValues).nullable(),
  /** 成绩, 合格分, 总分, 题量. */
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  passScore: z.number(),
  totalPoints: z.number(),
  questionCount: z.number(),
});
export type ExamProgressAttempt = z.infer<typeof examProgressAttemptSchema>;

/** 查看: the row and every attempt of that paper in the cycle (首次考核, then 补考). */
export const examProgressRecordSchema = z.object({
  item: examProgressItemSchema,
  attempts: z.array(examProgressAttemptSchema),
});
export type ExamProgressRecord = z.infer<typeof examProgressRecordSchema>;
