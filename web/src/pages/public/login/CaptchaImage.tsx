import { API_BASE } from '../../../api/client';

interface Props {
  /** Changing it loads a new captcha. */
  nonce: number;
  onRefresh: () => void;
}

/** The captcha picture; a click fetches a new one (the server keeps the answer in a cookie). */
export function CaptchaImage({ nonce, onRefresh }: Props) {
  return (
    <button type="button" className="captcha-button" onClick={onRefresh} aria-label="看不清？点击刷新">
      <img
        className="captcha-image"
        src={`${API_BASE}/auth/captcha?t=${nonce}`}
        alt="验证码"
        title="看不清？点击刷新"
        width={120}
        height={40}
      />
    </button>
  );
}
