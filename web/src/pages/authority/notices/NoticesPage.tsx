import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import type { Notice, NoticeListQuery } from '../../../../../common/schemas/notices';
import { errorMessage } from '../../../api/client';
import { useNoticeList } from '../../../api/notices';
import { LoadFailed } from '../../../components/LoadFailed';
import { NoticeFilterForm, type NoticeFilters } from './NoticeFilterForm';
import { NoticeFormModal } from './NoticeFormModal';
import { NoticeTable, type Paging } from './NoticeTable';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';
import './notices.css';

/** 通知公告: the 政策 / 通知 / 手册 this authority publishes on the login page and the homes, with attached files. */
export function NoticesPage() {
  const [filters, setFilters] = useState<NoticeFilters>({});
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const query: NoticeListQuery = { ...filters, ...paging };
  const list = useNoticeList(query);
  const searched = useRefetchOnSearch(list.refetch);

  return (
    <Flex vertical gap={16}>
      <Card>
        <NoticeFilterForm
          onSearch={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
            searched();
          }}
        />
      </Card>
      <Card
        title="通知公告"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建
          </Button>
        }
      >
        <p className="notice-tip">发布后，通知公告显示在登录页的“政策 / 通知 / 手册”栏目和所辖医疗卫生机构的首页，附件无需登录即可下载；撤回后不再显示。</p>
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <NoticeTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            paging={paging}
            onPagingChange={setPaging}
            onEdit={setEditing}
          />
        )}
      </Card>
      <NoticeFormModal notice={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
