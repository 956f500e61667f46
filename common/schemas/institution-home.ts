// 医疗卫生机构首页 (seed 002 §1.8, seed 003 §2.2.2): 考核安排, 待处理任务, 考核进度, 联系方式, 通知公告,
// and the 考核周期起止日期告知栏 shown until the institution confirms the cycle (seed 002 §1.2).
import { z } from 'zod';
import { idValue } from './fields.js';
import { cycleSummarySchema, pendingTaskSchema, type PendingTaskKey } from './home.js';
import { publicNoticeSchema } from './notices.js';
import { progressSchema } from './progress.js';

export { pendingTaskKeys, pendingTaskSchema, type PendingTask, type PendingTaskKey } from './home.js';

/** The tiles' words (seed 003: 一般程序待审核, 简易程序待审核, 免考申请待审核, 医师信息修改申请) and where 去处理 leads. */
export const pendingTasks: Record<PendingTaskKey, { label: string; path: string }> = {
  standardReview: { label: '一般程序待审核', path: '/reviews/standard' },
  simplifiedReview: { label: '简易程序待审核', path: '/reviews/simplified' },
  exemptionReview: { label: '免考申请待审核', path: '/reviews/exemption' },
  infoChange: { label: '医师信息修改申请', path: '/change-requests' },
};

export const contactSchema = z.object({ name: z.string(), contactPerson: z.string().nullable(), contactPhone: z.string().nullable() });
export type Contact = z.infer<typeof contactSchema>;

export const institutionHomeSchema = z.object({
  institutionName: z.string(),
  cycle: cycleSummarySchema.nullable(),
  /** When this institution confirmed the current cycle's dates (告知栏 【去确认】); null: not yet (or no cycle). */
  cycleConfirmedAt: z.string().nullable(),
  tasks: z.array(pendingTaskSchema),
  progress: progressSchema.nullable(),
  contacts: z.object({
    /** 考核机构 assigned to the institution in the current cycle, if any. */
    assessor: contactSchema.nullable(),
    /** 行政机构: the authority the institution answers to. */
    authority: contactSchema,
    /** 「当前机构暂未指定考核机构，请联系…」 when no assessor is assigned (seed 004 FAQ 11). */
    noAssessorMessage: z.string().nullable(),
  }),
  notices: z.array(publicNoticeSchema),
});
export type InstitutionHome = z.infer<typeof institutionHomeSchema>;

export const confirmCycleBodySchema = z.object({
  cycleId: z.number({ error: '请指定考核周期' }).pipe(idValue('考核周期编号格式不正确')),
});
export const confirmCycleResponseSchema = z.object({ cycleId: z.number(), confirmedAt: z.string() });
