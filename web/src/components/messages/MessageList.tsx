import { App, Empty } from 'antd';
import type { MessageItem } from '../../../../common/schemas/messages';
import { errorMessage } from '../../api/client';
import { useMarkMessageRead } from '../../api/messages';
import { formatDateTime } from '../assessor/dateTime';
import './messages.css';

function MessageBody({ message }: { message: MessageItem }) {
  const unread = message.readAt === null;
  return (
    <>
      {/* Read ones keep the dot's room, so every title starts at the same place. */}
      <span aria-hidden className={unread ? 'message-dot' : 'message-dot message-dot-read'} />
      <span className="message-main">
        <span className="message-head">
          <span className="message-title">
            {message.title}
            {unread && <span className="message-unread-tag">未读</span>}
          </span>
          <time className="message-time" dateTime={message.createdAt}>
            {formatDateTime(message.createdAt)}
          </time>
        </span>
        <span className="message-content">{message.content}</span>
      </span>
    </>
  );
}

/**
 * 站内消息, newest first: an unread one is marked (red dot, bold title, 未读) and is marked read when clicked
 * (or chosen with the keyboard); a read one is plain text.
 */
export function MessageList({ items }: { items: MessageItem[] }) {
  const { message: toast } = App.useApp();
  const markRead = useMarkMessageRead();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />;
  return (
    <ul className="message-list">
      {items.map((item) => (
        <li key={item.id}>
          {item.readAt === null ? (
            <button
              type="button"
              className="message-item message-item-unread"
              aria-label={`未读消息：${item.title}，点击标为已读`}
              onClick={() => markRead.mutate(item.id, { onError: (error) => toast.error(errorMessage(error)) })}
            >
              <MessageBody message={item} />
            </button>
          ) : (
            <div className="message-item">
              <MessageBody message={item} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
