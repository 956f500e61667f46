// 卫生行政部门首页.
import { useQuery } from '@tanstack/react-query';
import type { AuthorityHome } from '../../../common/schemas/authority-home';
import { apiGet } from './client';

export function useAuthorityHome() {
  return useQuery({ queryKey: ['home', 'authority'], queryFn: () => apiGet<AuthorityHome>('/home/authority') });
}
