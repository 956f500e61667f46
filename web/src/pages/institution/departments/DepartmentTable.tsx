import { Space, Tag, type TableProps } from 'antd';
import { departmentStatusListLabels, type Department } from '../../../../../common/schemas/departments';
import { useActionFeedback } from '../../../lib/useActionFeedback';
import { useDeleteDepartment, useSetDepartmentEnabled } from '../../../api/departments';
import { ListTable } from '../../../components/list/ListTable';
import { RowLink } from '../../../components/list/RowLink';
import type { Paging } from '../../../../../common/schemas/pagination';

/** 编辑, 停用 | 启用, 删除 (Popconfirm 确认删除?) of one row, as the server allows. */
function RowActions({ row, onEdit }: { row: Department; onEdit: (row: Department) => void }) {
  const setEnabled = useSetDepartmentEnabled();
  const remove = useDeleteDepartment();
  const run = useActionFeedback();
  const enable = (enabled: boolean) => () => void run(() => setEnabled.mutateAsync({ id: row.id, enabled }), enabled ? '科室已启用' : '科室已停用');
  return (
    <Space size={0} wrap>
      {row.actions.includes('edit') && <RowLink onClick={() => onEdit(row)}>编辑</RowLink>}
      {row.actions.includes('disable') && (
        <RowLink confirm={{ title: '确认停用该科室？', description: '停用后医师将不能再选择该科室' }} onClick={enable(false)}>
          停用
        </RowLink>
      )}
      {row.actions.includes('enable') && <RowLink onClick={enable(true)}>启用</RowLink>}
      {row.actions.includes('delete') && (
        <RowLink danger confirm={{ title: '确认删除?' }} onClick={() => void run(() => remove.mutateAsync(row.id), '科室已删除')}>
          删除
        </RowLink>
      )}
    </Space>
  );
}

interface Props {
  items: Department[];
  total: number;
  loading: boolean;
  paging: Paging;
  onPagingChange: (paging: Paging) => void;
  onEdit: (row: Department) => void;
}

/** 序号, 科室, 关联诊疗科目, 状态, 操作 — paged on the server. */
export function DepartmentTable({ items, total, loading, paging, onPagingChange, onEdit }: Props) {
  const columns: TableProps<Department>['columns'] = [
    { title: '科室', dataIndex: 'name', key: 'name', width: 200 },
    {
      title: '关联诊疗科目',
      key: 'clinicalSubjects',
      render: (_v, row) => row.clinicalSubjects.map((s) => s.name).join('，'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (_v, row) => <Tag color={row.status === 'enabled' ? 'green' : 'default'}>{departmentStatusListLabels[row.status]}</Tag>,
    },
    { title: '操作', key: 'actions', width: 200, render: (_v, row) => <RowActions row={row} onEdit={onEdit} /> },
  ];
  return (
    <ListTable<Department>
      rowKey="id"
      columns={columns}
      items={items}
      loading={loading}
      scroll={{ x: 760 }}
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
