import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_RULE_TEXT, passwordProblem } from '../../../../../common/password';
import { useChangePassword, usePasswordChangeRequirements, useSendPasswordChangeCode } from '../../../api/auth';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useCurrentUser } from '../../../auth/currentUser';
import { SmsCodeButton, resendAtAfter } from '../../../components/sms/SmsCodeButton';
import './change-password.css';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
  code?: string;
}

const serverFields = ['oldPassword', 'newPassword', 'code'] as const;

/** 修改密码; also the only page an account sees until it replaces its initial password. */
export function ChangePasswordPage() {
  const me = useCurrentUser();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Where the 考核政策 asks for it and a phone is bound (seed 001 §1.6): a code sent to that phone.
  const requirements = usePasswordChangeRequirements().data;
  const sendCode = useSendPasswordChangeCode();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const requestCode = () =>
    sendCode.mutate(undefined, {
      onSuccess: (sent) => {
        setSentTo(sent.phoneMasked);
        setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
      },
      onError: (error) => {
        setResendAt((current) => resendAtAfter(error) ?? current);
        message.error(errorMessage(error));
      },
    });

  const submit = ({ oldPassword, newPassword, code }: ChangePasswordValues) => {
    changePassword.mutate(
      { oldPassword, newPassword, code: code?.trim() || undefined },
      {
        onSuccess: () => {
          message.success('密码修改成功');
          void navigate('/', { replace: true });
        },
        onError: (error) => {
          const fields = isApiRequestError(error) ? error.fields : {};
          const named = serverFields.filter((name) => fields[name]);
          if (named.length > 0) form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
          else message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Card title="修改密码" className="change-password-card">
      {me.mustChangePassword && (
        <Alert className="change-password-alert" type="warning" showIcon title="首次登录请修改初始密码后再使用系统" />
      )}
      <Typography.Paragraph type="secondary" className="change-password-rule">
        <InfoCircleOutlined /> {PASSWORD_RULE_TEXT}
      </Typography.Paragraph>
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark autoComplete="off">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password placeholder="请输入原密码" autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password placeholder="请输入新密码" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password placeholder="请再次输入新密码" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        {requirements?.smsCodeRequired && (
          <Form.Item
            label="短信验证码"
            required
            extra={sentTo ? `验证码已发送至 ${sentTo}，5分钟内有效` : `验证码将发送至绑定的手机 ${requirements.phoneMasked ?? ''}`}
          >
            <div className="change-password-code-row">
              <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入短信验证码' }, { pattern: /^\d{6}$/, message: '短信验证码为6位数字' }]}>
                <Input placeholder="请输入6位短信验证码" maxLength={6} inputMode="numeric" aria-label="短信验证码" />
              </Form.Item>
              <SmsCodeButton label="获取验证码" resendAt={resendAt} loading={sendCode.isPending} onClick={requestCode} />
            </div>
          </Form.Item>
        )}
        <Form.Item className="change-password-submit">
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
