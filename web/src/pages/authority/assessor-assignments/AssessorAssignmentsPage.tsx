import { Alert, Button, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { AssignmentRow } from '../../../../../common/schemas/assessor';
import { useAssignmentList } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { LoadFailed } from '../../../components/LoadFailed';
import { AssignFilterForm, type AssignFilters } from './AssignFilterForm';
import { AssignModal } from './AssignModal';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';

/** 指定考核机构: the jurisdiction's institutions and their 考核机构; assign one to a row or a selection. */
export function AssessorAssignmentsPage() {
  const [filters, setFilters] = useState<AssignFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [selected, setSelected] = useState<AssignmentRow[]>([]);
  const [target, setTarget] = useState<AssignmentRow[] | null>(null);
  const list = useAssignmentList({ ...filters, ...paging });
  const searched = useRefetchOnSearch(list.refetch);

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
    <Flex vertical gap={16}>
      <Card>
        <AssignFilterForm
          onSearch={(next) => {
            setFilters(next);
            setSelected([]);
            setPaging((p) => ({ ...p, page: 1 }));
            searched();
          }}
        />
      </Card>
      <Card
        title="指定考核机构"
        extra={
          <Button type="primary" disabled={!selected.length} onClick={() => setTarget(selected)}>
            指定考核机构{selected.length ? `（${selected.length}）` : ''}
          </Button>
        }
      >
        {list.data && !list.data.cycle ? (
          <Alert type="warning" showIcon title="当前没有进行中的考核周期，请先在【考核周期】中设置" />
        ) : list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {list.data?.cycle && (
              <Typography.Paragraph type="secondary">考核周期：{list.data.cycle.name}。勾选机构后点击【指定考核机构】，已指定的机构可重新指定。</Typography.Paragraph>
            )}
            <Table<AssignmentRow>
              rowKey="institutionId"
              size="middle"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isFetching}
              scroll={{ x: 1000 }}
              rowSelection={{
                selectedRowKeys: selected.map((r) => r.institutionId),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                getCheckboxProps: (row) => ({ 'aria-label': `选择${row.name}` }),
              }}
              pagination={{
                current: paging.page,
                pageSize: paging.pageSize,
                total: list.data?.total ?? 0,
                pageSizeOptions: [10, 20, 50, 100],
                showSizeChanger: true,
                showTotal: (n) => `共 ${n} 条`,
              }}
              onChange={(p) => setPaging({ page: p.pageSize !== paging.pageSize ? 1 : p.current ?? 1, pageSize: p.pageSize ?? paging.pageSize })}
            />
          </>
        )}
      </Card>
      <AssignModal
        institutions={target}
        onClose={(done) => {
          setTarget(null);
          if (done) setSelected([]);
        }}
      />
    </Flex>
  );
}
