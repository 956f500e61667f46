import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PASSWORD_RULE_TEXT, passwordProblem } from '../../../../../common/password';
import { useChangePassword } from '../../../api/auth';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useCurrentUser } from '../../../auth/currentUser';
import './change-password.css';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const serverFields = ['oldPassword', 'newPassword'] as const;

/** 修改密码; also the only page an account sees until it replaces its initial password. */
export function ChangePasswordPage() {
  const me = useCurrentUser();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = ({ oldPassword, newPassword }: ChangePasswordValues) => {
    changePassword.mutate(
      { oldPassword, newPassword },
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
        <Form.Item className="change-password-submit">
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
