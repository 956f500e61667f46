import { Alert, App, Button, Flex, Popconfirm, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { applicationStateLabels, type ApplicationState, type PermissionListQueryInput, type PermissionRow } from '../../../../../common/schemas/assessor';
import { useOpenPermissions, usePermissionList } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ApplicationStateTag } from '../../../components/assessor/ApplicationStatusTag';
import { formatDateTime } from '../../../components/assessor/dateTime';
import '../../../components/assessor/assessor.css';
import { ListTable } from '../../../components/list/ListTable';
import { useListState } from '../../../components/list/useListState';
import { LoadFailed } from '../../../components/LoadFailed';
import { ApplicationFilterForm } from './ApplicationFilterForm';

type PermissionSearch = Omit<PermissionListQueryInput, 'page' | 'pageSize'>;

/** 开通申请权限: the jurisdiction's institutions and their 申请状态; open one or a selection. */
export function PermissionTab() {
  const { message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const { setSearch, list, table } = useListState<PermissionSearch, ReturnType<typeof usePermissionList>>(usePermissionList);
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
      <ApplicationFilterForm
        name="permissionFilter"
        statusLabel="申请状态"
        statusLabels={applicationStateLabels}
        // The form's third field is 申请状态, the list's `state`.
        onSearch={({ status, ...rest }) => {
          setSearch({ ...rest, state: status });
          setSelected([]);
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
        <ListTable<PermissionRow>
          rowKey="institutionId"
          size="middle"
          columns={columns}
          {...table}
          scroll={{ x: 1000 }}
          numbered={false}
          selection={{
            keys: selected,
            onChange: (keys) => setSelected(keys.map(Number)),
            checkbox: (row) => ({ disabled: !row.canOpen, 'aria-label': `选择${row.name}` }),
          }}
        />
      )}
    </>
  );
}
