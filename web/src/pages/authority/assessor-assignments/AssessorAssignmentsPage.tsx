import { Alert, Button, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { AssignmentRow } from '../../../../../common/schemas/assessor';
import { useAssignmentList } from '../../../api/assessors';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { ListPage } from '../../../components/list/ListPage';
import { ListTable } from '../../../components/list/ListTable';
import { useListState } from '../../../components/list/useListState';
import { AssignFilterForm, type AssignFilters } from './AssignFilterForm';
import { AssignModal } from './AssignModal';

/** 指定考核机构: the jurisdiction's institutions and their 考核机构; assign one to a row or a selection. */
export function AssessorAssignmentsPage() {
  const [selected, setSelected] = useState<AssignmentRow[]>([]);
  const [target, setTarget] = useState<AssignmentRow[] | null>(null);
  const { setSearch, list, table } = useListState<AssignFilters, ReturnType<typeof useAssignmentList>>(useAssignmentList);

  const columns: TableProps<AssignmentRow>['columns'] = [
    { title: '机构名称', dataIndex: 'name', width: 220 },
    { title: '机构账号', dataIndex: 'account', width: 120 },
    { title: '区划', dataIndex: 'regionName', width: 170 },
    {
      title: '考核机构',
      dataIndex: 'assessor',
      width: 220,
      render: (a: AssignmentRow['assessor']) => (a ? a.name : <Tag color="orange">未指定</Tag>),
    },
    { title: '指定时间', dataIndex: 'assignedAt', width: 170, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'end',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => setTarget([row])}>
          {row.assessor ? '重新指定' : '指定'}
        </Button>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <AssignFilterForm
          onSearch={(next) => {
            setSearch(next);
            setSelected([]);
          }}
        />
      }
      title="指定考核机构"
      extra={
        <Button type="primary" disabled={!selected.length} onClick={() => setTarget(selected)}>
          指定考核机构{selected.length ? `（${selected.length}）` : ''}
        </Button>
      }
      list={list}
      after={
        <AssignModal
          institutions={target}
          onClose={(done) => {
            setTarget(null);
            if (done) setSelected([]);
          }}
        />
      }
    >
      {list.data && !list.data.cycle ? (
        <Alert type="warning" showIcon title="当前没有进行中的考核周期，请先在【考核周期】中设置" />
      ) : (
        <>
          {list.data?.cycle && (
            <Typography.Paragraph type="secondary">考核周期：{list.data.cycle.name}。勾选机构后点击【指定考核机构】，已指定的机构可重新指定。</Typography.Paragraph>
          )}
          <ListTable<AssignmentRow>
            rowKey="institutionId"
            size="middle"
            columns={columns}
            {...table}
            scroll={{ x: 1000 }}
            numbered={false}
            selection={{
              keys: selected.map((r) => r.institutionId),
              onChange: (_keys, rows) => setSelected(rows),
              checkbox: (row) => ({ 'aria-label': `选择${row.name}` }),
            }}
          />
        </>
      )}
    </ListPage>
  );
}
