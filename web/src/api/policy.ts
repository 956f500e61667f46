// 考核政策 (authority): the province's policy, 保存 by the provincial authority.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Policy, PolicyBody } from '../../../common/schemas/policy';
import { apiGet, apiPut } from './client';

const key = ['policy'] as const;

export function usePolicy() {
  return useQuery({ queryKey: key, queryFn: () => apiGet<Policy>('/policy') });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody) => apiPut<Policy>('/policy', body),
    onSuccess: (policy) => client.setQueryData(key, policy),
  });
}
