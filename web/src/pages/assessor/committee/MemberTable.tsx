import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, type TableProps } from 'antd';
import { useState } from 'react';
import { committeeBodyLabels, committeeRoleLabels, type CommitteeBody, type CommitteeMember } from '../../../../../common/schemas/assessor';
import { useCommitteeMembers, useDeleteCommitteeMember } from '../../../api/assessors';
import { errorMessage } from '../../../api/client';
import { ListTable } from '../../../components/list/ListTable';
import { LoadFailed } from '../../../components/LoadFailed';
import { MemberFormModal } from './MemberFormModal';

const dash = (v: string | null) => v ?? '—';

/** The members of one body: 添加成员, 编辑, 删除. */
export function MemberTable({ body }: { body: CommitteeBody }) {
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<CommitteeMember | 'new' | null>(null);
  const list = useCommitteeMembers(body, paging.page, paging.pageSize);
  const remove = useDeleteCommitteeMember();

  const columns: TableProps<CommitteeMember>['columns'] = [
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '职称', dataIndex: 'title', width: 120, render: dash },
    { title: '职务', dataIndex: 'position', width: 140, render: dash },
    { title: committeeRoleLabels[body], dataIndex: 'committeeRole', width: 120, render: dash },
    { title: '联系电话', dataIndex: 'phone', width: 140, render: dash },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'end',
      render: (_v, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            编辑
          </Button>
          <Popconfirm
            title="确认删除?"
            onConfirm={() =>
              remove.mutateAsync(row.id).then(
                () => message.success('已删除'),
                (e: unknown) => message.error(errorMessage(e)),
              )
            }
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加成员
        </Button>
      </div>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ListTable<CommitteeMember>
          rowKey="id"
          size="middle"
          columns={columns}
          items={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 800 }}
          emptyText={`暂无${committeeBodyLabels[body]}成员`}
          total={list.data?.total ?? 0}
          paging={paging}
          onPagingChange={setPaging}
        />
      )}
      <MemberFormModal body={body} member={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
