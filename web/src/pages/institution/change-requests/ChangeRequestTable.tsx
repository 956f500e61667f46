import { Button, Popconfirm, Space, type TableProps } from 'antd';
import type { ChangeRequestItem } from '../../../../../common/schemas/change-requests';
import type { Paging } from '../../../../../common/schemas/pagination';
import { useReviewChangeRequest } from '../../../api/changeRequests';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { ChangeLines } from '../../../components/change-requests/ChangeLines';
import { ChangeRequestStatusTag } from '../../../components/change-requests/ChangeRequestStatusTag';
import { ListTable } from '../../../components/list/ListTable';
import { useActionFeedback } from '../../../lib/useActionFeedback';

/** 通过 (Popconfirm) and 驳回 (the reason modal) of a pending request. */
function RowActions({ row, onReject }: { row: ChangeRequestItem; onReject: (row: ChangeRequestItem) => void }) {
  const review = useReviewChangeRequest();
  // Popconfirm closes at once (its OK button is not kept loading): the row's new status shows the result.
  const run = useActionFeedback();
  return (
    <Space size={0} wrap>
      {row.actions.includes('approve') && (
        <Popconfirm
          title="确认通过该修改申请？"
          description="通过后医师信息将按申请内容修改"
          onConfirm={() => void run(() => review.mutateAsync({ id: row.id, decision: 'approve' }), '已通过，医师信息已修改')}
        >
          <Button type="link" size="small">
            通过
          </Button>
        </Popconfirm>
      )}
      {row.actions.includes('reject') && (
        <Button type="link" size="small" danger onClick={() => onReject(row)}>
          驳回
        </Button>
      )}
    </Space>
  );
}

interface Props {
  items: ChangeRequestItem[];
  total: number;
  loading: boolean;
  paging: Paging;
  onPagingChange: (paging: Paging) => void;
  onReject: (row: ChangeRequestItem) => void;
}

/** 序号, 医师 (姓名, 证件号码), 科室 (now → asked), 修改内容, 申请理由, 申请时间, 审核状态, 操作 — paged on the server. */
export function ChangeRequestTable({ items, total, loading, paging, onPagingChange, onReject }: Props) {
  const columns: TableProps<ChangeRequestItem>['columns'] = [
    {
      title: '医师',
      key: 'physician',
      width: 120,
      render: (_v, row) => (
        <>
          <div>{row.physicianName}</div>
          <div className="change-request-id">{row.idNumberMasked}</div>
        </>
      ),
    },
    {
      title: '科室',
      key: 'department',
      width: 140,
      render: (_v, row) => {
        // A 科室 change reads as it was asked (after 通过 the record already holds the new one).
        const change = row.changes.find((c) => c.field === 'departmentId');
        return change ? `${change.from ?? '未填写'} → ${change.to ?? '未填写'}` : (row.departmentName ?? '—');
      },
    },
    { title: '修改内容', key: 'changes', render: (_v, row) => <ChangeLines changes={row.changes} /> },
    { title: '申请理由', dataIndex: 'reason', width: 160, render: (reason: string) => <span className="change-request-text">{reason}</span> },
    { title: '申请时间', dataIndex: 'createdAt', width: 110, render: formatDateTime },
    {
      title: '审核状态',
      key: 'status',
      width: 130,
      render: (_v, row) => (
        <>
          <ChangeRequestStatusTag status={row.status} />
          {row.rejectReason && <div className="change-request-reject-reason">驳回理由：{row.rejectReason}</div>}
        </>
      ),
    },
    { title: '操作', key: 'actions', width: 110, fixed: 'end', render: (_v, row) => <RowActions row={row} onReject={onReject} /> },
  ];
  return (
    <ListTable<ChangeRequestItem>
      rowKey="id"
      size="middle"
      columns={columns}
      items={items}
      loading={loading}
      scroll={{ x: 1060 }}
      emptyText="暂无修改申请"
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
