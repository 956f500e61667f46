import { IdcardOutlined, LockOutlined, MessageOutlined, SafetyCertificateFilled, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { smsCodeSchema } from '../../../../../common/schemas/account';
import { PASSWORD_RULE_TEXT, passwordProblem } from '../../../../../common/password';
import { useResetPasswordBySms, useSendPasswordResetCode } from '../../../api/account';
import { useMe } from '../../../api/auth';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { SmsCodeButton, resendAtAfter } from '../../../components/sms/SmsCodeButton';
import { zodRule } from '../../../lib/zodRule';
import { CaptchaImage } from '../login/CaptchaImage';
import { LOGIN_STATE_PASSWORD_RESET } from '../login/loginState';
import '../login/login.css';
import './forgot-password.css';

interface Values {
  idNumber: string;
  captcha: string;
  code: string;
  newPassword: string;
  confirmPassword: string;
}

const formFields = ['idNumber', 'captcha', 'code', 'newPassword'] as const;

/** 重置密码 (seed 001 §1.3): 证件号码 and captcha → a code to the bound phone → the new password. */
export function ForgotPasswordPage() {
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [captchaNonce, setCaptchaNonce] = useState(() => Date.now());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sendCode = useSendPasswordResetCode();
  const reset = useResetPasswordBySms();
  const navigate = useNavigate();

  if (me) return <Navigate to="/" replace />;

  const showError = (error: unknown) => {
    const fields = isApiRequestError(error) ? error.fields : {};
    const named = formFields.filter((name) => fields[name]);
    form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
    if (named.length === 0) setFailure(errorMessage(error));
  };

  const requestCode = async () => {
    setFailure(null);
    // The captcha guards sending a code only, so it is checked here and not on 重置密码.
    const captcha = (form.getFieldValue('captcha') as string | undefined)?.trim() ?? '';
    if (!captcha) form.setFields([{ name: 'captcha', errors: ['请输入验证码'] }]);
    const { idNumber } = await form.validateFields(['idNumber']).catch(() => ({ idNumber: null }));
    if (!idNumber || !captcha) return;
    sendCode.mutate(
      { idNumber: idNumber.trim(), captcha },
      {
        onSuccess: (sent) => {
          setSentTo(sent.phoneMasked);
          setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
        },
        onError: (error) => {
          setResendAt((current) => resendAtAfter(error) ?? current);
          showError(error);
        },
        // The captcha answers one request only.
        onSettled: () => {
          setCaptchaNonce((n) => n + 1);
          form.setFieldValue('captcha', '');
        },
      },
    );
  };

  const submit = ({ idNumber, code, newPassword }: Values) => {
    setFailure(null);
    reset.mutate(
      { idNumber: idNumber.trim(), code: code.trim(), newPassword },
      {
        onSuccess: () => void navigate('/login', { replace: true, state: LOGIN_STATE_PASSWORD_RESET }),
        onError: showError,
      },
    );
  };

  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="forgot-title">
        <header className="login-head">
          <SafetyCertificateFilled className="login-logo" />
          <h1 id="forgot-title" className="login-title">
            重置密码
          </h1>
          <p className="login-welcome">通过绑定的手机号接收短信验证码，设置新的登录密码</p>
        </header>
        <Form<Values>
          form={form}
          className="forgot-form"
          size="large"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
          requiredMark={false}
          autoComplete="off"
        >
          <Form.Item name="idNumber" rules={[{ required: true, whitespace: true, message: '请输入证件号码' }]}>
            <Input prefix={<IdcardOutlined />} placeholder="证件号码（登录账号）" maxLength={32} autoComplete="username" aria-label="证件号码" />
          </Form.Item>
          <div className="captcha-row">
            <Form.Item name="captcha" className="captcha-input">
              <Input prefix={<SafetyOutlined />} placeholder="验证码" maxLength={10} aria-label="验证码" />
            </Form.Item>
            <CaptchaImage nonce={captchaNonce} onRefresh={() => setCaptchaNonce((n) => n + 1)} />
          </div>
          <div className="captcha-row">
            <Form.Item name="code" className="captcha-input" rules={[zodRule(smsCodeSchema)]}>
              <Input prefix={<MessageOutlined />} placeholder="短信验证码" maxLength={6} inputMode="numeric" aria-label="短信验证码" />
            </Form.Item>
            <SmsCodeButton resendAt={resendAt} loading={sendCode.isPending} onClick={() => void requestCode()} />
          </div>
          {sentTo && <Alert className="forgot-sent" type="success" showIcon title={`短信验证码已发送至 ${sentTo}，5分钟内有效`} />}
          <Form.Item
            name="newPassword"
            extra={PASSWORD_RULE_TEXT}
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
            <Input.Password prefix={<LockOutlined />} placeholder="新密码" maxLength={64} autoComplete="new-password" aria-label="新密码" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} placeholder="确认新密码" maxLength={64} autoComplete="new-password" aria-label="确认新密码" />
          </Form.Item>
          {failure && <Alert className="login-failure" type="error" showIcon title={failure} />}
          <Form.Item className="login-submit">
            <Button type="primary" htmlType="submit" block loading={reset.isPending}>
              重置密码
            </Button>
          </Form.Item>
        </Form>
        <p className="forgot-links">
          <Link to="/login">返回登录</Link>
        </p>
        <p className="login-browser-tip">未绑定手机号或手机号已停用的，请联系所在医疗卫生机构重置密码</p>
      </section>
    </main>
  );
}
