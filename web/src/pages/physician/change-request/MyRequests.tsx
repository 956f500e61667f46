import { Empty, Flex, Typography } from 'antd';
import type { ChangeRequestItem } from '../../../../../common/schemas/change-requests';
import { ChangeLines } from '../../../components/change-requests/ChangeLines';
import { ChangeRequestStatusTag } from '../../../components/change-requests/ChangeRequestStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';

/** 我的申请: newest first, each with its changes, 申请理由, 审核状态 and the 驳回理由. */
export function MyRequests({ items }: { items: ChangeRequestItem[] }) {
  if (items.length === 0) return <Empty description="暂无修改申请" />;
  return (
    <Flex vertical gap={12} className="my-change-requests">
      {items.map((item) => (
        <section key={item.id} className="my-change-request" aria-label={`修改申请 ${formatDateTime(item.createdAt)}`}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary">申请时间：{formatDateTime(item.createdAt)}</Typography.Text>
            <ChangeRequestStatusTag status={item.status} />
          </Flex>
          <ChangeLines changes={item.changes} />
          <div className="my-change-request-reason">申请理由：{item.reason}</div>
          {item.status === 'rejected' && item.rejectReason && <div className="my-change-request-reject">驳回理由：{item.rejectReason}</div>}
          {item.reviewedAt && <Typography.Text type="secondary">审核时间：{formatDateTime(item.reviewedAt)}</Typography.Text>}
        </section>
      ))}
    </Flex>
  );
}
