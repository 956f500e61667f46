// 补考管理: 待确认补考 / 待参加补考 lists, 导出, and the provincial authority's 允许补考 / 不允许补考.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetakeDecisionInput, RetakeFiltersInput, RetakeList } from '../../../common/schemas/retakes';
import { queryString } from '../lib/download';
import { API_BASE, apiGet, apiPost } from './client';

export type RetakeSearch = Partial<RetakeFiltersInput>;

export function useRetakeList(query: RetakeSearch & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['retakes', query],
    queryFn: () => apiGet<RetakeList>(`/retakes${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export const retakeExportUrl = (search: RetakeSearch) => `${API_BASE}/retakes/export${queryString({ ...search })}`;

export function useDecideRetakes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RetakeDecisionInput) => apiPost<{ count: number }>('/retakes/decisions', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['retakes'] }),
  });
}
