// 题库管理 (provincial authority): the list, counts, one item, its preview, create / edit, 停用 / 启用, import and export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../common/schemas/institution';
import type { BankCounts, BankFilters, BankItemBody, BankItemDetail, BankItemSaved, BankList, BankListQuery, BankPreview } from '../../../common/schemas/question-bank';
import { queryString } from '../lib/download';
import { API_BASE, apiGet, apiPost, apiPut, apiUpload } from './client';

const root = ['question-bank'] as const;

export function useBankList(query: BankListQuery) {
  return useQuery({
    queryKey: [...root, 'list', query],
    queryFn: () => apiGet<BankList>(`/question-bank/items${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useBankCounts() {
  return useQuery({ queryKey: [...root, 'counts'], queryFn: () => apiGet<BankCounts>('/question-bank/counts') });
}

export function useBankItem(id: number | null) {
  return useQuery({ queryKey: [...root, 'item', id], queryFn: () => apiGet<BankItemDetail>(`/question-bank/items/${id}`), enabled: id !== null });
}

export function useBankPreview(id: number | null) {
  return useQuery({ queryKey: [...root, 'preview', id], queryFn: () => apiGet<BankPreview>(`/question-bank/items/${id}/preview`), enabled: id !== null });
}

/** Any write changes the list, the counts and what 试卷规则 shows of the bank. */
function useInvalidateBank() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: root }), client.invalidateQueries({ queryKey: ['paper-rules'] })]);
}

export function useSaveBankItem() {
  const invalidate = useInvalidateBank();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: BankItemBody }) =>
      id === null ? apiPost<BankItemSaved>('/question-bank/items', body) : apiPut<BankItemSaved>(`/question-bank/items/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useSetBankItemEnabled() {
  const invalidate = useInvalidateBank();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) => apiPost(`/question-bank/items/${id}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: invalidate,
  });
}

export function useImportBank() {
  const invalidate = useInvalidateBank();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportResult>('/question-bank/import', form);
    },
    onSuccess: invalidate,
  });
}

export const bankTemplateUrl = `${API_BASE}/question-bank/import-template`;
export const bankExportUrl = (filters: BankFilters) => `${API_BASE}/question-bank/export${queryString({ ...filters })}`;
