import { Tag } from 'antd';
import {
  applicationStateLabels,
  applicationStatusLabels,
  type ApplicationState,
  type ApplicationStatus,
} from '../../../../common/schemas/assessor';

const colors: Record<ApplicationState, string> = { notOpened: 'default', opened: 'blue', pending: 'gold', approved: 'green', rejected: 'red' };

/** 审核状态 of an application: 待审核 / 已通过 / 已驳回. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={colors[status]}>{applicationStatusLabels[status]}</Tag>;
}

/** 申请状态 of an institution in the cycle: 未开通 / 已开通未申请 / 待审核 / 已通过 / 已驳回. */
export function ApplicationStateTag({ state }: { state: ApplicationState }) {
  return <Tag color={colors[state]}>{applicationStateLabels[state]}</Tag>;
}
