// 通知公告: the authority's own notices (with attachments) and the public lists of the login page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notice, NoticeList, NoticeListQuery, PublicNoticeList } from '../../../common/schemas/notices';
import { API_BASE, apiDelete, apiGet, apiPost, apiUpload } from './client';
import { queryString } from '../lib/download';

const noticesKey = ['notices'] as const;

export function useNoticeList(query: NoticeListQuery) {
  return useQuery({
    queryKey: [...noticesKey, 'list', query],
    queryFn: () => apiGet<NoticeList>(`/notices${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** The login page's lists: published notices, up to `limit` of each category. */
export function usePublicNotices(limit = 5) {
  return useQuery({
    queryKey: [...noticesKey, 'public', limit],
    queryFn: () => apiGet<PublicNoticeList>(`/notices/public?limit=${limit}`),
    staleTime: 60_000,
  });
}

/** The URL that downloads a stored file (public for published notices). */
export const fileUrl = (id: string) => `${API_BASE}/files/${id}`;

export interface NoticeFormValues {
  category: string;
  title: string;
  publishedOn: string;
  files: File[];
  removeFileIds: string[];
}

function toFormData(values: NoticeFormValues): FormData {
  const form = new FormData();
  form.append('category', values.category);
  form.append('title', values.title);
  form.append('publishedOn', values.publishedOn);
  for (const id of values.removeFileIds) form.append('removeFileIds', id);
  for (const file of values.files) form.append('attachments', file, file.name);
  return form;
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: noticesKey });
}

export function useSaveNotice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, values }: { id?: number; values: NoticeFormValues }) =>
      id ? apiUpload<Notice>(`/notices/${id}`, toFormData(values), 'PUT') : apiUpload<Notice>('/notices', toFormData(values)),
    onSuccess: invalidate,
  });
}

export function useSetNoticePublished() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, published }: { id: number; published: boolean }) => apiPost<Notice>(`/notices/${id}/${published ? 'publish' : 'withdraw'}`),
    onSuccess: invalidate,
  });
}

export function useDeleteNotice() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => apiDelete(`/notices/${id}`), onSuccess: invalidate });
}
