// 考核统计 (seed 002/003 menu, seed 000 §10 考核结果汇总): the figures of a cycle's enrolments by 科室 (institution),
// by assigned institution (assessor) or down the jurisdiction province → city → district → institution (authority),
// optionally split by 执业类别, 医师级别, 考核程序, 机构级别 or 机构类型; and the daily 报名 / 审核 / 测评 line.
import { z } from 'zod';
import {
  institutionLevelLabels,
  institutionLevels,
  institutionTypeLabels,
  institutionTypes,
  physicianLevelLabels,
  physicianLevels,
  practiceCategories,
  practiceCategoryLabels,
  type EnrolmentStatus,
} from '../enums.js';
import { procedureLabels, procedures } from '../papers.js';
import { idField } from './fields.js';

/** What a row counts. Every figure counts enrolments of the cycle whose status is not 未确认参加. */
export const statisticsFigureKeys = [
  'enrolled',
  'submitted',
  'reviewed',
  'exempted',
  'awaitingTest',
  'tested',
  'passed',
  'failed',
  'pendingRetakeConfirmation',
  'awaitingRetake',
] as const;
export type StatisticsFigureKey = (typeof statisticsFigureKeys)[number];

export const statisticsFigureLabels: Record<StatisticsFigureKey, string> = {
  enrolled: '应参考',
  submitted: '已报名',
  reviewed: '已审核',
  exempted: '免考',
  awaitingTest: '待测评',
  tested: '已测评',
  passed: '合格',
  failed: '不合格',
  pendingRetakeConfirmation: '待确认补考',
  awaitingRetake: '待参加补考',
};

/** What each figure counts, shown as the tooltip of its column header. */
export const statisticsFigureHelp: Record<StatisticsFigureKey, string> = {
  enrolled: '已确认参加本考核周期的医师（考核状态不是“未确认参加”）',
  submitted: '已提交报名信息的医师（待医疗卫生机构审核及以后的状态；被驳回、被退回待重新提交的不计）',
  reviewed: '报名已通过医疗卫生机构审核和考核机构复核的医师（待参加考核、待确认补考、待参加补考、考核完成）',
  exempted: '免考申请已通过考核机构复核的医师',
  awaitingTest: '考核状态为“待参加考核”的医师',
  tested: '已有测评结果的医师：待确认补考、待参加补考，以及经测评完成考核的医师（缺考按测评不合格计；不含因免考全部试卷或工作成绩、职业道德评定不合格而未经测评完成考核的医师）',
  passed: '考核完成且结果为合格的医师',
  failed: '考核完成且结果为不合格的医师',
  pendingRetakeConfirmation: '首次测评不合格，等待卫生行政部门确认是否允许补考的医师',
  awaitingRetake: '已确认补考，等待参加补考的医师',
};

/** Statuses past both reviews (已审核). */
export const reviewedStatuses: readonly EnrolmentStatus[] = ['AWAITING_TEST', 'PENDING_RETAKE_CONFIRMATION', 'AWAITING_RETAKE', 'COMPLETED'];

export const statisticsRateKeys = ['registration', 'review', 'test', 'pass'] as const;
export type StatisticsRateKey = (typeof statisticsRateKeys)[number];

export const statisticsRateLabels: Record<StatisticsRateKey, string> = {
  registration: '报名完成率',
  review: '审核完成率',
  test: '测评完成率',
  pass: '合格率',
};

/** Each rate with its numerator and denominator, shown as the tooltip of its column header. */
export const statisticsRateHelp: Record<StatisticsRateKey, string> = {
  registration: '已报名 ÷ 应参考',
  review: '已审核 ÷ 已报名',
  test: '已测评 ÷ 需测评；需测评 = 已审核 − 未经测评完成考核的医师（免考全部试卷，或工作成绩、职业道德评定不合格）',
  pass: '合格 ÷（合格 + 不合格），即考核完成医师中合格的比例',
};

export const figuresSchema = z.object({
  enrolled: z.number(),
  submitted: z.number(),
  reviewed: z.number(),
  exempted: z.number(),
  awaitingTest: z.number(),
  tested: z.number(),
  passed: z.number(),
  failed: z.number(),
  pendingRetakeConfirmation: z.number(),
  awaitingRetake: z.number(),
  /** 需测评: the denominator of 测评完成率. */
  toTest: z.number(),
  /** Percentages with one decimal; null where the denominator is 0 (shown as —). */
  rates: z.object({ registration: z.number().nullable(), review: z.number().nullable(), test: z.number().nullable(), pass: z.number().nullable() }),
});
export type StatisticsFigures = z.infer<typeof figuresSchema>;

/** The split selector: no split, or one of the five dimensions. */
export const statisticsSplits = ['none', 'practiceCategory', 'physicianLevel', 'procedure', 'institutionLevel', 'institutionType'] as const;
export type StatisticsSplit = (typeof statisticsSplits)[number];
export const statisticsSplitLabels: Record<StatisticsSplit, string> = {
  none: '不拆分',
  practiceCategory: '执业类别',
  physicianLevel: '医师级别',
  procedure: '考核程序',
  institutionLevel: '机构级别',
  institutionType: '机构类型',
};

