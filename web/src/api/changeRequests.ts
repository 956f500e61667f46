// 医师信息修改申请: the physician's own requests and 提交申请; the institution's list, 通过 and 驳回.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeRequestBody,
  ChangeRequestItem,
  ChangeRequestList,
  ChangeRequestListQuery,
  MyChangeRequests,
} from '../../../common/schemas/change-requests';
import { queryString } from '../lib/download';
import { apiGet, apiPost } from './client';
import { workListOptions } from './queryClient';

const root = ['change-requests'] as const;
const keys = { mine: [...root, 'mine'] as const, list: [...root, 'list'] as const };

export function useMyChangeRequests() {
  return useQuery({ queryKey: keys.mine, queryFn: () => apiGet<MyChangeRequests>('/change-requests/mine') });
}

export function useSubmitChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeRequestBody) => apiPost<ChangeRequestItem>('/change-requests', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mine }),
  });
}

export function useChangeRequestList(query: ChangeRequestListQuery) {
  return useQuery({
    queryKey: [...keys.list, query],
    queryFn: () => apiGet<ChangeRequestList>(`/change-requests${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
    // A review queue: physicians keep asking and other reviewers keep deciding.
    ...workListOptions,
  });
}

/** 通过 / 驳回; either way the list and the home's 待处理任务 count change (also on 409: someone else decided). */
export function useReviewChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; decision: 'approve' } | { id: number; decision: 'reject'; reason: string }) =>
      input.decision === 'approve'
        ? apiPost<ChangeRequestItem>(`/change-requests/${input.id}/approve`)
        : apiPost<ChangeRequestItem>(`/change-requests/${input.id}/reject`, { reason: input.reason }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.list }), client.invalidateQueries({ queryKey: ['home'] })]),
  });
}
