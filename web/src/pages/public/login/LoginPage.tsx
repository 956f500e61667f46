import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from '../../../api/auth';
import { clearLoginNotice, peekLoginNotice } from '../../../auth/loginNotice';
import { SYSTEM_NAME } from '../../../components/DocumentTitle';
import { LoginForm } from './LoginForm';
import { NoticeLists } from './NoticeLists';
import { readLoginState } from './loginState';
import './login.css';

/** 登录: one card for physicians (证件号码) and organisations (机构账号). */
export function LoginPage() {
  const { data: me } = useMe();
  const [notice] = useState(peekLoginNotice);
  const { passwordReset } = readLoginState(useLocation().state);
  useEffect(clearLoginNotice, []);

  if (me) return <Navigate to="/" replace />;

  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="login-title">
        <header className="login-head">
          <SafetyCertificateFilled className="login-logo" />
          <h1 id="login-title" className="login-title">
            {SYSTEM_NAME}
          </h1>
          <p className="login-welcome">欢迎使用</p>
        </header>
        {notice && <Alert className="login-notice" type="warning" showIcon title={notice} />}
        {passwordReset && <Alert className="login-notice" type="success" showIcon title="密码重置成功，请使用新密码登录" />}
        <LoginForm initialTab={passwordReset ? 'physician' : undefined} />
        <p className="forgot-links login-verify">
          <Link to="/verify">证书查验</Link>
        </p>
        <p className="login-browser-tip">考虑系统版本兼容性，建议您使用谷歌浏览器登录</p>
      </section>
      <NoticeLists />
    </main>
  );
}
