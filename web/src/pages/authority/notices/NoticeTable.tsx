import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Tag, type TableProps } from 'antd';
import { noticeCategoryLabels, noticeStatusLabels, type Notice } from '../../../../../common/schemas/notices';
import { useActionFeedback } from '../../../lib/useActionFeedback';
import { fileUrl, useDeleteNotice, useSetNoticePublished } from '../../../api/notices';
import { ListTable } from '../../../components/list/ListTable';
import { RowLink } from '../../../components/list/RowLink';
import type { Paging } from '../../../../../common/schemas/pagination';

/** 编辑, 发布 | 撤回, 删除 of one row, as the server allows. */
function RowActions({ row, onEdit }: { row: Notice; onEdit: (row: Notice) => void }) {
  const setPublished = useSetNoticePublished();
  const remove = useDeleteNotice();
  const run = useActionFeedback();
  const publish = (published: boolean) => () => void run(() => setPublished.mutateAsync({ id: row.id, published }), published ? '已发布' : '已撤回');
  return (
    <Space size={0} wrap>
      {row.actions.includes('edit') && <RowLink onClick={() => onEdit(row)}>编辑</RowLink>}
      {row.actions.includes('publish') && (
        <RowLink confirm={{ title: '确认发布？', description: '发布后登录页和首页即可看到，附件可公开下载' }} onClick={publish(true)}>
          发布
        </RowLink>
      )}
      {row.actions.includes('withdraw') && (
        <RowLink confirm={{ title: '确认撤回？', description: '撤回后不再公开显示' }} onClick={publish(false)}>
          撤回
        </RowLink>
      )}
      {row.actions.includes('delete') && (
        <RowLink danger confirm={{ title: '确认删除?' }} onClick={() => void run(() => remove.mutateAsync(row.id), '已删除')}>
          删除
        </RowLink>
      )}
    </Space>
  );
}

interface Props {
  items: Notice[];
  total: number;
  loading: boolean;
  paging: Paging;
  onPagingChange: (paging: Paging) => void;
  onEdit: (row: Notice) => void;
}

/** 序号, 类别, 标题, 发布日期, 附件, 状态, 操作 — paged on the server. */
export function NoticeTable({ items, total, loading, paging, onPagingChange, onEdit }: Props) {
  const columns: TableProps<Notice>['columns'] = [
    { title: '类别', dataIndex: 'category', key: 'category', width: 80, render: (_v, row) => noticeCategoryLabels[row.category] },
    { title: '标题', dataIndex: 'title', key: 'title' },
    { title: '发布日期', dataIndex: 'publishedOn', key: 'publishedOn', width: 120 },
    {
      title: '附件',
      key: 'files',
      width: 240,
      render: (_v, row) =>
        row.files.length === 0 ? (
          <span className="notice-no-file">无</span>
        ) : (
          <ul className="notice-files">
            {row.files.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(f.id)} download>
                  <PaperClipOutlined /> {f.name}
                </a>
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (_v, row) => <Tag color={row.status === 'published' ? 'green' : 'default'}>{noticeStatusLabels[row.status]}</Tag>,
    },
    { title: '操作', key: 'actions', width: 180, render: (_v, row) => <RowActions row={row} onEdit={onEdit} /> },
  ];
  return (
    <ListTable<Notice>
      rowKey="id"
      columns={columns}
      items={items}
      loading={loading}
      scroll={{ x: 960 }}
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
