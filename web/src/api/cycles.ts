// 考核周期 (authority): the province's cycles, 新建 and 编辑.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cycle, CycleBody, CycleList, CycleListQuery, CycleUpdateBody } from '../../../common/schemas/cycle';
import { apiGet, apiPost, apiPut } from './client';

const listKey = ['cycles', 'list'] as const;

function listPath(query: CycleListQuery): string {
  const params = new URLSearchParams();
  if (query.page) params.set('page', String(query.page));
  if (query.pageSize) params.set('pageSize', String(query.pageSize));
  if (query.name) params.set('name', query.name);
  const text = params.toString();
  return text ? `/cycles?${text}` : '/cycles';
}

export function useCycleList(query: CycleListQuery) {
  return useQuery({ queryKey: [...listKey, query], queryFn: () => apiGet<CycleList>(listPath(query)), placeholderData: keepPreviousData });
}

/** A saved cycle changes the list and, when it is the current one, every home's 考核安排. */
function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: listKey }), client.invalidateQueries({ queryKey: ['home'] })]);
}

export function useCreateCycle() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CycleBody) => apiPost<Cycle>('/cycles', body), onSuccess: invalidate });
}

export function useUpdateCycle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CycleUpdateBody }) => apiPut<Cycle>(`/cycles/${id}`, body),
    onSuccess: invalidate,
  });
}
