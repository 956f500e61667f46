// 考核周期 and its 考核安排: the API's schemas, also used by the form to check dates before sending.
import dayjs from 'dayjs';
import { z } from 'zod';
import { dateField } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { windowKeys, windowLabels, type WindowKey } from '../enums.js';
import { scheduleWindowSchema } from './home.js';

export type CycleDateField = 'startDate' | 'endDate' | `${WindowKey}Start` | `${WindowKey}End`;
/** A field a date problem can be reported on. */
export type CycleProblemField = CycleDateField | 'retakeStart' | 'retakeEnd';

const windowDateFields = Object.fromEntries(
  windowKeys.flatMap((key) => [
    [`${key}Start`, dateField(`${windowLabels[key]}开始日期`)],
    [`${key}End`, dateField(`${windowLabels[key]}结束日期`)],
  ]),
) as Record<`${WindowKey}Start` | `${WindowKey}End`, ReturnType<typeof dateField>>;

const cycleFields = z.object({
  name: z.string({ error: '请输入名称' }).trim().min(1, '请输入名称').max(64, '名称不能超过64个字符'),
  startDate: dateField('周期开始日期'),
  endDate: dateField('周期结束日期'),
  ...windowDateFields,
  /** 补考时间 (optional): both dates or neither. */
  retakeStart: dateField('补考时间开始日期').nullish().transform((v) => v ?? null),
  retakeEnd: dateField('补考时间结束日期').nullish().transform((v) => v ?? null),
  isCurrent: z.boolean({ error: '请选择是否设为当前周期' }).default(false),
});

export type CycleDates = Record<CycleDateField, string> & { retakeStart?: string | null; retakeEnd?: string | null };

/**
 * The order rules of 考核安排, each problem on the field to correct: every window inside the cycle and not ending
 * before it starts; 考核机构申请 starts no later than 医师报名; 报名信息审核 neither starts before 医师报名 starts nor
 * ends before it ends; 测评考核 does not start before 报名信息审核 starts.
 */
export function cycleDateProblems(d: CycleDates): { field: CycleProblemField; message: string }[] {
  const problems: { field: CycleProblemField; message: string }[] = [];
  if (d.endDate < d.startDate) problems.push({ field: 'endDate', message: '周期起止的结束日期不能早于开始日期' });
  for (const key of windowKeys) {
    const label = windowLabels[key];
    const start = d[`${key}Start`];
    const end = d[`${key}End`];
    if (end < start) problems.push({ field: `${key}End`, message: `${label}的结束日期不能早于开始日期` });
    if (start < d.startDate || start > d.endDate) {
      problems.push({ field: `${key}Start`, message: `${label}须在周期起止（${d.startDate} 至 ${d.endDate}）之内` });
    } else if (end < d.startDate || end > d.endDate) {
      problems.push({ field: `${key}End`, message: `${label}须在周期起止（${d.startDate} 至 ${d.endDate}）之内` });
    }
  }
  if (d.registrationStart < d.assessorApplicationStart) {
    problems.push({ field: 'registrationStart', message: '医师报名的开始日期不能早于考核机构申请的开始日期' });
  }
  if (d.reviewStart < d.registrationStart) {
    problems.push({ field: 'reviewStart', message: '报名信息审核的开始日期不能早于医师报名的开始日期' });
  }
  if (d.reviewEnd < d.registrationEnd) {
    problems.push({ field: 'reviewEnd', message: '报名信息审核的结束日期不能早于医师报名的结束日期' });
  }
  if (d.testStart < d.reviewStart) {
    problems.push({ field: 'testStart', message: '测评考核的开始日期不能早于报名信息审核的开始日期' });
  }
  if (!!d.retakeStart !== !!d.retakeEnd) {
    problems.push({ field: d.retakeStart ? 'retakeEnd' : 'retakeStart', message: '请同时选择补考时间的开始和结束日期' });
  } else if (d.retakeStart && d.retakeEnd) {
    if (d.retakeEnd < d.retakeStart) problems.push({ field: 'retakeEnd', message: '补考时间的结束日期不能早于开始日期' });
    else if (d.retakeStart <= d.testEnd) problems.push({ field: 'retakeStart', message: `补考时间须在测评考核结束（${d.testEnd}）之后` });
    else if (d.retakeEnd > d.endDate) problems.push({ field: 'retakeEnd', message: `补考时间须在周期起止（${d.startDate} 至 ${d.endDate}）之内` });
  }
  return problems;
}

function checkDates(value: CycleDates, ctx: z.RefinementCtx): void {
  for (const problem of cycleDateProblems(value)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

/** 新建考核周期. */
export const cycleBodySchema = cycleFields.superRefine(checkDates);
export type CycleBody = z.input<typeof cycleBodySchema>;

/** 编辑: the same fields and the `updatedAt` the form was loaded with, so that a stale edit answers 409. */
export const cycleUpdateBodySchema = cycleFields
  .extend({ updatedAt: z.iso.datetime({ error: '缺少版本信息，请刷新后重试' }) })
  .superRefine(checkDates);
export type CycleUpdateBody = z.input<typeof cycleUpdateBodySchema>;

export const cycleSchema = z.object({
  id: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  assessorApplicationStart: z.string(),
  assessorApplicationEnd: z.string(),
  registrationStart: z.string(),
  registrationEnd: z.string(),
  reviewStart: z.string(),
  reviewEnd: z.string(),
  testStart: z.string(),
  testEnd: z.string(),
  retakeStart: z.string().nullable(),
  retakeEnd: z.string().nullable(),
  isCurrent: z.boolean(),
  windows: z.array(scheduleWindowSchema),
  updatedAt: z.string(),
});
export type Cycle = z.infer<typeof cycleSchema>;

export { pageSizes } from './pagination.js';

export const cycleListQuerySchema = z.object({
  ...pageQueryFields,
  name: z.string().trim().max(64, '名称不能超过64个字符').optional(),
});
export type CycleListQuery = z.input<typeof cycleListQuerySchema>;

export const cycleListSchema = pageOf(cycleSchema).extend({
  /** Only the provincial authority creates and edits cycles; the client shows 新建 / 编辑 only then. */
  canManage: z.boolean(),
});
export type CycleList = z.infer<typeof cycleListSchema>;
