import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, type TestApp } from './test-support/app.js';
import { seedDemo } from './db/seed/demo.js';
import { DEMO_EXAMINEE_ID, DEMO_PASSWORD, DEMO_PHYSICIAN_ID } from './db/seed/demo-data.js';
import type { AttemptView, ExamOverview } from '../common/schemas/exams.js';
import { count } from 'drizzle-orm';
import { certificates, physicians } from './db/schema/index.js';
import type { AssessmentInfo } from '../common/schemas/assessment-info.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.pii);
});
afterAll(() => t.close());

describe('the running app', () => {
  it('reports health and which database it runs on', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DB === 'postgres' ? 'postgresql' : 'pglite' });
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/home']));
  });

  it('sends security headers, on errors too', async () => {
    for (const url of ['/api/health', '/api/v1/nothing-here', '/api/v1/auth/me']) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('compresses responses for clients that accept it', async () => {
    const res = await t.app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('answers unknown API paths with a Chinese JSON error', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
  });

  it('rejects a malformed JSON body without leaking internals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"account":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求内容不是有效的JSON');
    expect(res.body).not.toMatch(/at .*\.ts|stack/i);
  });
});

describe('demo data', () => {
  it('holds 300 physicians', async () => {
    const [row] = await t.db.select({ n: count() }).from(physicians);
    expect(row.n).toBe(300);
  });

  it('has the finished 2021-2023年度 with results and certificates; the demo physician verifies as 有效', async () => {
    const client = await loginAs(t.app, DEMO_PHYSICIAN_ID, DEMO_PASSWORD, 'physician');
    const info = (await client.get('/api/v1/assessment-info')).json() as AssessmentInfo;
    const previous = info.items.find((c) => c.cycleName === '2021-2023年度')!;
    expect(previous.sites[0]).toMatchObject({ statusLabel: '考核完成', resultLabel: '合格' });
    expect(previous.certificate).toMatchObject({ status: 'valid', issuedOn: '2024-01-15' });
    const [row] = await t.db.select({ n: count() }).from(certificates);
    expect(row.n).toBeGreaterThan(150);
    const verified = await new Client(t.app).get(`/api/v1/certificates/verify?number=${previous.certificate!.number}&name=${encodeURIComponent('李明华')}`);
    expect(verified.json()).toMatchObject({ status: 'valid', certificate: { nameMasked: '李*华', cycleName: '2021-2023年度', issuerName: '演示省卫生健康委员会' } });
  });

  it('every demo account logs in with Demo@2026 in its role, without a forced change', async () => {
    const cases: [string, 'organization' | 'physician', string, string][] = [
      ['wjw990000', 'organization', 'authority', '演示省卫生健康委员会'],
      ['wjw990101', 'organization', 'authority', '长河市东城区卫生健康局'],
      ['DEMO0001', 'organization', 'institution', '演示省人民医院'],
      ['DEMO0002', 'organization', 'institution', '长河市第二人民医院'],
      [DEMO_PHYSICIAN_ID, 'physician', 'physician', '长河市第二人民医院'],
    ];
    for (const [account, tab, role, org] of cases) {
      const res = await new Client(t.app).post('/api/v1/auth/login', { tab, account, password: DEMO_PASSWORD, captcha: '' });
      expect(res.statusCode, account).toBe(200);
      expect(res.json()).toMatchObject({ role, mustChangePassword: false, organization: { name: org } });
    }
  });

  it('DEMO0001 is the assessor of the current cycle; the demo physician is enrolled', async () => {
    const hospital = await loginAs(t.app, 'DEMO0001', DEMO_PASSWORD);
    expect((await hospital.get('/api/v1/auth/me')).json().switchableTo).toBe('assessor');
    await hospital.post('/api/v1/auth/switch-role', { role: 'assessor' });
    const home = (await hospital.get('/api/v1/home')).json();
    expect(home.facts).toContainEqual({ label: '受委托医疗卫生机构数', value: '5' });
    const physician = await loginAs(t.app, DEMO_PHYSICIAN_ID, DEMO_PASSWORD, 'physician');
    expect((await physician.get('/api/v1/home')).json().facts).toContainEqual({ label: '本周期考核状态', value: '待报名' });
  });

  it('the demo examinee (待参加考核) can take both papers of the demo banks, and the record of the review is complete', async () => {
    const examinee = await loginAs(t.app, DEMO_EXAMINEE_ID, DEMO_PASSWORD, 'physician');
    const overview = (await examinee.get('/api/v1/exams')).json() as ExamOverview;
    expect(overview.notice).toBeNull();
    expect(overview.papers.map((p) => [p.paper, p.state])).toEqual([
      ['humanities', 'notStarted'],
      ['proficiency', 'locked'],
    ]);
    const started = await examinee.post('/api/v1/exams/start', { paper: 'humanities' });
    expect(started.statusCode, started.body).toBe(200);
    const view = (await examinee.get(`/api/v1/exams/attempts/${started.json().attemptId}`)).json() as AttemptView;
    expect(view.questions).toHaveLength(overview.papers[0].questionCount!);
    expect(overview.practice.every((p) => p.available)).toBe(true);
    const institution = await loginAs(t.app, 'DEMO0003', DEMO_PASSWORD);
    const roster = (await institution.get('/api/v1/progress?status=AWAITING_TEST&pageSize=50')).json() as { items: { enrolmentId: number }[] };
    expect(roster.items.length).toBeGreaterThanOrEqual(6);
    const record = await institution.get(`/api/v1/reviews/${roster.items[0].enrolmentId}`);
    expect(record.statusCode, record.body).toBe(200);
  });
});
