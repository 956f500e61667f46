import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Notice } from '../../../../../common/schemas/notices';
import { useNoticeList } from '../../../api/notices';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/useListState';
import { NoticeFilterForm, type NoticeFilters } from './NoticeFilterForm';
import { NoticeFormModal } from './NoticeFormModal';
import { NoticeTable } from './NoticeTable';
import './notices.css';

/** 通知公告: the 政策 / 通知 / 手册 this authority publishes on the login page and the homes, with attached files. */
export function NoticesPage() {
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const { setSearch, list, table } = useListState<NoticeFilters, ReturnType<typeof useNoticeList>>(useNoticeList);

  return (
    <ListPage
      filters={<NoticeFilterForm onSearch={setSearch} />}
      title="通知公告"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建
        </Button>
      }
      header={<p className="notice-tip">发布后，通知公告显示在登录页的“政策 / 通知 / 手册”栏目和所辖医疗卫生机构的首页，附件无需登录即可下载；撤回后不再显示。</p>}
      list={list}
      after={<NoticeFormModal notice={editing} onClose={() => setEditing(null)} />}
    >
      <NoticeTable
        {...table}
        onEdit={setEditing}
      />
    </ListPage>
  );
}
