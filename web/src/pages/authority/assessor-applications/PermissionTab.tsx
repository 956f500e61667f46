import { Alert, App, Button, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { applicationStateLabels, type ApplicationState, type PermissionRow } from '../../../../../common/schemas/assessor';
import { useOpenPermissions, usePermissionList } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ApplicationStateTag } from '../../../components/assessor/ApplicationStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { LoadFailed } from '../../../components/LoadFailed';
import { labelOptions } from '../../../lib/options';
import { FilterForm, type Filters } from './FilterForm';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';

/** 开通申请权限: the jurisdiction's institutions and their 申请状态; open one or a selection. */
export function PermissionTab() {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [selected, setSelected] = useState<number[]>([]);
  const list = usePermissionList({ name: filters.name, regionCode: filters.regionCode, state: filters.status as ApplicationState | undefined, ...paging });
  const searched = useRefetchOnSearch(list.refetch);
  const open = useOpenPermissions();

  const run = (ids: number[]) =>
    open.mutate(ids, {
      onSuccess: (r) => {
        message.success(r.alreadyOpened ? `已开通 ${r.opened} 家机构（${r.alreadyOpened} 家此前已开通）` : `已开通 ${r.opened} 家机构的申请权限`);
        setSelected([]);
      },
      onError: (e) => message.error(errorMessage(e)),
    });

  const columns: TableProps<PermissionRow>['columns'] = [
    { title: '机构名称', dataIndex: 'name', width: 220 },
    { title: '机构账号', dataIndex: 'account', width: 120 },
    { title: '区划', dataIndex: 'regionName', width: 170 },
    { title: '申请状态', dataIndex: 'state', width: 120, render: (s: ApplicationState) => <ApplicationStateTag state={s} /> },
    { title: '开通时间', dataIndex: 'openedAt', width: 170, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'end',
      render: (_v, row) =>
        row.canOpen ? (
          <Popconfirm title={`确认为「${row.name}」开通申请考核机构权限？`} onConfirm={() => run([row.institutionId])}>
            <Button type="link" size="small">
              开通
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  if (list.data && !list.data.cycle) return <Alert type="warning" showIcon title="当前没有进行中的考核周期，请先在【考核周期】中设置" />;

  return (
    <>
      <FilterForm
        statusLabel="申请状态"
        statusOptions={labelOptions(applicationStateLabels)}
        onSearch={(next) => {
          setFilters(next);
          setSelected([]);
          setPaging((p) => ({ ...p, page: 1 }));
          searched();
        }}
      />
      <Flex justify="space-between" align="center" wrap gap={8} className="permission-toolbar">
        <Typography.Text type="secondary">
          {list.data?.cycle ? `考核周期：${list.data.cycle.name}。只有开通了权限的机构可以申请考核机构。` : ''}
        </Typography.Text>
        <Popconfirm title={`确认为选中的 ${selected.length} 家机构开通申请权限？`} onConfirm={() => run(selected)} disabled={!selected.length}>
          <Button type="primary" disabled={!selected.length} loading={open.isPending}>
            开通申请权限{selected.length ? `（${selected.length}）` : ''}
          </Button>
        </Popconfirm>
      </Flex>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <Table<PermissionRow>
          rowKey="institutionId"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(Number)),
            getCheckboxProps: (row) => ({ disabled: !row.canOpen, 'aria-label': `选择${row.name}` }),
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
      )}
    </>
  );
}
