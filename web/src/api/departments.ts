// 科室信息 (institution) and the enabled departments for physician forms.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentBody, DepartmentList, DepartmentListQuery, DepartmentOption } from '../../../common/schemas/departments';
import { apiDelete, apiGet, apiPost, apiPut } from './client';
import { queryString } from '../lib/download';

const departmentsKey = ['departments'] as const;

export function useDepartmentList(query: DepartmentListQuery) {
  return useQuery({
    queryKey: [...departmentsKey, 'list', query],
    queryFn: () => apiGet<DepartmentList>(`/departments${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useDepartmentOptions() {
  return useQuery({ queryKey: [...departmentsKey, 'options'], queryFn: () => apiGet<DepartmentOption[]>('/departments/options') });
}

/** Every change makes the list (all its pages) and the options stale. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: departmentsKey });
}

export function useSaveDepartment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: DepartmentBody }) =>
      id ? apiPut<Department>(`/departments/${id}`, body) : apiPost<Department>('/departments', body),
    onSuccess: invalidate,
  });
}

export function useSetDepartmentEnabled() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) => apiPost<Department>(`/departments/${id}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => apiDelete(`/departments/${id}`), onSuccess: invalidate });
}
