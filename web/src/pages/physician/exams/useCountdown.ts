// Remaining time from the server's deadline: `offsetMs` is the server's clock minus this device's, measured when
// the attempt was loaded, so a wrong device clock does not change the time left.
import { useEffect, useState } from 'react';

export function useCountdown(deadline: string | null, offsetMs: number): number | null {
  const remaining = () => (deadline ? Math.max(0, new Date(deadline).getTime() - (Date.now() + offsetMs)) : null);
  const [left, setLeft] = useState(remaining);
  useEffect(() => {
    setLeft(remaining());
    if (!deadline) return;
    const timer = setInterval(() => setLeft(remaining()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline, offsetMs]);
  return left;
}

export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
