import { Button, Popconfirm, Space, Tag, type TableProps } from 'antd';
import { institutionLevelLabels, institutionTypeLabels } from '../../../../../common/enums';
import { accountStatusLabels, type AccountStatus, type InstitutionListItem, type InstitutionSortField } from '../../../../../common/schemas/institution';
import { initialPasswordText } from '../../../../../common/password';
import { useResetPassword, useUnlockAccount } from '../../../api/accounts';
import { useCurrentUser } from '../../../auth/currentUser';
import { useActionFeedback } from '../../../lib/useActionFeedback';
import { useRefreshInstitutionList, useSetInstitutionDisabled } from '../../../api/institutions';
import { ListTable, sortOrderOf, type SortedPaging } from '../../../components/list/ListTable';

export type InstitutionPaging = SortedPaging<InstitutionSortField>;

const statusColors: Record<AccountStatus, string> = { normal: 'green', disabled: 'default', locked: 'orange' };

/** 重置密码, 解锁 (when locked), 停用 / 启用 of one row. */
function RowActions({ row }: { row: InstitutionListItem }) {
  const refresh = useRefreshInstitutionList();
  const resetPassword = useResetPassword();
  const unlock = useUnlockAccount();
  const setDisabled = useSetInstitutionDisabled();
  const feedback = useActionFeedback();
  const initial = initialPasswordText(useCurrentUser().initialPasswordRule, 'organization');
  const run = (action: () => Promise<unknown>, done: string) => feedback(action, done, () => void refresh());
  const accountId = row.accountId;
  if (accountId === null) return null;
  const disabled = row.accountStatus === 'disabled';
  return (
    <Space size={0} wrap>
      <Popconfirm
        title="确认重置密码？"
        description={`密码将恢复为初始密码（${initial}），该机构下次登录须修改密码`}
        onConfirm={() => void run(() => resetPassword.mutateAsync(accountId), `密码已重置，${initial}`)}
      >
        <Button type="link" size="small">
          重置密码
        </Button>
      </Popconfirm>
      {row.accountStatus === 'locked' && (
        <Button type="link" size="small" loading={unlock.isPending} onClick={() => void run(() => unlock.mutateAsync(accountId), '已解锁')}>
          解锁
        </Button>
      )}
      <Popconfirm
        title={disabled ? '确认启用该机构账号？' : '确认停用该机构账号？'}
        description={disabled ? undefined : '停用后该机构将无法登录'}
        onConfirm={() => void run(() => setDisabled.mutateAsync({ id: row.id, disabled: !disabled }), disabled ? '已启用' : '已停用')}
      >
        <Button type="link" size="small" danger={!disabled}>
          {disabled ? '启用' : '停用'}
        </Button>
      </Popconfirm>
    </Space>
  );
}

interface Props {
  items: InstitutionListItem[];
  total: number;
  loading: boolean;
  paging: InstitutionPaging;
  onPagingChange: (paging: InstitutionPaging) => void;
}

/** The 机构账号 table: server-side paging and sorting. */
export function InstitutionTable({ items, total, loading, paging, onPagingChange }: Props) {
  const sorted = (field: InstitutionSortField) => ({ sorter: true, sortOrder: sortOrderOf(paging, field) });
  const columns: TableProps<InstitutionListItem>['columns'] = [
    { title: '机构名称', dataIndex: 'name', key: 'name', width: 200, fixed: 'start', ...sorted('name') },
    { title: '机构账号', dataIndex: 'account', key: 'account', width: 120, ...sorted('account') },
    { title: '区划', dataIndex: 'regionName', key: 'regionCode', width: 160, ...sorted('regionCode') },
    { title: '管辖关系', dataIndex: 'authorityName', width: 180 },
    { title: '机构类型', dataIndex: 'type', width: 140, render: (v: InstitutionListItem['type']) => institutionTypeLabels[v] },
    { title: '机构级别', dataIndex: 'level', width: 90, render: (v: InstitutionListItem['level']) => institutionLevelLabels[v] },
    { title: '考核机构', dataIndex: 'isAssessor', width: 84, align: 'center', render: (v: boolean) => (v ? '是' : '否') },
    { title: '考核机构名称', dataIndex: 'assignedAssessorName', width: 180, render: (v: string | null) => v ?? '—' },
    {
      title: '账号状态',
      dataIndex: 'accountStatus',
      width: 88,
      fixed: 'end',
      render: (v: AccountStatus) => <Tag color={statusColors[v]}>{accountStatusLabels[v]}</Tag>,
    },
    { title: '操作', key: 'actions', width: 180, fixed: 'end', render: (_v, row) => <RowActions row={row} /> },
  ];
  return (
    <ListTable<InstitutionListItem, InstitutionPaging>
      rowKey="id"
      size="middle"
      columns={columns}
      items={items}
      loading={loading}
      scroll={{ x: 1400 }}
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
