// 监考: the physician's consent text and snapshots, and 监考管理 (list, 查看, 标记疑似, 认定作弊, 撤销认定).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CameraIssue, ProctoringItem, ProctoringList, ProctoringPlan, ProctoringRecord, ProctoringSettings } from '../../../common/schemas/proctoring';
import { API_BASE, apiGet, apiPost, apiUpload } from './client';

export function useProctoringSettings(enabled = true) {
  return useQuery({ queryKey: ['proctoring', 'settings'], queryFn: () => apiGet<ProctoringSettings>('/proctoring/settings'), enabled, staleTime: 60_000 });
}

export const proctoringPlan = (attemptId: number) => apiGet<ProctoringPlan>(`/proctoring/attempts/${attemptId}/plan`);

export function uploadSnapshot(attemptId: number, jpeg: Blob, trigger: 'start' | 'random', takenAt: string) {
  const form = new FormData();
  form.append('file', jpeg, 'snapshot.jpg');
  return apiUpload<{ id: number }>(`/proctoring/attempts/${attemptId}/snapshots?trigger=${trigger}&takenAt=${encodeURIComponent(takenAt)}`, form);
}

export const reportCameraIssue = (attemptId: number, issue: CameraIssue) => apiPost(`/proctoring/attempts/${attemptId}/camera-issue`, { issue });

export type ProctoringFilters = Record<string, string | number | undefined>;

const query = (params: ProctoringFilters) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  return search.toString();
};

export function useProctoringList(params: ProctoringFilters) {
  return useQuery({ queryKey: ['proctoring', 'cases', params], queryFn: () => apiGet<ProctoringList>(`/proctoring/cases?${query(params)}`), placeholderData: keepPreviousData });
}

export function useProctoringRecord(attemptId: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['proctoring', 'case', attemptId],
    queryFn: async () => {
      const record = await apiGet<ProctoringRecord>(`/proctoring/cases/${attemptId}`);
      // Opening it set 已查看.
      void client.invalidateQueries({ queryKey: ['proctoring', 'cases'] });
      return record;
    },
    enabled: attemptId !== null,
    staleTime: 0,
  });
}

export const snapshotUrl = (id: number) => `${API_BASE}/proctoring/snapshots/${id}/image`;
export const filePhotoUrl = (id: string) => `${API_BASE}/files/${id}`;

export function useProctoringDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, action, text }: { attemptId: number; action: 'suspect' | 'confirm' | 'revoke'; text: string }) =>
      apiPost<ProctoringItem>(`/proctoring/cases/${attemptId}/${action}`, action === 'suspect' ? { note: text } : { reason: text }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['proctoring'] }),
  });
}
