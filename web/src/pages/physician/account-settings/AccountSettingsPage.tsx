import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccountSettings } from '../../../api/account';
import { errorMessage } from '../../../api/client';
import { CHANGE_PASSWORD_PATH } from '../../../auth/RequireAuth';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { PhoneModal } from './PhoneModal';
import './account-settings.css';

/** 账户设置 (seed 004 FAQ 9–10): the bound phone (绑定手机 / 更换手机) and the way to 修改密码. */
export function AccountSettingsPage() {
  const { data, isError, error, refetch } = useAccountSettings();
  const [editing, setEditing] = useState(false);

  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;
  if (!data) return <PageSpin />;
  const bound = data.boundPhoneMasked;

  return (
    <Card title="账户设置" className="account-settings-card">
      <Descriptions
        column={1}
        bordered
        size="middle"
        className="account-settings-items"
        items={[
          {
            key: 'phone',
            label: '绑定手机',
            children: (
              <div className="account-settings-row">
                <span>{bound ?? <Typography.Text type="secondary">未绑定</Typography.Text>}</span>
                <Button type="link" onClick={() => setEditing(true)}>
                  {bound ? '更换手机' : '绑定手机'}
                </Button>
              </div>
            ),
          },
          {
            key: 'password',
            label: '登录密码',
            children: (
              <div className="account-settings-row">
                <span>******</span>
                <Link to={CHANGE_PASSWORD_PATH} className="account-settings-link">
                  修改密码
                </Link>
              </div>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="account-settings-tip">
        绑定手机用于忘记密码时接收短信验证码重置密码。如原绑定手机号无法接收验证码，或忘记原密码，请联系所在医疗卫生机构重置密码。
      </Typography.Paragraph>
      <PhoneModal open={editing} title={bound ? '更换手机' : '绑定手机'} onClose={() => setEditing(false)} />
    </Card>
  );
}
