// Unvalidated input must never become a 500: every `:id` route refuses ids the database cannot hold, every
// route refuses control characters (NUL) in what it reads, and what Fastify refuses by itself (size limits,
// a body that is not an object, broken JSON) is answered in Chinese naming the limit or the problem.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, Client, type TestApp } from '../test-support/app.js';
import { TEST_PASSWORD, buildAuthority, buildInstitution } from '../test-support/factories.js';

let t: TestApp;
let clerk: Client;
let clerkLogin: string;

beforeAll(async () => {
  t = await createTestApp();
  const authority = await buildAuthority(t.db, { regionCode: '990000' });
  const hospital = await buildInstitution(t.db, { authorityId: authority.authority.id, regionCode: '990101' });
  clerkLogin = hospital.loginName;
}, 240_000);
// A fresh session for each test: the walks below also reach 退出.
beforeEach(async () => {
  clerk = await loginAs(t.app, clerkLogin, TEST_PASSWORD);
});
afterAll(() => t.close());

/** Every route of the app, read from Fastify's own route tree. */
function routeTable(): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1].length / 4;
    stack.push(m[2]);
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push({ method, url: stack.join('') });
  }
  return routes.filter((r) => r.url.startsWith('/api/v1/'));
}

const CHINESE = /[\u4e00-\u9fff]/;
const send = (method: string, url: string, payload?: unknown) => clerk.request(method as 'GET', url, payload);

describe('ids above 2³¹−1', () => {
  it('are a 400 in Chinese on every :id route, not a 500', async () => {
    const idRoutes = routeTable().filter((r) => r.url.includes('/:id'));
    expect(idRoutes.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const { method, url } of idRoutes) {
      const res = await send(method, url.replace(':id', '99999999999'), method === 'GET' || method === 'DELETE' ? undefined : {});
      if (res.statusCode !== 400 || !CHINESE.test(res.json().error.message)) wrong.push(`${method} ${url}: ${res.statusCode} ${res.body}`);
    }
    expect(wrong).toEqual([]);
  });

  it('are refused in bodies and filters too', async () => {
    const res = await clerk.post('/api/v1/physicians/enrol', { physicianIds: [99999999999] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('医师不正确');
    const list = await clerk.get('/api/v1/physicians?departmentId=99999999999');
    expect(list.statusCode).toBe(400);
    expect(list.json().error.message).toBe('科室不正确');
  });
});

describe('a NUL byte', () => {
  it('in any body or query is a 400 in Chinese on every route, never a 500', async () => {
    const wrong: string[] = [];
    let refused = 0;
    // 退出 would end the session the walk uses.
    for (const { method, url } of routeTable().filter((r) => r.url !== '/api/v1/auth/logout')) {
      const path = url.replace(':id', '1').replace(':step', 'basic').replace(':slot|:fileId', 'photo');
      const res =
        method === 'GET' || method === 'DELETE'
          ? await send(method, `${path}?name=a%00b&keyword=a%00b&idNumber=1234%00`)
          : await send(method, path, { name: 'a\u0000b', reason: 'a\u0000b', account: 'a\u0000b' });
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !CHINESE.test(res.json().error.message))) wrong.push(`${method} ${url}: ${res.statusCode} ${res.body}`);
      if (res.statusCode === 400 && res.json().error.message.includes('含有非法字符')) refused++;
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(40);
  });

  it('in the login body is refused naming the field, before any session exists', async () => {
    const res = await new Client(t.app).post('/api/v1/auth/login', { tab: 'organization', account: 'wjw\u0000', password: 'x', captcha: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ message: '账号含有非法字符', fields: { account: '账号含有非法字符' } });
  });

  it('in an uploaded file name is refused naming the file field', async () => {
    const boundary = 'nul-name';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nxx\r\n--${boundary}--\r\n`,
    );
    const res = await clerk.request('POST', '/api/v1/physicians/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('导入文件：文件名含有非法字符');
  });

  it('in an export filter is refused before the download starts', async () => {
    const res = await clerk.get('/api/v1/physicians/export?tab=unconfirmed&name=%E6%9D%8E%00');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json().error.message).toBe('姓名含有非法字符');
  });
});

describe('what Fastify refuses by itself', () => {
  it('a JSON body that is not an object', async () => {
    const res = await clerk.request('POST', '/api/v1/physicians/enrol', null, { 'content-type': 'application/json' });
    const nullBody = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: 'null', headers: { 'content-type': 'application/json' } });
    expect(nullBody.statusCode).toBe(400);
    expect(nullBody.json().error.message).toBe('请求内容须为JSON对象');
    const list = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '[1]', headers: { 'content-type': 'application/json' } });
    expect(list.json().error.message).toBe('请求内容须为JSON对象');
    expect(res.statusCode).toBe(400);
  });

  it('broken JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"account":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求内容不是有效的JSON');
  });

  it('a body over the size limit names the limit', async () => {
    const res = await clerk.post('/api/v1/physicians/enrol', { filler: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('上传内容超过大小限制（最大 1 MB）');
  });

  it('an uploaded file over the size limit names the limit', async () => {
    const boundary = 'limit-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(20 * 1024 * 1024 + 10, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await clerk.request('POST', '/api/v1/physicians/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('上传文件超过大小限制（最大 20 MB）');
  });
});
