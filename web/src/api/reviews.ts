// 审核 / 复核: the institution's and the assessor's lists of 一般程序 / 简易程序 / 免考, the record, and the decisions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApproveBody,
  BatchApproveBody,
  OpinionBody,
  RejectBody,
  ReviewKind,
  ReviewList,
  ReviewListQueryInput,
  ReviewRecord,
} from '../../../common/schemas/review';
import { queryString } from '../lib/download';
import { apiGet, apiPost, isApiRequestError } from './client';
import { workListOptions } from './queryClient';

const root = ['reviews'] as const;
const keys = {
  lists: [...root, 'list'] as const,
  record: (enrolmentId: number) => [...root, 'record', enrolmentId] as const,
};

export type ReviewListQuery = ReviewListQueryInput & { kind: ReviewKind; page: number; pageSize: number };

export function useReviewList(query: ReviewListQuery) {
  return useQuery({
    queryKey: [...keys.lists, query],
    queryFn: () => apiGet<ReviewList>(`/reviews${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
    // A review queue: physicians keep submitting and other reviewers keep deciding.
    ...workListOptions,
  });
}

export function useReviewRecord(enrolmentId: number | null) {
  return useQuery({
    queryKey: keys.record(enrolmentId ?? 0),
    queryFn: () => apiGet<ReviewRecord>(`/reviews/${enrolmentId}`),
    enabled: enrolmentId !== null,
    staleTime: 0,
  });
}

/** Someone else acted on the record first (409, STALE_REVIEW_MESSAGE): the page shows the message and reloads. */
export function isStaleReview(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409;
}

/**
 * A decision on one record: its answer replaces the cached record; whatever happened (also a 409), the lists,
 * the record and the homes' 待处理任务 and 考核进度 counts are asked again.
 */
function useRecordMutation<TInput extends { enrolmentId: number }>(call: (input: TInput) => Promise<ReviewRecord>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (record) => client.setQueryData(keys.record(record.enrolmentId), record),
    onSettled: (_data, _error, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.lists }),
        client.invalidateQueries({ queryKey: keys.record(input.enrolmentId) }),
        client.invalidateQueries({ queryKey: ['home'] }),
        client.invalidateQueries({ queryKey: ['progress'] }),
      ]),
  });
}

/** 提交 (institution, with its evaluation) or 通过 (assessor). */
export function useApproveReview() {
  return useRecordMutation(({ enrolmentId, body }: { enrolmentId: number; body: ApproveBody }) => apiPost<ReviewRecord>(`/reviews/${enrolmentId}/approve`, body));
}

export function useRejectReview() {
  return useRecordMutation(({ enrolmentId, body }: { enrolmentId: number; body: RejectBody }) => apiPost<ReviewRecord>(`/reviews/${enrolmentId}/reject`, body));
}

/** 【新增意见】: another practice site's opinion. */
export function useAddOpinion() {
  return useRecordMutation(({ enrolmentId, body }: { enrolmentId: number; body: OpinionBody }) => apiPost<ReviewRecord>(`/reviews/${enrolmentId}/opinions`, body));
}

/** 免考 通过; `version` is the record's `exemption.version`. */
export function useApproveExemption() {
  return useRecordMutation(({ enrolmentId, version }: { enrolmentId: number; version: number }) =>
    apiPost<ReviewRecord>(`/reviews/${enrolmentId}/exemption/approve`, { version }),
  );
}

export function useRejectExemption() {
  return useRecordMutation(({ enrolmentId, body }: { enrolmentId: number; body: RejectBody }) =>
    apiPost<ReviewRecord>(`/reviews/${enrolmentId}/exemption/reject`, body),
  );
}

/** 批量审核: every chosen registration passes (工作成绩、职业道德 合格), or none does. */
export function useBatchApprove() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchApproveBody) => apiPost<{ approved: number }>('/reviews/batch-approve', body),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: root }),
        client.invalidateQueries({ queryKey: ['home'] }),
        client.invalidateQueries({ queryKey: ['progress'] }),
      ]),
  });
}
