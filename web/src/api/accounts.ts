// What an account's superior may do for it: 重置密码 and 解锁.
import { useMutation } from '@tanstack/react-query';
import { apiPost } from './client';

export function useResetPassword() {
  return useMutation({ mutationFn: (accountId: number) => apiPost(`/accounts/${accountId}/reset-password`) });
}

export function useUnlockAccount() {
  return useMutation({ mutationFn: (accountId: number) => apiPost(`/accounts/${accountId}/unlock`) });
}
