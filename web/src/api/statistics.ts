// 考核统计: the table of a scope (by 科室, 委托机构 or 区划), its daily line, and the 导出 of the table.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Statistics, StatisticsDaily, StatisticsQueryInput } from '../../../common/schemas/statistics';
import { queryString } from '../lib/download';
import { API_BASE, apiGet } from './client';

const statisticsKey = ['statistics'] as const;

export type StatisticsSearch = StatisticsQueryInput;

export function useStatistics(query: StatisticsSearch) {
  return useQuery({
    queryKey: [...statisticsKey, 'table', query],
    queryFn: () => apiGet<Statistics>(`/statistics${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useStatisticsDaily(query: Omit<StatisticsSearch, 'split'>) {
  return useQuery({
    queryKey: [...statisticsKey, 'daily', query],
    queryFn: () => apiGet<StatisticsDaily>(`/statistics/daily${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** The streamed 导出 of the table as shown (the browser saves it). */
export const statisticsExportUrl = (query: StatisticsSearch) => `${API_BASE}/statistics/export${queryString({ ...query })}`;
