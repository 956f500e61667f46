// 当前任务 on the physician's home: the status in words, whether 我要报名 is possible and, if not, why and
// whom to contact (seed 004 FAQ 7–8), and the enrolment's timeline.
import { enrolmentStatusLabels, windowLabels, type EnrolmentStatus } from '../../../common/enums.js';
import { NOT_SUBMITTED } from '../../../common/enrolment-machine.js';
import { scheduleWindows, windowState } from '../../../common/schedule.js';
import type { ExemptionStatus, PhysicianTask, RegistrationBlock } from '../../../common/schemas/registration.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { windowOf } from '../cycles/windows.js';
import { RETURNED, SUBMITTABLE, enabledDepartments, enrolmentTimeline, latestReturnReason, loadContext, registrationOf, type RegistrationContext } from './context.js';

/** Why registering is not possible now, in the words the physician reads, or null. */
export async function registrationBlock(db: Database, ctx: RegistrationContext): Promise<{ block: RegistrationBlock; message: string } | null> {
  if (ctx.physician.transferredOutAt) {
    // 调离: no institution holds them; this cycle's record (past review) waits for the institution that 调入 them.
    const kept = ctx.status && !NOT_SUBMITTED.includes(ctx.status) ? '；本周期考核记录保留，调入后由新单位继续' : '';
    return { block: 'transferredOut', message: `您已被原单位（${ctx.institutionName}）调离，请联系现执业的医疗卫生机构在【调入医师】中将您调入${kept}` };
  }
  const contact = `请联系您的主要执业机构（${ctx.institutionName}）`;
  if (!ctx.cycle) return { block: 'noCycle', message: '当前没有进行中的考核周期' };
  if (!ctx.status || ctx.status === 'NOT_ENROLLED') return { block: 'notEnrolled', message: `您未纳入本周期考核，${contact}确认参加` };
  if (!SUBMITTABLE.includes(ctx.status)) return { block: 'submitted', message: `报名信息已提交，当前状态：${enrolmentStatusLabels[ctx.status]}` };
  const { start, end } = windowOf(ctx.cycle, 'registration');
  const state = windowState(start, end);
  if (state === 'notStarted') return { block: 'notStarted', message: `${windowLabels.registration}时间未开始（${start} 至 ${end}）` };
  if (state === 'ended') return { block: 'ended', message: `${windowLabels.registration}时间已结束（${start} 至 ${end}），${contact}` };
  if ((await enabledDepartments(db, ctx.physician.institutionId)).length === 0) {
    return { block: 'noDepartments', message: `本机构未维护科室，无法选择科室，${contact}在【科室信息】中添加` };
  }
  return null;
}

export async function physicianTask(db: Database, actor: Actor): Promise<PhysicianTask> {
  const ctx = await loadContext(db, actor);
  const blocked = await registrationBlock(db, ctx);
  const status = ctx.status;
  const enrolmentId = ctx.enrolment?.id;
  const registration = enrolmentId ? await registrationOf(db, enrolmentId) : null;
  return {
    cycle: ctx.cycle
      ? { id: ctx.cycle.id, name: ctx.cycle.name, startDate: ctx.cycle.startDate, endDate: ctx.cycle.endDate, windows: scheduleWindows(ctx.cycle) }
      : null,
    status,
    statusLabel: status ? enrolmentStatusLabels[status] : '未纳入考核周期',
    // After 调离 the 原单位 is no longer theirs: it is named only in the message that says so.
    institutionName: ctx.physician.transferredOutAt ? '无' : ctx.institutionName,
    canRegister: blocked === null,
    block: blocked?.block ?? null,
    blockMessage: blocked?.message ?? null,
    returnReason: enrolmentId && status && RETURNED.includes(status) ? await latestReturnReason(db, enrolmentId) : null,
    exemptionStatus: (registration?.exemptionStatus as ExemptionStatus | undefined) ?? 'none',
    timeline: enrolmentId ? await enrolmentTimeline(db, enrolmentId) : [],
  };
}
