import { Tag } from 'antd';
import { enrolmentStatusLabels, type EnrolmentStatus } from '../../../../../common/enums';

const colors: Record<EnrolmentStatus, string> = {
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

/** 报名状态 in the roster's words; `label` overrides it (未纳入考核周期 has no status). */
export function EnrolmentStatusTag({ status, label }: { status: EnrolmentStatus | null; label?: string }) {
  return (
    <Tag color={status ? colors[status] : 'default'} className="enrolment-status-tag">
      {label ?? (status ? enrolmentStatusLabels[status] : '未纳入考核周期')}
    </Tag>
  );
}
