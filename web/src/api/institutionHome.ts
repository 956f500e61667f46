// 医疗卫生机构首页 and the 告知栏's 【去确认】.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstitutionHome } from '../../../common/schemas/institution-home';
import { useCurrentUser } from '../auth/currentUser';
import { apiGet, apiPost } from './client';
import { workListOptions } from './queryClient';

const key = ['home', 'institution'] as const;

export function useInstitutionHome() {
  // After 切换 to 考核机构 this page renders once more under the new session before the assessor's home replaces
  // it; asking then would be refused (403), so the query waits for the institution role.
  const { role } = useCurrentUser();
  // 待处理任务 and 考核进度 change with others' work.
  return useQuery({
    queryKey: key,
    queryFn: () => apiGet<InstitutionHome>('/home/institution'),
    ...workListOptions,
    enabled: role === 'institution',
  });
}

export function useConfirmCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cycleId: number) => apiPost<{ cycleId: number; confirmedAt: string }>('/home/institution/confirm-cycle', { cycleId }),
    onSuccess: ({ confirmedAt }) =>
      client.setQueryData<InstitutionHome>(key, (home) => (home ? { ...home, cycleConfirmedAt: confirmedAt } : home)),
  });
}
