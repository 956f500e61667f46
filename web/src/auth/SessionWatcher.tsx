import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { meQueryKey, resetSession } from '../api/auth';
import { onSessionEvent } from '../api/client';
import { setLoginNotice } from './loginNotice';

export const SESSION_EXPIRED_NOTICE = '登录已过期，请重新登录';

/**
 * Reacts to what any call learns about the session: after a 401 it forgets everything and goes to
 * the login page; when the initial password must be changed first it reloads the account, and the
 * route guard then sends the user to 修改密码.
 */
export function SessionWatcher() {
  const client = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    onSessionEvent((event) => {
      if (event === 'passwordChangeRequired') {
        void client.invalidateQueries({ queryKey: meQueryKey });
        return;
      }
      setLoginNotice(SESSION_EXPIRED_NOTICE);
      void navigate('/login', { replace: true });
      resetSession(client, null);
    });
    return () => onSessionEvent(null);
  }, [client, navigate]);

  return null;
}
