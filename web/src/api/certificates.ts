// 合格证书: 证书查验 (public), 历史考核结果查询, the PDF links (下载证书 / 打印 / 批量下载), 撤销证书 and the 公章.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { historyFiltersSchema, HistoryList, SealInfo, VerifyResult } from '../../../common/schemas/certificates';
import { queryString } from '../lib/download';
import { API_BASE, apiGet, apiPost, apiUpload } from './client';

export type HistorySearch = Partial<z.input<typeof historyFiltersSchema>>;

export function useVerify(query: { number: string; name?: string; tag?: string } | null) {
  return useQuery({
    queryKey: ['certificate-verify', query],
    queryFn: () => apiGet<VerifyResult>(`/certificates/verify${queryString({ ...query })}`),
    enabled: query !== null,
    retry: false,
  });
}

export function useHistoryList(query: HistorySearch & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['certificate-history', query],
    queryFn: () => apiGet<HistoryList>(`/certificates/history${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export const historyExportUrl = (search: HistorySearch) => `${API_BASE}/certificates/history/export${queryString({ ...search })}`;
/** How many valid certificates the batch would hold (asked before 批量下载证书, so the confirm can say it). */
export const historyCertificateCount = (search: HistorySearch) =>
  apiGet<{ count: number; limit: number }>(`/certificates/history/certificate-count${queryString({ ...search })}`);
export const historyPdfUrl = (search: HistorySearch) => `${API_BASE}/certificates/history/pdf${queryString({ ...search })}`;
/** The certificate's PDF: inline to print from the browser's viewer, or as a download (下载证书). */
export const certificatePdfUrl = (id: number, download = false) => `${API_BASE}/certificates/${id}/pdf${download ? '?download=1' : ''}`;
export const enrolmentCertificatePdfUrl = (enrolmentId: number, download = false) => `${API_BASE}/certificates/by-enrolment/${enrolmentId}/pdf${download ? '?download=1' : ''}`;

export function useRevokeCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiPost<{ number: string }>(`/certificates/${id}/revoke`, { reason }),
    onSettled: () => client.invalidateQueries({ queryKey: ['certificate-history'] }),
  });
}

export function useSealInfo() {
  return useQuery({ queryKey: ['certificate-seal'], queryFn: () => apiGet<SealInfo>('/certificates/seal') });
}

export function useUploadSeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<SealInfo>('/certificates/seal', form, 'PUT');
    },
    onSuccess: (info) => client.setQueryData(['certificate-seal'], info),
  });
}
