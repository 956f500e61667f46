import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { errorMessage } from '../api/client';
import { LoadFailed } from '../components/LoadFailed';
import { PageSpin } from '../components/PageSpin';
import { CurrentUserContext } from './currentUser';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Lets only logged-in accounts through, and only to /change-password while the initial
 * password has not been changed.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isError, error, refetch } = useMe();
  const location = useLocation();

  // A failed background refetch keeps the account we already know; only a first load can fail.
  if (me === undefined) {
    if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;
    return <PageSpin fullScreen />;
  }
  if (me === null) return <Navigate to="/login" replace />;
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <CurrentUserContext value={me}>{children}</CurrentUserContext>;
}
