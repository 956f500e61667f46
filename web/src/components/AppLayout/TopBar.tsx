import { MenuOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { SYSTEM_NAME } from '../DocumentTitle';
import { MessageBell } from '../messages/MessageBell';
import { AccountBar } from './AccountBar';
import { AccountMenu } from './AccountMenu';

interface Props {
  narrow: boolean;
  onOpenMenu: () => void;
}

export function TopBar({ narrow, onOpenMenu }: Props) {
  return (
    <div className="top-bar">
      {narrow && (
        <Button className="header-button" type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={onOpenMenu} />
      )}
      <Link to="/" className="brand">
        <SafetyCertificateFilled className="brand-icon" />
        <span className="brand-name">{SYSTEM_NAME}</span>
      </Link>
      <MessageBell />
      {narrow ? <AccountMenu /> : <AccountBar />}
    </div>
  );
}
