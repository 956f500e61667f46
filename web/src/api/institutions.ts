// 机构账号 (authority) and 本机构信息 (institution).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInstitutionBody,
  ImportResult,
  InstitutionDetail,
  InstitutionFilters,
  InstitutionList,
  InstitutionListQuery,
  InstitutionProfile,
  UpdateInstitutionProfileBody,
} from '../../../common/schemas/institution';
import { API_BASE, apiGet, apiPost, apiPut, apiUpload } from './client';
import { queryString } from '../lib/download';

const listKey = ['institutions', 'list'] as const;
const profileKey = ['institutions', 'me'] as const;

export function useInstitutionList(query: InstitutionListQuery) {
  return useQuery({
    queryKey: [...listKey, query],
    queryFn: () => apiGet<InstitutionList>(`/institutions${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** After any change, every page of the list is stale. */
function useInvalidateList() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: listKey });
}

export function useCreateInstitution() {
  const invalidate = useInvalidateList();
  return useMutation({
    mutationFn: (body: CreateInstitutionBody) => apiPost<InstitutionDetail>('/institutions', body),
    onSuccess: invalidate,
  });
}

export function useSetInstitutionDisabled() {
  const invalidate = useInvalidateList();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: number; disabled: boolean }) => apiPost(`/institutions/${id}/${disabled ? 'disable' : 'enable'}`),
    onSuccess: invalidate,
  });
}

export function useImportInstitutions() {
  const invalidate = useInvalidateList();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportResult>('/institutions/import', form);
    },
    onSuccess: invalidate,
  });
}

/** The list is refetched after 重置密码 / 解锁 (done through the accounts API). */
export { useInvalidateList as useRefreshInstitutionList };

export const institutionTemplateUrl = `${API_BASE}/institutions/import-template`;

export const institutionExportUrl = (filters: InstitutionFilters) => `${API_BASE}/institutions/export${queryString({ ...filters })}`;

export function useMyInstitution() {
  return useQuery({ queryKey: profileKey, queryFn: () => apiGet<InstitutionProfile>('/institutions/me') });
}

export function useUpdateMyInstitution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInstitutionProfileBody) => apiPut<InstitutionProfile>('/institutions/me', body),
    onSuccess: (profile) => client.setQueryData(profileKey, profile),
  });
}
