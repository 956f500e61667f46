import { Button, type TableProps } from 'antd';
import { useState } from 'react';
import { applicationStatusLabels, type ApplicationRow, type ApplicationStatus } from '../../../../../common/schemas/assessor';
import { useApplicationList } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ApplicationStatusTag } from '../../../components/assessor/ApplicationStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { ListTable } from '../../../components/list/ListTable';
import { useListState } from '../../../components/list/useListState';
import { LoadFailed } from '../../../components/LoadFailed';
import { ApplicationDrawer } from './ApplicationDrawer';
import { ApplicationFilterForm, type ApplicationFilters } from './ApplicationFilterForm';

/** 申请审核: the applications of the jurisdiction; 审核 / 查看 opens the drawer. */
export function ReviewTab() {
  const [openId, setOpenId] = useState<number | null>(null);
  const { setSearch, list, table } = useListState<ApplicationFilters<ApplicationStatus>, ReturnType<typeof useApplicationList>>(useApplicationList);

  const columns: TableProps<ApplicationRow>['columns'] = [
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
      <ApplicationFilterForm name="applicationFilter" statusLabel="审核状态" statusLabels={applicationStatusLabels} onSearch={setSearch} />
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ListTable<ApplicationRow>
          rowKey="id"
          size="middle"
          columns={columns}
          {...table}
          scroll={{ x: 1000 }}
          emptyText="暂无考核机构申请"
        />
      )}
      <ApplicationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
