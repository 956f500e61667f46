// multipart/form-data calls (file uploads): the same CSRF header and error shape as client.ts.
import type { ApiError } from '../../../common/schemas/error';
import { API_BASE, ApiRequestError } from './client';

function csrfToken(): string | null {
  const match = document.cookie.split(';').map((p) => p.trim()).find((p) => p.startsWith('csrf_token='));
  return match ? decodeURIComponent(match.slice('csrf_token='.length)) : null;
}

/** POSTs a form with files; the browser sets the multipart boundary. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    let apiError: ApiError = { code: `HTTP_${response.status}`, message: response.status === 413 ? '上传的文件过大' : '上传失败，请稍后重试' };
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
