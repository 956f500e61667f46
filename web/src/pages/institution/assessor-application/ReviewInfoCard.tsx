import { Card, Descriptions } from 'antd';
import type { Application } from '../../../../../common/schemas/assessor';
import { ApplicationStatusTag } from '../../../components/assessor/ApplicationStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';

/** 审核信息 (seed 002 §1.4): 周期, 申请时间, 审核时间, 审核状态, and 驳回理由 after 驳回. */
export function ReviewInfoCard({ application }: { application: Application }) {
  return (
    <Card title="审核信息">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'cycle', label: '周期', children: application.cycleName },
          { key: 'submitted', label: '申请时间', children: formatDateTime(application.submittedAt) },
          { key: 'reviewed', label: '审核时间', children: formatDateTime(application.reviewedAt) },
          { key: 'status', label: '审核状态', children: <ApplicationStatusTag status={application.status} /> },
          ...(application.rejectReason ? [{ key: 'reason', label: '驳回理由', children: application.rejectReason, span: 2 }] : []),
        ]}
      />
    </Card>
  );
}