/** The value written for an enrolment that has none in the split (医师级别 not filled in, 考核程序 before 提交). */
export const SPLIT_NONE = 'none';

/** The values of each split in display order, with their labels. */
export const statisticsSplitValues: Record<Exclude<StatisticsSplit, 'none'>, { value: string; label: string }[]> = {
  practiceCategory: practiceCategories.map((value) => ({ value, label: practiceCategoryLabels[value] })),
  physicianLevel: [...physicianLevels.map((value) => ({ value, label: physicianLevelLabels[value] })), { value: SPLIT_NONE, label: '未填写' }],
  procedure: [...procedures.map((value) => ({ value, label: procedureLabels[value] })), { value: SPLIT_NONE, label: '待填报信息' }],
  institutionLevel: institutionLevels.map((value) => ({ value, label: institutionLevelLabels[value] })),
  institutionType: institutionTypes.map((value) => ({ value, label: institutionTypeLabels[value] })),
};

/** The label of a split value (an unknown stored value is shown as it is). */
export function splitValueLabel(split: StatisticsSplit, value: string): string {
  if (split === 'none') return '';
  return statisticsSplitValues[split].find((v) => v.value === value)?.label ?? value;
}

const regionCodeParam = z
  .string({ error: '区划不正确' })
  .trim()
  .refine((v) => v === '' || /^\d{6}$/.test(v), '区划须为6位行政区划代码')
  .optional()
  .transform((v) => v || undefined);

/** Which cycle and which node of the scope: a region of the jurisdiction (authority) or one institution (authority, assessor). */
export const statisticsScopeFields = {
  cycleId: idField('考核周期').optional(),
  regionCode: regionCodeParam,
  institutionId: idField('机构').optional(),
};

export const statisticsQuerySchema = z.object({
  ...statisticsScopeFields,
  split: z.enum(statisticsSplits, { error: '拆分方式不正确' }).optional().default('none'),
});
export type StatisticsQuery = z.output<typeof statisticsQuerySchema>;
export type StatisticsQueryInput = z.input<typeof statisticsQuerySchema>;

export const statisticsDailyQuerySchema = z.object(statisticsScopeFields);
export type StatisticsDailyQuery = z.output<typeof statisticsDailyQuerySchema>;

/** Where a row leads when clicked: a child region, or one institution (its 科室). Null for a 科室 row. */
export const drillSchema = z.object({ regionCode: z.string().optional(), institutionId: z.number().optional() }).nullable();
export type StatisticsDrill = z.infer<typeof drillSchema>;

export const statisticsRowKinds = ['region', 'institution', 'department'] as const;
export type StatisticsRowKind = (typeof statisticsRowKinds)[number];

export const statisticsPartSchema = z.object({ value: z.string(), label: z.string(), figures: figuresSchema });
export type StatisticsPart = z.infer<typeof statisticsPartSchema>;

export const statisticsRowSchema = z.object({
  key: z.string(),
  kind: z.enum(statisticsRowKinds),
  label: z.string(),
  drill: drillSchema,
  figures: figuresSchema,
  /** The row split by the chosen dimension (values with no enrolment left out); empty without a split. */
  parts: z.array(statisticsPartSchema),
});
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

export const cycleOptionSchema = z.object({ id: z.number(), name: z.string(), isCurrent: z.boolean() });
export type StatisticsCycleOption = z.infer<typeof cycleOptionSchema>;

/** One step of the way down from the actor's own scope; the last one is where the page is. */
export const breadcrumbSchema = z.object({ label: z.string(), regionCode: z.string().optional(), institutionId: z.number().optional() });
export type StatisticsBreadcrumb = z.infer<typeof breadcrumbSchema>;

export const statisticsSchema = z.object({
  /** The cycle shown, or null when the province has none yet. */
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The province's cycles, newest first, for the 考核周期 selector. */
  cycles: z.array(cycleOptionSchema),
  breadcrumb: z.array(breadcrumbSchema),
  /** The heading of the row column: 区划 / 机构 / 科室. */
  rowHeader: z.string(),
  split: z.enum(statisticsSplits),
  rows: z.array(statisticsRowSchema),
  total: statisticsRowSchema,
});
export type Statistics = z.infer<typeof statisticsSchema>;

export const dailySeriesKeys = ['submitted', 'reviewed', 'tested'] as const;
export type DailySeriesKey = (typeof dailySeriesKeys)[number];
export const dailySeriesLabels: Record<DailySeriesKey, string> = { submitted: '报名', reviewed: '审核', tested: '测评' };
export const dailySeriesHelp: Record<DailySeriesKey, string> = {
  submitted: '当天提交报名信息的医师数（被驳回后重新提交的，按提交当天再计一次）',
  reviewed: '当天通过考核机构复核的医师数',
  tested: '当天提交试卷的医师数（首次考核或补考，交卷或到时自动交卷）',
};

export const statisticsDailySchema = z.object({
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** First and last day of the line: the 医师报名 window's start to the 测评考核 window's end (or today, if sooner). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** One entry per day from `from` to `to`, days without events included as zeros. */
  days: z.array(z.object({ date: z.string(), submitted: z.number(), reviewed: z.number(), tested: z.number() })),
});
export type StatisticsDaily = z.infer<typeof statisticsDailySchema>;
