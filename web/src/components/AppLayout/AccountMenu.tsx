import { LockOutlined, LogoutOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { roleLabels } from '../../../../common/enums';
import { useCurrentUser } from '../../auth/currentUser';
import { accountSubtitle, accountTitle } from './accountTitle';
import { useAccountActions } from './useAccountActions';

/** Narrow screens: the same account actions folded into one dropdown. */
export function AccountMenu() {
  const me = useCurrentUser();
  const actions = useAccountActions();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="account-menu-who">
          <div className="account-menu-name">{accountTitle(me)}</div>
          <div className="account-menu-role">{accountSubtitle(me, roleLabels[me.role])}</div>
        </div>
      ),
    },
    { type: 'divider' },
    ...(actions.switchLabel
      ? [{ key: 'switch', icon: <SwapOutlined />, label: actions.switchLabel, onClick: actions.switchRole }]
      : []),
    { key: 'password', icon: <LockOutlined />, label: '修改密码', onClick: actions.changePassword },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出', onClick: actions.logout },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        className="header-button"
        type="text"
        icon={<UserOutlined />}
        aria-label="账号菜单"
        loading={actions.switching || actions.loggingOut}
      />
    </Dropdown>
  );
}
