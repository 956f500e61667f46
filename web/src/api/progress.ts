// 进度管理: 考核进度 (list, 导出) and 考核情况综合查询 for the institution, its assessor and the authority.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ProgressFilters,
  ProgressInstitutionOption,
  ProgressList,
  ProgressSummary,
  ProgressSummaryQuery,
} from '../../../common/schemas/assessment-progress';
import { queryString } from '../lib/download';
import { API_BASE, apiGet } from './client';

const progressKey = ['progress'] as const;

/** Whichever filters are set. */
export type ProgressSearch = Partial<ProgressFilters>;

export interface ProgressQuery extends ProgressSearch {
  page: number;
  pageSize: number;
}

export function useProgressList(query: ProgressQuery) {
  return useQuery({
    queryKey: [...progressKey, 'list', query],
    queryFn: () => apiGet<ProgressList>(`/progress${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useProgressSummary(query: Partial<ProgressSummaryQuery>) {
  return useQuery({
    queryKey: [...progressKey, 'summary', query],
    queryFn: () => apiGet<ProgressSummary>(`/progress/summary${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** The 卫生机构 / 机构 picker: institutions of the actor's scope whose name contains `name` (the first 20). */
export function useProgressInstitutions(name: string) {
  return useQuery({
    queryKey: [...progressKey, 'institutions', name],
    queryFn: () => apiGet<{ items: ProgressInstitutionOption[] }>(`/progress/institutions${queryString({ name })}`),
    placeholderData: keepPreviousData,
  });
}

/** The streamed 导出 of every row the filters match (the browser saves it). */
export const progressExportUrl = (search: ProgressSearch) => `${API_BASE}/progress/export${queryString({ ...search })}`;
