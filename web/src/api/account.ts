// 重置密码 by SMS code (public) and the physician's 账户设置 (bound phone).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountSettings,
  BindPhoneBody,
  PasswordResetBody,
  PasswordResetCodeBody,
  SmsCodeSent,
} from '../../../common/schemas/account';
import { apiGet, apiPost } from './client';

const settingsKey = ['account', 'settings'] as const;

export function useSendPasswordResetCode() {
  return useMutation({ mutationFn: (body: PasswordResetCodeBody) => apiPost<SmsCodeSent>('/auth/password-reset/code', body) });
}

export function useResetPasswordBySms() {
  return useMutation({ mutationFn: (body: PasswordResetBody) => apiPost('/auth/password-reset', body) });
}

export function useAccountSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => apiGet<AccountSettings>('/account/settings') });
}

export function useSendPhoneCode() {
  return useMutation({ mutationFn: (phone: string) => apiPost<SmsCodeSent>('/account/phone/code', { phone }) });
}

export function useBindPhone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BindPhoneBody) => apiPost<AccountSettings>('/account/phone', body),
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}
