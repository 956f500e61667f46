import { App, Badge, Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client';
import { LATEST_MESSAGES, useMarkAllMessagesRead, useMessages } from '../../../api/messages';
import { MessageList } from '../../../components/messages/MessageList';

const SHOWN = 5;

/** 站内消息 on the home page: the latest few with the unread count, 全部标为已读 and 查看全部. */
export function MessagesCard() {
  const { message } = App.useApp();
  const { data, isPending, isError, error, refetch } = useMessages(LATEST_MESSAGES);
  const markAll = useMarkAllMessagesRead();
  const unread = data?.unread ?? 0;

  return (
    <Card
      className="home-messages"
      loading={isPending}
      title={
        <Flex align="center" gap={8}>
          <span>站内消息</span>
          <Badge count={unread} overflowCount={99} aria-label={`${unread}条未读`} />
        </Flex>
      }
      extra={
        <Flex gap={4} wrap>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
          >
            全部标为已读
          </Button>
          <Link to="/messages" className="home-messages-all">
            查看全部
          </Link>
        </Flex>
      }
    >
      {isError ? (
        <Flex vertical gap={8} align="start">
          <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>
          <Button size="small" onClick={() => void refetch()}>
            重试
          </Button>
        </Flex>
      ) : (
        data && <MessageList items={data.items.slice(0, SHOWN)} />
      )}
    </Card>
  );
}
