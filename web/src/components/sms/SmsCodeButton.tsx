import { Button } from 'antd';
import { isApiRequestError } from '../../api/client';
import { useCountdown } from './useCountdown';

/** When a refused request for a code may be repeated (the server's Retry-After), or null. */
export function resendAtAfter(error: unknown): number | null {
  return isApiRequestError(error) && error.retryAfterSeconds ? Date.now() + error.retryAfterSeconds * 1000 : null;
}

interface Props {
  /** When the next code may be asked for (Date.now() value), or null before the first. */
  resendAt: number | null;
  loading: boolean;
  onClick: () => void;
  label?: string;
}

/** 获取短信验证码, then a countdown (60 s) before another code may be asked for. */
export function SmsCodeButton({ resendAt, loading, onClick, label = '获取短信验证码' }: Props) {
  const seconds = useCountdown(resendAt);
  return (
    <Button className="sms-code-button" onClick={onClick} loading={loading} disabled={seconds > 0}>
      {seconds > 0 ? `${seconds}秒后重新获取` : resendAt === null ? label : '重新获取'}
    </Button>
  );
}
