// Session calls: who am I, log in and out, change password, switch role.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SmsCodeSent } from '../../../common/schemas/account';
import type { ChangePasswordBody, LoginBody, Me, PasswordChangeRequirements } from '../../../common/schemas/auth';
import { abortReads, apiGet, apiPost } from './client';

export const meQueryKey = ['auth', 'me'] as const;

export type SwitchableRole = NonNullable<Me['switchableTo']>;

/** The current session's account, or null when nobody is logged in (an answer, not a 401). */
export function fetchMe(): Promise<Me | null> {
  return apiGet<Me | null>('/auth/session');
}

export function login(body: LoginBody): Promise<Me> {
  return apiPost<Me>('/auth/login', body);
}

export function logout(): Promise<void> {
  return apiPost('/auth/logout');
}

export function changePassword(body: ChangePasswordBody): Promise<Me> {
  return apiPost<Me>('/auth/password', body);
}

export function switchRole(role: SwitchableRole): Promise<Me> {
  return apiPost<Me>('/auth/switch-role', { role });
}

/** Forgets every cached answer and records who is (or is not) logged in now. */
export function resetSession(client: QueryClient, me: Me | null): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  client.setQueryData(meQueryKey, me);
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: (me) => resetSession(client, me) });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    // Leaving must always work, even when the session has already ended on the server.
    mutationFn: () => logout().catch(() => undefined),
    onSettled: () => resetSession(client, null),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
  });
}

export const switchRoleKey = ['auth', 'switch-role'] as const;

/**
 * Until the page's own requests are answered (at most 5 s): a request still on its way when the session switches
 * would be answered under the new role, which may not see that page (403). While the switch runs the layout shows
 * no page (AppLayout), so no new request starts meanwhile.
 */
async function settled(client: QueryClient): Promise<void> {
  for (let waited = 0; client.isFetching() > 0 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
}

export function useSwitchRole() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: switchRoleKey,
    mutationFn: async (role: SwitchableRole) => {
      await settled(client);
      // What is still asking after that (a slow answer, a retry after a 503) is let go rather than answered under the
      // new role: the queries first, so that none reports the aborted request as an error or retries it.
      await client.cancelQueries();
      abortReads();
      return switchRole(role);
    },
    onSuccess: (me) => resetSession(client, me),
  });
}

/** Whether 修改密码 needs an SMS code to the bound phone (考核政策 修改密码须短信验证). */
export function usePasswordChangeRequirements() {
  return useQuery({ queryKey: ['auth', 'password-requirements'], queryFn: () => apiGet<PasswordChangeRequirements>('/auth/password/requirements') });
}

export function useSendPasswordChangeCode() {
  return useMutation({ mutationFn: () => apiPost<SmsCodeSent>('/auth/password/code') });
}
