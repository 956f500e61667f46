import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { mobileSchema, smsCodeSchema } from '../../../../../common/schemas/account';
import { useBindPhone, useSendPhoneCode } from '../../../api/account';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { SmsCodeButton, resendAtAfter } from '../../../components/sms/SmsCodeButton';
import { zodRule } from '../../../lib/zodRule';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
}

interface Values {
  phone: string;
  code: string;
}

const formFields = ['phone', 'code'] as const;

/** 绑定手机 / 更换手机: the code goes to the new number and proves it is the physician's. */
export function PhoneModal({ open, title, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sendCode = useSendPhoneCode();
  const bind = useBindPhone();
  const { message } = App.useApp();

  const showError = (error: unknown) => {
    const fields = isApiRequestError(error) ? error.fields : {};
    const named = formFields.filter((name) => fields[name]);
    if (named.length > 0) form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
    else void message.error(errorMessage(error));
  };

  const requestCode = async () => {
    const { phone } = await form.validateFields(['phone']).catch(() => ({ phone: null }));
    if (!phone) return;
    sendCode.mutate(phone.trim(), {
      onSuccess: (sent) => {
        setSentTo(sent.phoneMasked);
        setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
      },
      onError: (error) => {
        setResendAt((current) => resendAtAfter(error) ?? current);
        showError(error);
      },
    });
  };

  const submit = ({ phone, code }: Values) => {
    bind.mutate(
      { phone: phone.trim(), code: code.trim() },
      {
        onSuccess: () => {
          void message.success('手机号绑定成功');
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={title}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={bind.isPending}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setSentTo(null);
      }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" className="phone-form">
        <Form.Item name="phone" label="新手机号" required rules={[zodRule(mobileSchema)]}>
          <Input placeholder="请输入11位手机号" maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item label="短信验证码" required extra={sentTo ? `验证码已发送至 ${sentTo}，5分钟内有效` : undefined}>
          <div className="phone-code-row">
            <Form.Item name="code" noStyle rules={[zodRule(smsCodeSchema)]}>
              <Input placeholder="请输入6位短信验证码" maxLength={6} inputMode="numeric" aria-label="短信验证码" />
            </Form.Item>
            <SmsCodeButton label="获取验证码" resendAt={resendAt} loading={sendCode.isPending} onClick={() => void requestCode()} />
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
