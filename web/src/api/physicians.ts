// 医师管理: 医师列表 (institution: its roster; authority: its jurisdiction, read-only), 新增医师, 批量导入, 调离 / 调入.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../common/schemas/institution';
import type {
  EnrolBody,
  HiddenPhysicianList,
  HiddenPhysiciansQuery,
  PhysicianBody,
  PhysicianDetail,
  RosterFilters,
  RosterList,
  RosterSortField,
  TransferCandidate,
  TransferOutBody,
} from '../../../common/schemas/physician';
import { API_BASE, apiDelete, apiGet, apiPost, apiUpload } from './client';
import { queryString } from '../lib/download';

const physiciansKey = ['physicians'] as const;

/** The tab and whichever filters are set. */
export type RosterQueryFilters = Partial<RosterFilters> & Pick<RosterFilters, 'tab'>;

export interface RosterQuery extends RosterQueryFilters {
  page: number;
  pageSize: number;
  sortField?: RosterSortField;
  sortOrder?: 'ascend' | 'descend';
}

export function useRosterList(query: RosterQuery) {
  return useQuery({
    queryKey: [...physiciansKey, 'list', query],
    queryFn: () => apiGet<RosterList>(`/physicians${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePhysicianDetail(id: number | null) {
  return useQuery({
    queryKey: [...physiciansKey, 'detail', id],
    queryFn: () => apiGet<PhysicianDetail>(`/physicians/${id}`),
    enabled: id !== null,
  });
}

/** 调入医师: searched only when a number was entered; the number goes in the body, never in the address. */
export function useTransferSearch(idNumber: string) {
  return useQuery({
    queryKey: [...physiciansKey, 'transfer-search', idNumber],
    queryFn: () => apiPost<{ items: TransferCandidate[] }>('/physicians/transfer-search', { idNumber }),
    enabled: idNumber !== '',
  });
}

/** Every change makes the lists, details and searches stale. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: physiciansKey });
}

/** The full 证件号码; each call is audited by the server, so it is never cached. */
export function useRevealIdNumber() {
  return useMutation({ mutationFn: (id: number) => apiPost<{ idNumber: string }>(`/physicians/${id}/id-number`) });
}

export function useEnrol() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: EnrolBody) => apiPost<{ enrolled: number }>('/physicians/enrol', body), onSuccess: invalidate });
}

export function useCancelEnrolment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiPost(`/physicians/${id}/cancel-enrolment`, { reason }),
    onSuccess: invalidate,
  });
}

export function useReturnRegistration() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiPost(`/physicians/${id}/return-registration`, { reason }),
    onSuccess: invalidate,
  });
}

/** 打回报名 (institution, before its review; where the 考核政策 allows it). */
export function useInstitutionReturn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiPost(`/physicians/${id}/institution-return`, { reason }),
    onSuccess: invalidate,
  });
}

/** 隐藏 (where the 考核政策 allows it): the physician leaves the roster for 医师暂存. */
export function useHidePhysician() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => apiPost(`/physicians/${id}/hide`, { reason }),
    onSuccess: invalidate,
  });
}

export function useUnhidePhysician() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => apiPost(`/physicians/${id}/unhide`), onSuccess: invalidate });
}

/** 医师暂存: the institution's hidden physicians. */
export function useHiddenPhysicians(query: HiddenPhysiciansQuery) {
  return useQuery({
    queryKey: [...physiciansKey, 'hidden', query],
    queryFn: () => apiGet<HiddenPhysicianList>(`/physicians/hidden${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useTransferOut() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TransferOutBody }) => apiPost(`/physicians/${id}/transfer-out`, body),
    onSuccess: invalidate,
  });
}

export function useTransferIn() {
  const invalidate = useInvalidate();
  // The server takes only the physician the search found: the id and the 证件号码 searched must match.
  return useMutation({ mutationFn: ({ id, idNumber }: { id: number; idNumber: string }) => apiPost(`/physicians/${id}/transfer-in`, { idNumber }), onSuccess: invalidate });
}

export function useResetPhysicianPassword() {
  return useMutation({ mutationFn: (id: number) => apiPost(`/physicians/${id}/reset-password`) });
}

export function useDeletePhysician() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => apiDelete(`/physicians/${id}`), onSuccess: invalidate });
}

export function useCreatePhysician() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: PhysicianBody) => apiPost<PhysicianDetail>('/physicians', body), onSuccess: invalidate });
}

/** The photo of 新增医师, sent after the record exists (the list and detail then show it). */
export function useUploadPhysicianPhoto() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<{ photoFileId: string }>(`/physicians/${id}/photo`, form, 'PUT');
    },
    onSuccess: invalidate,
  });
}

export function useImportPhysicians() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportResult>('/physicians/import', form);
    },
    onSuccess: invalidate,
  });
}

export const physicianTemplateUrl = `${API_BASE}/physicians/import-template`;

export const physicianExportUrl = (filters: RosterQueryFilters) => `${API_BASE}/physicians/export${queryString({ ...filters })}`;

export const fileUrl = (fileId: string) => `${API_BASE}/files/${fileId}`;
