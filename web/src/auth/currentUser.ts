import { createContext, useContext } from 'react';
import type { Me } from '../../../common/schemas/auth';

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in account; only for components rendered inside <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used inside <RequireAuth>');
  return me;
}
