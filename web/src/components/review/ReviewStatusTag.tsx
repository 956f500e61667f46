import { Tag } from 'antd';
import { enrolmentStatusLabels, type EnrolmentStatus } from '../../../../common/enums';
import { exemptionStatusLabels, type ExemptionStatus } from '../../../../common/schemas/registration';
import { verdictLabels, type Verdict } from '../../../../common/schemas/review';

const statusColors: Partial<Record<EnrolmentStatus, string>> = {
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

const exemptionColors: Record<ExemptionStatus, string> = {
  none: 'default',
  pendingInstitution: 'gold',
  pendingAssessor: 'gold',
  approved: 'green',
  rejected: 'red',
};

/** 考核状态 of an enrolment; a completed one also says 合格 / 不合格. */
export function EnrolmentStatusTag({ status, result }: { status: EnrolmentStatus; result?: Verdict | null }) {
  const color = status === 'COMPLETED' && result === 'failed' ? 'red' : (statusColors[status] ?? 'default');
  return (
    <Tag color={color} className="review-status-tag">
      {enrolmentStatusLabels[status]}
      {status === 'COMPLETED' && result ? `（${verdictLabels[result]}）` : ''}
    </Tag>
  );
}

/** 免考状态: 待医疗卫生机构审核, 待考核机构复核, 免考通过, 免考驳回. */
export function ExemptionStatusTag({ status }: { status: ExemptionStatus }) {
  return (
    <Tag color={exemptionColors[status]} className="review-status-tag">
      {exemptionStatusLabels[status]}
    </Tag>
  );
}
