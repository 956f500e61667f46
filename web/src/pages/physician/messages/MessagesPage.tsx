import { App, Button, Card, Flex, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { pageSizes } from '../../../../../common/schemas/pagination';
import { errorMessage } from '../../../api/client';
import { useMarkAllMessagesRead, useMessages } from '../../../api/messages';
import { LoadFailed } from '../../../components/LoadFailed';
import { MessageList } from '../../../components/messages/MessageList';
import { PageSpin } from '../../../components/PageSpin';
import './messages-page.css';

/** 站内消息: every message of the account, newest first, unread ones marked; a click marks one read. */
export function MessagesPage() {
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, isPending, isError, error, refetch, isFetching } = useMessages(paging);
  const markAll = useMarkAllMessagesRead();

  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;

  return (
    <Card
      className="messages-page"
      title={
        <Flex align="center" gap={8}>
          <span>站内消息</span>
          {data.unread > 0 && <Typography.Text type="secondary" className="messages-page-unread">{data.unread}条未读</Typography.Text>}
        </Flex>
      }
      extra={
        <Button
          size="small"
          disabled={data.unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
        >
          全部标为已读
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary" className="messages-page-tip">
          报名审核、复核和退回的结果会在这里通知您；点击未读消息即标为已读。
        </Typography.Text>
        <div className={isFetching ? 'messages-page-list messages-page-list-loading' : 'messages-page-list'}>
          <MessageList items={data.items} />
        </div>
        {data.total > paging.pageSize && (
          <Pagination
            className="messages-page-pagination"
            align="end"
            size="small"
            current={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizeOptions={pageSizes.map(String)}
            showSizeChanger
            showTotal={(total) => `共 ${total} 条`}
            onChange={(page, pageSize) => {
              setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize });
              // On a phone the pager is far down: the next page starts at the top.
              window.scrollTo({ top: 0 });
            }}
          />
        )}
      </Flex>
    </Card>
  );
}
