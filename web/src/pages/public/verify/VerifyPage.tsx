import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { practiceCategoryLabels } from '../../../../../common/enums';
import type { VerifyResult } from '../../../../../common/schemas/certificates';
import { useVerify } from '../../../api/certificates';
import { errorMessage } from '../../../api/client';
import '../login/login.css';
import './verify.css';

interface Values {
  number: string;
  name: string;
}

function Outcome({ result }: { result: VerifyResult }) {
  if (result.status === 'notFound' || !result.certificate) {
    return <Result status="warning" title="未找到" subTitle="未查询到该合格证书，请核对证书编号和姓名。" />;
  }
  const c = result.certificate;
  const valid = result.status === 'valid';
  return (
    <div className="verify-outcome">
      <Result status={valid ? 'success' : 'error'} title={valid ? '有效' : '已撤销'} subTitle={valid ? '该医师定期考核合格证书真实有效。' : `该合格证书已于${c.revokedOn}撤销，不再有效。`} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'number', label: '证书编号', children: c.number },
          { key: 'name', label: '姓名', children: c.nameMasked },
          { key: 'category', label: '执业类别', children: practiceCategoryLabels[c.practiceCategory] },
          { key: 'cycle', label: '考核周期', children: c.cycleName },
          { key: 'result', label: '考核结果', children: c.resultLabel },
          { key: 'issuer', label: '发证机关', children: c.issuerName },
          { key: 'issued', label: '发证日期', children: c.issuedOn },
        ]}
      />
    </div>
  );
}

/** 证书查验 (public): by 证书编号 and 姓名, or opened from the certificate's QR code (编号 and 查验码 in the link). */
export function VerifyPage() {
  const [params] = useSearchParams();
  const fromQr = params.get('n') && params.get('t') ? { number: params.get('n')!, tag: params.get('t')! } : null;
  const [query, setQuery] = useState<{ number: string; name?: string; tag?: string } | null>(fromQr);
  const verify = useVerify(query);
  const [form] = Form.useForm<Values>();

  return (
    <main className="login-page">
      <section className="login-card verify-card" aria-labelledby="verify-title">
        <header className="login-head">
          <SafetyCertificateFilled className="login-logo" />
          <h1 id="verify-title" className="login-title">
            证书查验
          </h1>
          <p className="login-welcome">查验医师定期考核合格证书的真伪与状态</p>
        </header>
        <Form<Values> form={form} layout="vertical" className="verify-form" onFinish={(v) => setQuery({ number: v.number.trim(), name: v.name.trim() })}>
          <Form.Item name="number" label="证书编号" rules={[{ required: true, whitespace: true, message: '请输入证书编号' }, { pattern: /^\s*\d+\s*$/, message: '证书编号只能包含数字' }]}>
            <Input maxLength={32} placeholder="请输入证书编号" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={64} placeholder="请输入持证医师姓名" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={verify.isFetching}>
            查验
          </Button>
        </Form>
        {verify.isError && <Alert className="verify-error" type="error" showIcon title={errorMessage(verify.error)} />}
        {verify.data && <Outcome result={verify.data} />}
        <p className="forgot-links verify-links">
          <Link to="/login">返回登录</Link>
        </p>
      </section>
    </main>
  );
}
