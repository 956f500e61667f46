import { useQuery } from '@tanstack/react-query';
import type { Home } from '../../../common/schemas/home';
import { apiGet } from './client';

export const homeQueryKey = ['home'] as const;

export function fetchHome(): Promise<Home> {
  return apiGet<Home>('/home');
}

export function useHome() {
  return useQuery({ queryKey: homeQueryKey, queryFn: fetchHome });
}
