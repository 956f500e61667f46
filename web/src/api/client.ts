// The one request/error module: every call to the server goes through here.
import type { ApiError } from '../../../common/schemas/error';

export const API_BASE = '/api/v1';

/** Thrown for every failed call; `status` is 0 when the server could not be reached. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly apiError: ApiError;
  /** From Retry-After: seconds until the server accepts the call again (a 429), if it said. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, apiError: ApiError, retryAfterSeconds: number | null = null) {
    super(apiError.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.apiError = apiError;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): string {
    return this.apiError.code;
  }

  /** Per-field messages for forms, keyed by field name. */
  get fields(): Record<string, string> {
    return this.apiError.fields ?? {};
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** The Chinese message to show for any error thrown by a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  return '操作失败，请稍后重试';
}

// A 401 on these paths is an answer, not a sign that the session ended.
const SESSION_NEUTRAL_PATHS = new Set(['/auth/login', '/auth/me', '/auth/session', '/auth/logout']);

/**
 * What the server can tell about the session in answer to any call:
 * `ended` (401 on an ordinary call) or `passwordChangeRequired` (the initial password must be changed first).
 */
export type SessionEvent = 'ended' | 'passwordChangeRequired';

let sessionHandler: ((event: SessionEvent) => void) | null = null;

/** Registers the one listener for session events (see SessionWatcher). */
export function onSessionEvent(handler: ((event: SessionEvent) => void) | null): void {
  sessionHandler = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const fallbackMessages: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  413: '上传的文件过大',
  422: '提交的内容不符合要求',
  429: '操作过于频繁，请稍后再试',
};

function isApiErrorBody(value: unknown): value is { error: ApiError } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (isApiErrorBody(body)) return body.error;
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic message.
  }
  return {
    code: `HTTP_${response.status}`,
    message: fallbackMessages[response.status] ?? '服务器出错，请稍后重试',
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// Reads still under way when the session changes role (切换) are let go: answered under the other role they would be
// refused (403), or show the other role's data.
let reads = new AbortController();

/** Aborts every GET in flight; later ones go out as usual. */
export function abortReads(): void {
  reads.abort();
  reads = new AbortController();
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file uploads) gets its multipart boundary from the browser.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && path !== '/auth/login') {
    const token = readCookie('csrf_token');
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
  }

  if (!response.ok) {
    const apiError = await readError(response);
    if (response.status === 401 && !SESSION_NEUTRAL_PATHS.has(path)) sessionHandler?.('ended');
    if (apiError.code === 'PASSWORD_CHANGE_REQUIRED') sessionHandler?.('passwordChangeRequired');
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiRequestError(response.status, apiError, Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** `path` is relative to /api/v1, e.g. `/home`. */
/** Sends a form with files (multipart/form-data), with the same CSRF header and error handling. */
export function apiUpload<T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return request<T>(method, path, form);
}

export function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path, undefined, reads.signal);
}

export function apiPost<T = void>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', path, body);
}

export function apiPut<T = void>(path: string, body?: unknown): Promise<T> {
  return request<T>('PUT', path, body);
}

export function apiPatch<T = void>(path: string, body?: unknown): Promise<T> {
  return request<T>('PATCH', path, body);
}

export function apiDelete<T = void>(path: string): Promise<T> {
  return request<T>('DELETE', path);
}
