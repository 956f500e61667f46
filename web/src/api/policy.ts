// 考核政策 (authority): the province's policy, 保存 by the provincial authority.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Policy, PolicyBody, PolicyRules } from '../../../common/schemas/policy';
import { apiGet, apiPut } from './client';

const key = ['policy'] as const;

export function usePolicy() {
  return useQuery({ queryKey: key, queryFn: () => apiGet<Policy>('/policy') });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody) => apiPut<Policy>('/policy', body),
    onSuccess: (policy) => {
      client.setQueryData(key, policy);
      void client.invalidateQueries({ queryKey: [...key, 'rules'] });
    },
  });
}

/** The 考核政策 options that change menus, buttons and the 修改密码 form, for every role of the province. */
export function usePolicyRules(enabled = true) {
  return useQuery({ queryKey: [...key, 'rules'], queryFn: () => apiGet<PolicyRules>('/policy/rules'), enabled, staleTime: 60_000 });
}
