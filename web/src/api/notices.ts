// 通知公告: the authority's own notices (with attachments) and the public lists of the login page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notice, NoticeList, NoticeListQuery, PublicNoticeList } from '../../../common/schemas/notices';
import type { ApiError } from '../../../common/schemas/error';
import { API_BASE, ApiRequestError, apiDelete, apiGet, apiPost } from './client';
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

function csrfToken(): string | null {
  const part = document.cookie.split(';').map((p) => p.trim()).find((p) => p.startsWith('csrf_token='));
  return part ? decodeURIComponent(part.slice('csrf_token='.length)) : null;
}

/** Sends the form (fields and files) as multipart/form-data, with the CSRF header; errors as client.ts shapes them. */
async function sendForm<T>(method: 'POST' | 'PUT', path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method, headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    let apiError: ApiError = { code: `HTTP_${response.status}`, message: response.status === 413 ? '上传的文件过大' : '保存失败，请稍后重试' };
    try {
      const body = (await response.json()) as { error?: ApiError };
      if (body.error?.message) apiError = body.error;
    } catch {
      // not JSON: keep the generic message
    }
    throw new ApiRequestError(response.status, apiError);
  }
  return (await response.json()) as T;
}

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
      id ? sendForm<Notice>('PUT', `/notices/${id}`, toFormData(values)) : sendForm<Notice>('POST', '/notices', toFormData(values)),
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
