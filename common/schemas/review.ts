// 审核 / 复核 (seed 002 §1.6–1.8, seed 003 §2.2.6–2.2.8, seed 004 slides 18–19): the lists of 一般程序 / 简易程序 /
// 免考 for the institution (审核) and its assessor (复核), the record with its three tabs, and the decisions.
import { z } from 'zod';
import { enrolmentStatuses, physicianLevels, practiceCategories } from '../enums.js';
import { procedures } from '../papers.js';
import { MAX_ID, dateField, idField, idValue, requiredText, todayCached } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { filterDate, idNumberFilter, physicianDetailSchema } from './physician.js';
import { exemptionStatuses, registrationFileSchema, simplifiedCheckSchema, timelineEntrySchema, workloadKinds } from './registration.js';

/** Which list: 一般程序, 简易程序 (the registration review) or 免考 (the exemption review). */
export const reviewKinds = ['standard', 'simplified', 'exemption'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
/** The menu items and page titles, for the institution (审核) and the assessor (复核). */
export const reviewKindLabels: Record<'institution' | 'assessor', Record<ReviewKind, string>> = {
  institution: { standard: '一般程序审核', simplified: '简易程序审核', exemption: '免考审核' },
  assessor: { standard: '一般程序复核', simplified: '简易程序复核', exemption: '免考复核' },
};

export const reviewTabs = ['pending', 'reviewed'] as const;
export type ReviewTab = (typeof reviewTabs)[number];
export const reviewTabLabels: Record<ReviewTab, string> = { pending: '未审核', reviewed: '已审核' };

/** Under 未审核 of the institution's registration lists: new registrations, or those its assessor returned. */
export const pendingKinds = ['submitted', 'returnedByAssessor'] as const;
export type PendingKind = (typeof pendingKinds)[number];
export const pendingKindLabels: Record<PendingKind, string> = { submitted: '报名待审核', returnedByAssessor: '考核机构驳回待审核' };

/** 工作成绩 / 职业道德: 合格 or 不合格. */
export const verdicts = ['passed', 'failed'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabels: Record<Verdict, string> = { passed: '合格', failed: '不合格' };

const positiveId = (label: string) => idField(label);

export const reviewFilterFields = {
  kind: z.enum(reviewKinds, { error: '审核类型只能为一般程序、简易程序或免考' }),
  tab: z.enum(reviewTabs, { error: '列表只能为未审核或已审核' }).default('pending'),
  pendingKind: z.enum(pendingKinds, { error: '待审核类型不正确' }).optional(),
  /** The assessor's and the authority's 卫生机构 filter; an institution's own list ignores it. */
  institutionId: positiveId('卫生机构').optional(),
  departmentId: positiveId('科室').optional(),
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
  firstRegistrationFrom: filterDate('首次注册时间（开始）'),
  firstRegistrationTo: filterDate('首次注册时间（结束）'),
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
  physicianLevel: z.enum(physicianLevels, { error: '医师级别不正确' }).optional(),
  /** 考核程序, in the 免考 lists (both procedures may apply for 免考). */
  procedure: z.enum(procedures, { error: '考核程序不正确' }).optional(),
};
export const reviewListQuerySchema = z.object({ ...reviewFilterFields, ...pageQueryFields }).superRefine((v, ctx) => {
  if (v.firstRegistrationFrom && v.firstRegistrationTo && v.firstRegistrationFrom > v.firstRegistrationTo) {
    ctx.addIssue({ code: 'custom', path: ['firstRegistrationTo'], message: '首次注册时间的结束日期不能早于开始日期' });
  }
});
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;
export type ReviewListQueryInput = z.input<typeof reviewListQuerySchema>;

export const reviewItemSchema = z.object({
  enrolmentId: z.number(),
  physicianId: z.number(),
  /** The enrolment's version, sent back with 提交 / 驳回 / 批量审核 (409 when someone else acted first). */
  version: z.number(),
  /** The registration's version, sent back with the 免考 decisions. */
  exemptionVersion: z.number(),
  institutionId: z.number(),
  institutionName: z.string(),
  departmentName: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  physicianLevel: z.enum(physicianLevels).nullable(),
  procedure: z.enum(procedures).nullable(),
  firstRegistrationDate: z.string().nullable(),
  status: z.enum(enrolmentStatuses),
  exemptionStatus: z.enum(exemptionStatuses),
  submittedAt: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewListSchema = pageOf(reviewItemSchema).extend({
  /** Why the actor cannot decide now (no assessor assigned, outside the 报名信息审核 window); null when it can. */
  blockMessage: z.string().nullable(),
});
export type ReviewList = z.infer<typeof reviewListSchema>;

export const evaluationSchema = z.object({
  workPerformance: z.enum(verdicts),
  workPerformanceReason: z.string().nullable(),
  ethics: z.enum(verdicts),
  ethicsReason: z.string().nullable(),
  evaluatedAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const opinionSchema = z.object({ id: z.number(), institutionName: z.string(), opinion: z.string(), opinionDate: z.string(), createdAt: z.string() });
export type Opinion = z.infer<typeof opinionSchema>;

/** What the actor may do on the record; the server decides, the page shows the buttons. */
export const reviewActions = ['approve', 'reject', 'addOpinion', 'approveExemption', 'rejectExemption'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export const reviewRecordSchema = z.object({
  enrolmentId: z.number(),
  version: z.number(),
  cycleName: z.string(),
  status: z.enum(enrolmentStatuses),
  result: z.enum(verdicts).nullable(),
  procedure: z.enum(procedures).nullable(),
  submittedAt: z.string().nullable(),
  /** 医师信息: the registry record (基本信息, 执业信息, 多机构备案, 教育经历, 执业经历, 考核历史). */
  physician: physicianDetailSchema,
  /** 工作成绩、职业道德 as submitted (step 4), and the 考核程序 step (简易程序 申请理由, 个人述职, 免考). */
  conduct: z.record(z.string(), z.unknown()).nullable(),
  procedureStep: z.record(z.string(), z.unknown()).nullable(),
  workloadKinds: z.array(z.enum(workloadKinds)),
  /** 执业证书 pages, 简易程序 申请材料, 免考 材料. */
  files: z.array(registrationFileSchema),
  simplifiedCheck: simplifiedCheckSchema.nullable(),
  exemption: z.object({
    requested: z.boolean(),
    reason: z.string().nullable(),
    status: z.enum(exemptionStatuses),
    rejectReason: z.string().nullable(),
    version: z.number(),
  }),
  evaluation: evaluationSchema.nullable(),
  opinions: z.array(opinionSchema),
  /** The latest 驳回 reason (the assessor's, while it waits for the institution again). */
  returnReason: z.string().nullable(),
  /** 提交日志: every step of the enrolment with its reason, oldest first. */
  timeline: z.array(timelineEntrySchema),
  actions: z.array(z.enum(reviewActions)),
  blockMessage: z.string().nullable(),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

const versionField = z.number({ error: '缺少版本号，请刷新页面' }).int('版本号不正确').positive('版本号不正确').max(MAX_ID, '版本号不正确');
const optionalReason = (label: string) => z.string({ error: `${label}格式不正确` }).trim().max(200, `${label}不能超过200个字符`).nullish().transform((v) => v || null);

/** 医疗卫生机构评定意见: a reason is required for 不合格. */
export const evaluationBodySchema = z
  .object({
    workPerformance: z.enum(verdicts, { error: '请评定工作成绩' }),
    workPerformanceReason: optionalReason('工作成绩不合格理由'),
    ethics: z.enum(verdicts, { error: '请评定职业道德' }),
    ethicsReason: optionalReason('职业道德不合格理由'),
  })
  .superRefine((v, ctx) => {
    if (v.workPerformance === 'failed' && !v.workPerformanceReason) ctx.addIssue({ code: 'custom', path: ['workPerformanceReason'], message: '请输入工作成绩不合格理由' });
    if (v.ethics === 'failed' && !v.ethicsReason) ctx.addIssue({ code: 'custom', path: ['ethicsReason'], message: '请输入职业道德不合格理由' });
  });
export type EvaluationBody = z.input<typeof evaluationBodySchema>;

/** 提交 (institution, with its evaluation) or 通过 (assessor, without). */
export const approveBodySchema = z.object({ version: versionField, evaluation: evaluationBodySchema.optional() });
export type ApproveBody = z.input<typeof approveBodySchema>;

export const rejectBodySchema = z.object({ version: versionField, reason: requiredText('驳回理由', 200) });
export type RejectBody = z.input<typeof rejectBodySchema>;

/** 批量审核 (seed 000 §7–8): every chosen registration passes with 工作成绩 and 职业道德 合格, or none does. */
export const BATCH_REVIEW_MAX = 5000;
export const batchApproveBodySchema = z.object({
  items: z
    .array(z.object({ enrolmentId: idValue('医师不正确'), version: versionField }), { error: '请选择医师' })
    .min(1, '请选择医师')
    .max(BATCH_REVIEW_MAX, `一次最多审核${BATCH_REVIEW_MAX}名医师`),
});
export type BatchApproveBody = z.input<typeof batchApproveBodySchema>;
export const BATCH_REVIEW_WARNING = '此功能影响数据量比较多，慎用！';

/** 【新增意见】: another practice site's opinion. */
export const opinionBodySchema = z.object({
  institutionName: requiredText('执业机构', 128),
  opinion: requiredText('意见', 500),
  opinionDate: dateField('日期').refine((v) => v <= todayCached(), '日期不能晚于今天'),
});
export type OpinionBody = z.input<typeof opinionBodySchema>;

export const exemptionApproveBodySchema = z.object({ version: versionField });
export const exemptionRejectBodySchema = rejectBodySchema;

/** The answer of 409 when another reviewer acted first. */
export const STALE_REVIEW_MESSAGE = '该记录已被他人处理，请刷新';
