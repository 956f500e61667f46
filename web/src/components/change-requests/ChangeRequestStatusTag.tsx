import { Tag } from 'antd';
import { changeRequestStatusLabels, type ChangeRequestStatus } from '../../../../common/schemas/change-requests';

const colors: Record<ChangeRequestStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** 待审核 / 已通过 / 已驳回. */
export function ChangeRequestStatusTag({ status }: { status: ChangeRequestStatus }) {
  return <Tag color={colors[status]}>{changeRequestStatusLabels[status]}</Tag>;
}
