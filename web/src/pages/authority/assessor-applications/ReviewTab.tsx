import { Button, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { applicationStatusLabels, type ApplicationRow, type ApplicationStatus } from '../../../../../common/schemas/assessor';
import { useApplicationList } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ApplicationStatusTag } from '../../../components/assessor/ApplicationStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { LoadFailed } from '../../../components/LoadFailed';
import { labelOptions } from '../../../lib/options';
import { ApplicationDrawer } from './ApplicationDrawer';
import { FilterForm, type Filters } from './FilterForm';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';

/** 申请审核: the applications of the jurisdiction; 审核 / 查看 opens the drawer. */
export function ReviewTab() {
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useApplicationList({ name: filters.name, regionCode: filters.regionCode, status: filters.status as ApplicationStatus | undefined, ...paging });
  const searched = useRefetchOnSearch(list.refetch);

  const columns: TableProps<ApplicationRow>['columns'] = [
    { title: '序号', key: 'n', width: 64, align: 'center', render: (_v, _r, i) => (paging.page - 1) * paging.pageSize + i + 1 },
    { title: '机构名称', dataIndex: 'name' },
    { title: '机构账号', dataIndex: 'account', width: 110 },
    { title: '区划', dataIndex: 'regionName', width: 160 },
    { title: '申请时间', dataIndex: 'submittedAt', width: 165, render: formatDateTime },
    { title: '审核状态', dataIndex: 'status', width: 90, render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} /> },
    { title: '审核时间', dataIndex: 'reviewedAt', width: 165, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'end',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          {row.canReview ? '审核' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <FilterForm
        statusLabel="审核状态"
        statusOptions={labelOptions(applicationStatusLabels)}
        onSearch={(next) => {
          setFilters(next);
          setPaging((p) => ({ ...p, page: 1 }));
          searched();
        }}
      />
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApplicationRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无考核机构申请' }}
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
      )}
      <ApplicationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
