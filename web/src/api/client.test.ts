import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, apiGet, apiPost, apiUpload, errorMessage, onSessionEvent, type SessionEvent } from './client';

type FetchArgs = [string, RequestInit];

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

let fetchMock: ReturnType<typeof vi.fn<(...args: FetchArgs) => Promise<Response>>>;
let events: SessionEvent[];

beforeEach(() => {
  fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('document', { cookie: 'theme=x; csrf_token=abc%3D123' });
  events = [];
  onSessionEvent((event) => events.push(event));
});

afterEach(() => {
  onSessionEvent(null);
  vi.unstubAllGlobals();
});

const headersOf = (call: number) => fetchMock.mock.calls[call]?.[1].headers as Record<string, string>;

describe('api client', () => {
  it('sends a file form as multipart (boundary left to the browser) with the CSRF header', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { id: 1 }));
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.xlsx');
    await apiUpload('/notices/1', form, 'PUT');
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'PUT', body: form });
    expect(headersOf(0)['content-type']).toBeUndefined();
    expect(headersOf(0)['x-csrf-token']).toBe('abc=123');
  });

  it('tells how long to wait when a 429 carries Retry-After', async () => {
    fetchMock.mockImplementation(
      async () => new Response(JSON.stringify({ error: { code: 'TOO_MANY_REQUESTS', message: '请45秒后再试' } }), { status: 429, headers: { 'retry-after': '45' } }),
    );
    const error = await apiPost('/auth/password-reset/code', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).retryAfterSeconds).toBe(45);
  });

  it('turns an over-size upload into 上传的文件过大', async () => {
    fetchMock.mockImplementation(async () => new Response('<html>413</html>', { status: 413 }));
    const error = await apiUpload('/institutions/import', new FormData()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(errorMessage(error)).toBe('上传的文件过大');
  });

  it('sends the CSRF cookie on mutations, not on reads, and same-origin credentials', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    await apiGet('/home');
    await apiPost('/auth/switch-role', { role: 'assessor' });

    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/home');
    expect(headersOf(0)['x-csrf-token']).toBeUndefined();
    expect(headersOf(1)['x-csrf-token']).toBe('abc=123');
    expect(fetchMock.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(fetchMock.mock.calls[1]?.[1].body).toBe('{"role":"assessor"}');
  });

  it('returns nothing for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiPost('/auth/logout')).resolves.toBeUndefined();
  });

  it('throws the server message and field messages', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, { error: { code: 'VALIDATION_FAILED', message: '请输入验证码', fields: { captcha: '请输入验证码' } } }),
    );
    const error = await apiPost('/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '请输入验证码' });
    expect((error as ApiRequestError).fields).toEqual({ captcha: '请输入验证码' });
  });

  it('falls back to a Chinese message when the body is not an API error', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await apiGet('/home').catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('服务器出错，请稍后重试');
  });

  it('reports an unreachable server as status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await apiGet('/home').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, message: '无法连接服务器，请检查网络后重试' });
  });

  it('announces the end of the session on a 401, except from login, me and logout', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(401, { error: { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' } }),
    );
    await apiPost('/auth/login', {}).catch(() => undefined);
    await apiGet('/auth/me').catch(() => undefined);
    await apiPost('/auth/logout').catch(() => undefined);
    expect(events).toEqual([]);

    await apiGet('/home').catch(() => undefined);
    expect(events).toEqual(['ended']);
  });

  it('announces that the initial password must be changed first', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改初始密码' } }),
    );
    await apiGet('/home').catch(() => undefined);
    expect(events).toEqual(['passwordChangeRequired']);
  });
});
