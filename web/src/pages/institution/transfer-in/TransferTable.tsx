import { Button, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { transferReasonLabels } from '../../../../../common/physician-catalogs';
import type { TransferCandidate } from '../../../../../common/schemas/physician';
import { useTransferIn } from '../../../api/physicians';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { useActionFeedback } from '../../../lib/useActionFeedback';

/** 【调入】 only when the server allows it; otherwise why not. */
function TransferAction({ row, idNumber }: { row: TransferCandidate; idNumber: string }) {
  const transferIn = useTransferIn();
  const run = useActionFeedback();
  if (row.canTransferIn) {
    return (
      <Popconfirm
        title="确认将该医师调入本机构？"
        description="调入后该医师出现在本机构的医师列表中"
        onConfirm={() => void run(() => transferIn.mutateAsync({ id: row.id, idNumber }), `已将${row.name}调入本机构`)}
      >
        <Button type="link" size="small" loading={transferIn.isPending}>
          调入
        </Button>
      </Popconfirm>
    );
  }
  if (row.ownRoster) return <Typography.Text type="secondary">已在本机构</Typography.Text>;
  if (!row.transferredOut) return <Typography.Text type="secondary">需原单位先调离</Typography.Text>;
  return null;
}

interface Props {
  items: TransferCandidate[];
  /** The 证件号码 searched: 调入 sends it with the id, so the server takes only the person it names. */
  idNumber: string;
  /** A number was searched: an empty table then means nobody was found. */
  searched: boolean;
  loading: boolean;
}

/** 姓名, 证件号码, 执业证编码, 管辖关系, 医疗机构（若调离状态，显示原单位）, 调离原因, 调离时间, 操作. */
export function TransferTable({ items, idNumber, searched, loading }: Props) {
  const columns: TableProps<TransferCandidate>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 96 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 120 },
    { title: '执业证编码', dataIndex: 'licenseNumber', key: 'licenseNumber', width: 140 },
    { title: '管辖关系', dataIndex: 'authorityName', key: 'authorityName', width: 150 },
    {
      title: '医疗机构（若调离状态，显示原单位）',
      dataIndex: 'institutionName',
      key: 'institutionName',
      width: 190,
      render: (_v, row) => (
        <>
          {row.institutionName}
          {row.transferredOut && <Tag className="transfer-tag">已调离</Tag>}
        </>
      ),
    },
    {
      title: '调离原因',
      key: 'transferReason',
      render: (_v, row) => (row.transferReason ? `${transferReasonLabels[row.transferReason]}${row.transferDetail ? `：${row.transferDetail}` : ''}` : '—'),
    },
    { title: '调离时间', dataIndex: 'transferredOutAt', key: 'transferredOutAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    { title: '操作', key: 'actions', width: 110, fixed: 'end', render: (_v, row) => <TransferAction row={row} idNumber={idNumber} /> },
  ];
  return (
    <Table<TransferCandidate>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      // 调离原因 takes what is left; below this width the table scrolls.
      scroll={{ x: 1080 }}
      pagination={false}
      locale={{
        emptyText: searched ? (
          <span>
            未查询到该医师，可在<Link to="/physicians">【医师列表】</Link>中新增医师
          </span>
        ) : (
          '请输入证件号码查询'
        ),
      }}
    />
  );
}
