// The coloured 考核状态 and 免考状态 tags of every list and record (医师端, 审核 / 复核, 考核进度).
import { Tag } from 'antd';
import { enrolmentStatusLabels, type EnrolmentStatus } from '../../../common/enums';
import { exemptionStatusLabels, type ExemptionStatus } from '../../../common/schemas/registration';
import { verdictLabels, type Verdict } from '../../../common/schemas/review';
import './status-tags.css';

const statusColors: Record<EnrolmentStatus, string> = {
  NOT_ENROLLED: 'default',
  PENDING_REGISTRATION: 'blue',
  RETURNED_BY_INSTITUTION: 'red',
  RETURNED_BY_AUTHORITY: 'red',
  PENDING_INSTITUTION_REVIEW: 'gold',
  RETURNED_BY_ASSESSOR: 'orange',
  PENDING_ASSESSOR_REVIEW: 'gold',
  AWAITING_TEST: 'cyan',
  PENDING_RETAKE_CONFIRMATION: 'orange',
  AWAITING_RETAKE: 'orange',
  COMPLETED: 'green',
};

const exemptionColors: Record<ExemptionStatus, string> = { none: 'default', pendingInstitution: 'gold', pendingAssessor: 'gold', approved: 'green', rejected: 'red' };

/** 考核状态; a completed one also says 合格 / 不合格 when `result` is given. `label` overrides the text (未纳入考核周期 has no status). */
export function EnrolmentStatusTag({ status, result, label }: { status: EnrolmentStatus | null; result?: Verdict | null; label?: string }) {
  const color = !status ? 'default' : status === 'COMPLETED' && result === 'failed' ? 'red' : statusColors[status];
  const text = label ?? (status ? enrolmentStatusLabels[status] : '未纳入考核周期');
  return (
    <Tag color={color} className="status-tag">
      {text}
      {status === 'COMPLETED' && result ? `（${verdictLabels[result]}）` : ''}
    </Tag>
  );
}

/** 免考状态: 未申请, 待医疗卫生机构审核, 待考核机构复核, 免考通过, 免考驳回. */
export function ExemptionStatusTag({ status }: { status: ExemptionStatus }) {
  return (
    <Tag color={exemptionColors[status]} className="status-tag">
      {exemptionStatusLabels[status]}
    </Tag>
  );
}
