import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { LATEST_MESSAGES, useMessages } from '../../api/messages';
import { useCurrentUser } from '../../auth/currentUser';
import './messages.css';

/**
 * The top bar's bell: the physician's unread 站内消息 count, opening 站内消息. Not shown before the initial
 * password is changed (the messages are not readable until then).
 */
export function MessageBell() {
  const me = useCurrentUser();
  const enabled = me.role === 'physician' && !me.mustChangePassword;
  const { data } = useMessages(LATEST_MESSAGES, { enabled });
  if (!enabled) return null;
  const unread = data?.unread ?? 0;
  return (
    <Link to="/messages" className="message-bell" aria-label={unread > 0 ? `站内消息，${unread}条未读` : '站内消息'} title="站内消息">
      <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined className="message-bell-icon" />
      </Badge>
    </Link>
  );
}
