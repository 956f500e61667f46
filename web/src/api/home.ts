import { useQuery } from '@tanstack/react-query';
import type { Home } from '../../../common/schemas/home';
import { apiGet } from './client';
import { workListOptions } from './queryClient';

export const homeQueryKey = ['home'] as const;

export function fetchHome(): Promise<Home> {
  return apiGet<Home>('/home');
}

export function useHome() {
  // 待处理任务 (and the physician's 当前任务) change with others' work.
  return useQuery({ queryKey: homeQueryKey, queryFn: fetchHome, ...workListOptions });
}
