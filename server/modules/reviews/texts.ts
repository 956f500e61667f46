// What the physician is told (站内消息 and SMS) after each decision on their registration.
import type { EnrolmentStatus } from '../../../common/enums.js';
import { enrolmentStatusLabels } from '../../../common/enums.js';
import type { Notice } from '../messages/notify.js';

export const approvedByInstitution = (institutionName: string): Notice => ({
  title: '报名信息审核通过',
  content: `您的报名信息已通过${institutionName}审核，已提交考核机构复核。`,
});

export const rejectedByInstitution = (institutionName: string, reason: string): Notice => ({
  title: '报名信息被驳回',
  content: `您的报名信息被${institutionName}驳回，驳回理由：${reason}。请登录系统修改后重新提交。`,
});

const afterAssessor: Partial<Record<EnrolmentStatus, string>> = {
  AWAITING_TEST: '请按考核安排参加测评考核。',
  COMPLETED: '本周期考核已完成，请登录系统查看考核结果。',
};

export const approvedByAssessor = (status: EnrolmentStatus): Notice => ({
  title: '报名信息复核通过',
  content: `您的报名信息已通过考核机构复核，当前状态：${enrolmentStatusLabels[status]}。${afterAssessor[status] ?? ''}`,
});

export const rejectedByAssessor = (reason: string): Notice => ({
  title: '报名信息被考核机构驳回',
  content: `您的报名信息被考核机构驳回，驳回理由：${reason}。已退回医疗卫生机构重新审核。`,
});

export const returnedByAuthority = (reason: string): Notice => ({
  title: '报名信息被卫生行政部门退回',
  content: `您的报名信息被卫生行政部门退回，退回理由：${reason}。请登录系统修改后重新提交。`,
});

export const returnedByInstitution = (reason: string): Notice => ({
  title: '报名信息被打回',
  content: `您的报名信息被所在医疗卫生机构打回，打回原因：${reason}。请登录系统修改后重新提交。`,
});

/** `status`: what the granted 免考 moved the enrolment to, when it did (no paper left: 考核完成). */
export const exemptionApproved = (byAssessor: boolean, status?: EnrolmentStatus): Notice => ({
  title: byAssessor ? '免考申请复核通过' : '免考申请审核通过',
  content: byAssessor
    ? `您的免考申请已通过考核机构复核。${status ? `当前状态：${enrolmentStatusLabels[status]}。${afterAssessor[status] ?? ''}` : ''}`
    : '您的免考申请已通过医疗卫生机构审核，已提交考核机构复核。',
});

export const exemptionRejected = (reason: string): Notice => ({
  title: '免考申请被驳回',
  content: `您的免考申请被驳回，驳回理由：${reason}。`,
});
