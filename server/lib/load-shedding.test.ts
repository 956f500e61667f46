import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';

// A heap limit of one byte puts the instance under pressure from the first sample: every request is shed.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loadShedding: { maxHeapUsedBytes: 1 } });
});
afterAll(() => t.close());

describe('load shedding', () => {
  it('answers 503 with Retry-After and a Chinese message instead of queueing', async () => {
    const start = () => t.app.inject({ method: 'POST', url: '/api/v1/exams/start', payload: { paper: 'humanities' } });
    // The plugin samples the heap once a second: the first sample puts the instance under pressure.
    await expect.poll(async () => (await start()).statusCode, { timeout: 10_000 }).toBe(503);
    const response = await start();
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.json()).toEqual({ error: { code: 'SERVER_BUSY', message: expect.stringMatching(/^当前访问人数较多，请\d+秒后重试$/) } });
  });

  it('never sheds health, readiness or metrics', async () => {
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/ready' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/metrics' })).statusCode).not.toBe(503);
  });
});
