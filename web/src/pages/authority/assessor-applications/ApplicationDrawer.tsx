import { App, Button, Descriptions, Drawer, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApplicationDetail, useReviewApplication } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ApplicationStatusTag } from '../../../components/assessor/ApplicationStatusTag';
import { AttachmentList } from '../../../components/assessor/AttachmentList';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { RejectModal } from './RejectModal';

interface Props {
  id: number | null;
  onClose: () => void;
}

/** One application: the institution, 审核信息, the attachments as download links, 通过 / 驳回. */
export function ApplicationDrawer({ id, onClose }: Props) {
  const { message } = App.useApp();
  const detail = useApplicationDetail(id);
  const review = useReviewApplication();
  const [rejecting, setRejecting] = useState(false);
  const data = detail.data;

  const approve = () => {
    if (id === null) return;
    review.mutate(
      { id, decision: 'approve' },
      { onSuccess: () => message.success('已通过，该机构即刻成为本周期考核机构'), onError: (e) => message.error(errorMessage(e)) },
    );
  };

  const footer = data?.canReview ? (
    <Space>
      <Popconfirm title="确认通过该机构的考核机构申请？" description="通过后即刻生效，该机构可切换为考核机构" onConfirm={approve}>
        <Button type="primary" loading={review.isPending && review.variables?.decision === 'approve'}>
          通过
        </Button>
      </Popconfirm>
      <Button danger onClick={() => setRejecting(true)}>
        驳回
      </Button>
    </Space>
  ) : null;

  return (
    <Drawer title="考核机构申请" size={640} open={id !== null} onClose={onClose} footer={footer} destroyOnHidden>
      {detail.isError ? (
        <LoadFailed message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} />
      ) : !data ? (
        <PageSpin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'name', label: '机构名称', children: data.name, span: 2 },
              { key: 'account', label: '机构账号', children: data.account ?? '—' },
              { key: 'region', label: '区划', children: data.regionName },
              { key: 'contact', label: '联系人', children: data.contactPerson ?? '—' },
              { key: 'phone', label: '联系电话', children: data.contactPhone ?? '—' },
            ]}
          />
          <Typography.Title level={5}>附件信息</Typography.Title>
          <AttachmentList files={data.files} />
          <Typography.Title level={5}>审核信息</Typography.Title>
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'cycle', label: '周期', children: data.cycleName },
              { key: 'submitted', label: '申请时间', children: formatDateTime(data.submittedAt) },
              { key: 'reviewed', label: '审核时间', children: formatDateTime(data.reviewedAt) },
              { key: 'status', label: '审核状态', children: <ApplicationStatusTag status={data.status} /> },
              ...(data.rejectReason ? [{ key: 'reason', label: '驳回理由', children: data.rejectReason, span: 2 }] : []),
            ]}
          />
        </Space>
      )}
      {id !== null && <RejectModal id={id} open={rejecting} onClose={() => setRejecting(false)} />}
    </Drawer>
  );
}
