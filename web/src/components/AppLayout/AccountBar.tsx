import { LockOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { roleLabels } from '../../../../common/enums';
import { useCurrentUser } from '../../auth/currentUser';
import { accountTitle } from './accountTitle';
import { useAccountActions } from './useAccountActions';

/** Wide screens: role, organisation and the account actions side by side. */
export function AccountBar() {
  const me = useCurrentUser();
  const actions = useAccountActions();
  const title = accountTitle(me);
  return (
    <div className="account-bar">
      <Tag className="role-tag" variant="filled">
        {roleLabels[me.role]}
      </Tag>
      <span className="account-name" title={title}>
        {title}
      </span>
      {actions.switchLabel && (
        <Button
          className="header-button"
          type="text"
          icon={<SwapOutlined />}
          loading={actions.switching}
          onClick={actions.switchRole}
        >
          {actions.switchLabel}
        </Button>
      )}
      <Button className="header-button" type="text" icon={<LockOutlined />} onClick={actions.changePassword}>
        修改密码
      </Button>
      <Button
        className="header-button"
        type="text"
        icon={<LogoutOutlined />}
        loading={actions.loggingOut}
        onClick={actions.logout}
      >
        退出
      </Button>
    </div>
  );
}
