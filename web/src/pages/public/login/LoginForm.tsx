import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LoginTab } from '../../../../../common/schemas/auth';
import { useLogin } from '../../../api/auth';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { CHANGE_PASSWORD_PATH } from '../../../auth/RequireAuth';
import { AgreementCheckbox } from './AgreementCheckbox';
import { CaptchaImage } from './CaptchaImage';

interface LoginFormValues {
  account: string;
  password: string;
  captcha: string;
  agreed: boolean;
}

const formFields = ['account', 'password', 'captcha'] as const;

const accountText: Record<LoginTab, string> = {
  physician: '请输入证件号码',
  organization: '请输入机构账号',
};

const tabItems = [
  { key: 'physician', label: '医师' },
  { key: 'organization', label: '机构' },
] satisfies { key: LoginTab; label: string }[];

function isLoginTab(key: string): key is LoginTab {
  return key === 'physician' || key === 'organization';
}

const AGREEMENT_REQUIRED = '请阅读并接受《服务协议》和《隐私条款》';

/** The tab last used on this device: a physician on their phone need not switch every time. */
const TAB_KEY = 'login.tab';
function rememberedTab(): LoginTab | undefined {
  try {
    const stored = localStorage.getItem(TAB_KEY);
    return stored && isLoginTab(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function LoginForm({ initialTab }: { initialTab?: LoginTab }) {
  const [form] = Form.useForm<LoginFormValues>();
  const [tab, setTab] = useState<LoginTab>(() => initialTab ?? rememberedTab() ?? 'organization');
  const [captchaNonce, setCaptchaNonce] = useState(() => Date.now());
  const [failure, setFailure] = useState<string | null>(null);
  const login = useLogin();
  const navigate = useNavigate();

  const refreshCaptcha = () => setCaptchaNonce((nonce) => nonce + 1);

  const changeTab = (key: string) => {
    if (!isLoginTab(key)) return;
    setTab(key);
    try {
      localStorage.setItem(TAB_KEY, key);
    } catch {
      // Storage may be off (private mode): the tab is just not remembered.
    }
    setFailure(null);
    form.setFields([{ name: 'account', errors: [] }]);
  };

  const submit = (values: LoginFormValues) => {
    setFailure(null);
    login.mutate(
      { tab, account: values.account.trim(), password: values.password, captcha: values.captcha.trim() },
      {
        onSuccess: (me) => void navigate(me.mustChangePassword ? CHANGE_PASSWORD_PATH : '/', { replace: true }),
        onError: (error) => {
          refreshCaptcha();
          const fields = isApiRequestError(error) ? error.fields : {};
          form.setFields([
            { name: 'captcha', value: '', errors: fields.captcha ? [fields.captcha] : [] },
            ...formFields
              .filter((name) => name !== 'captcha' && fields[name])
              .map((name) => ({ name, errors: [fields[name] ?? ''] })),
          ]);
          if (!formFields.some((name) => fields[name])) setFailure(errorMessage(error));
        },
      },
    );
  };

  return (
    <>
      <Tabs centered activeKey={tab} onChange={changeTab} items={tabItems} className="login-tabs" />
      <Form<LoginFormValues>
        form={form}
        size="large"
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
        initialValues={{ agreed: false }}
        requiredMark={false}
        autoComplete="on"
      >
        <Form.Item name="account" rules={[{ required: true, whitespace: true, message: accountText[tab] }]}>
          <Input
            prefix={<UserOutlined />}
            placeholder={accountText[tab]}
            maxLength={64}
            autoComplete="username"
            aria-label={tab === 'physician' ? '证件号码' : '机构账号'}
          />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            prefix={<LockOutlined />}
            placeholder="密码"
            maxLength={128}
            autoComplete="current-password"
            aria-label="密码"
          />
        </Form.Item>
        <div className="captcha-row">
          <Form.Item
            name="captcha"
            className="captcha-input"
            rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}
          >
            <Input prefix={<SafetyOutlined />} placeholder="验证码" maxLength={10} autoComplete="off" aria-label="验证码" />
          </Form.Item>
          <CaptchaImage nonce={captchaNonce} onRefresh={refreshCaptcha} />
        </div>
        {/* Only physicians reset by SMS; organisations ask their superior (seed 001 §1.3, FAQ 3.2). */}
        {tab === 'physician' && (
          <div className="login-forgot">
            <Link to="/forgot-password">忘记密码？</Link>
          </div>
        )}
        <Form.Item
          name="agreed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, value: unknown) =>
                value === true ? Promise.resolve() : Promise.reject(new Error(AGREEMENT_REQUIRED)),
            },
          ]}
        >
          <AgreementCheckbox />
        </Form.Item>
        {failure && <Alert className="login-failure" type="error" showIcon title={failure} />}
        <Form.Item className="login-submit">
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
