// 医疗机构考核 (institution, 多点执业 site): the list, 保存 per row and 「职业道德 工作成绩合格」.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteEvaluationBatchBody, SiteEvaluationBody, SiteEvaluationList, SiteEvaluationListQuery } from '../../../common/schemas/multi-site-evaluation';
import { queryString } from '../lib/download';
import { apiGet, apiPost, apiPut } from './client';

const key = ['multi-site-evaluations'] as const;

export function useSiteEvaluations(query: SiteEvaluationListQuery) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => apiGet<SiteEvaluationList>(`/multi-site-evaluations${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useSaveSiteEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, body }: { enrolmentId: number; body: SiteEvaluationBody }) => apiPut(`/multi-site-evaluations/${enrolmentId}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function usePassAllSiteEvaluations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteEvaluationBatchBody) => apiPost<{ passed: number }>('/multi-site-evaluations/batch-pass', body),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
