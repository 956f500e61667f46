// Logs and metrics. A realistic run with the log on: login, a list filtered by 证件号码, the 调入 search, SMS codes, a database
// error whose query carries personal data. Not one 证件号码, phone number, password, code or session id may
// appear in the log; every request's lines carry the request id, and once signed in, the account and role.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { accounts, smsMessages } from '../db/schema/index.js';
import { Client, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { TEST_PASSWORD, buildAuthority, buildInstitution, buildPhysician } from '../test-support/factories.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

const secrets = new Set<string>([TEST_PASSWORD]);
const PHONE = '13912345678';
const NEW_PHONE = '13787654321';
const NEW_PASSWORD = 'Renewed#2026x';
let t: TestApp;
let idNumber: string;
let institution: Awaited<ReturnType<typeof buildInstitution>>;

/** Keeps every cookie value a client was given (sid, csrf) among the secrets. */
function remember(client: Client): Client {
  for (const value of client.cookies.values()) secrets.add(value);
  return client;
}

async function lastCode(phone: string): Promise<string> {
  const [row] = await t.db.select().from(smsMessages).where(eq(smsMessages.phone, phone)).orderBy(desc(smsMessages.id)).limit(1);
  const code = /验证码为(\d{6})/.exec(row?.content ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  secrets.add(code);
  return code;
}

beforeAll(async () => {
  t = await createTestApp({
    log: { level: 'info', stream: sink },
    // A failing query that carries personal data as parameters, as a bug in a service would.
    extraRoutes: (app) =>
      app.get('/api/test/failing-query', { config: { public: true } }, async () => {
        await t.db.execute(sql`select ${idNumber}::int, ${PHONE}::int`);
      }),
  });
  const authority = await buildAuthority(t.db, { regionCode: '990000' });
  institution = await buildInstitution(t.db, { authorityId: authority.authority.id, regionCode: '990101' });
  const physician = await buildPhysician(t.db, t.pii, { institutionId: institution.institution.id });
  idNumber = physician.idNumber;
  await t.db.update(accounts).set({ boundPhone: PHONE }).where(eq(accounts.id, physician.account.id));
  for (const s of [idNumber, idNumber.slice(-6), PHONE, NEW_PHONE, NEW_PASSWORD]) secrets.add(s);

  const clerk = remember(await loginAs(t.app, institution.loginName, TEST_PASSWORD));
  expect((await clerk.get(`/api/v1/physicians?tab=unconfirmed&idNumber=${idNumber}&page=1`)).statusCode).toBe(200);
  expect((await clerk.get(`/api/v1/physicians?tab=unconfirmed&idNumber=${idNumber.slice(-6)}`)).statusCode).toBe(200);
  await clerk.get(`/api/v1/physicians/transfer-search?idNumber=${idNumber}`);
  expect((await clerk.post('/api/v1/auth/login', { tab: 'organization', account: institution.loginName, password: 'Wrong#2026x', captcha: '' })).statusCode).toBe(401);

  // 重置密码 by SMS code, then the physician signs in and binds a new phone.
  const anonymous = new Client(t.app);
  expect((await anonymous.post('/api/v1/auth/password-reset/code', { idNumber, captcha: '' })).statusCode).toBe(200);
  const resetCode = await lastCode(PHONE);
  expect((await anonymous.post('/api/v1/auth/password-reset', { idNumber, code: resetCode, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
  const physicianClient = remember(await loginAs(t.app, idNumber, NEW_PASSWORD, 'physician'));
  expect((await physicianClient.post('/api/v1/account/phone/code', { phone: NEW_PHONE })).statusCode).toBe(200);
  expect((await physicianClient.post('/api/v1/account/phone', { phone: NEW_PHONE, code: await lastCode(NEW_PHONE) })).statusCode).toBe(200);

  expect((await anonymous.get('/api/test/failing-query')).statusCode).toBe(500);
}, 240_000);
afterAll(() => t.close());

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the server log', () => {
  it('holds no 证件号码, phone number, password, SMS code or session id', () => {
    expect(lines.length).toBeGreaterThan(20);
    const log = lines.join('\n');
    const found = [...secrets].filter((secret) => log.includes(secret));
    expect(found).toEqual([]);
    // The failing query was logged, as an error the operator can find, but without its values.
    const failure = parsed().find((l) => l.msg === 'unhandled error') as { err: { message: string } } | undefined;
    expect(failure?.err.message).toMatch(/Failed query/);
  });

  it('logs requests by path and route pattern, without the query string', () => {
    const list = parsed().find((l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/physicians');
    expect(list?.req).toMatchObject({ method: 'GET', url: '/api/v1/physicians', route: '/api/v1/physicians' });
  });

  it('is JSON with a request id on every request line, and the account id and role once signed in', () => {
    const requestLines = parsed().filter((l) => l.msg === 'request completed');
    expect(requestLines.length).toBeGreaterThan(10);
    for (const line of requestLines) expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = requestLines.find((l) => l.accountId === institution.account.id);
    expect(listed).toMatchObject({ role: 'institution', res: { statusCode: 200 } });
  });
});

describe('GET /metrics', () => {
  it('answers Prometheus text with request rate and latency per route pattern, pool, event-loop lag and queue depth', async () => {
    t.app.metrics.setJobQueueDepth('example', 3);
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const body = res.body;
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'db_pool_connections_total',
      'db_pool_connections_idle',
      'db_pool_requests_waiting',
      'nodejs_eventloop_lag_seconds',
      'job_queue_depth',
    ]) {
      expect(body).toContain(`# TYPE ${name.replace(/_bucket$/, '')} `);
    }
    // Labelled by the route pattern, never by the URL a caller typed (ids, filters).
    expect(body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/physicians",status_code="200"\} 2/);
    expect(body).not.toContain(idNumber);
    expect(body).toContain('job_queue_depth{queue="example"} 3');
  });

  it('is refused to callers relayed by a proxy and to wrong tokens', async () => {
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.json().error.message).toBe('指标接口仅允许本机访问或凭 METRICS_TOKEN 访问');
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
    t.app.deps.config.metricsToken = 'scrape-secret';
    const withToken = (token: string) => t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${token}` } });
    expect((await withToken('scrape-secret')).statusCode).toBe(200);
    expect((await withToken('guess')).statusCode).toBe(403);
  });
});
