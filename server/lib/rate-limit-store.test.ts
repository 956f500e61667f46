// The login limit is shared by every app instance on one database, not counted per instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { rateLimitCounters } from '../db/schema/index.js';
import { Client, createTestApp, type TestApp } from '../test-support/app.js';
import { hitRateLimit, purgeExpiredRateLimits } from './rate-limit-store.js';

describe('rate limits shared through the database', () => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 4 });
    // A second instance: its own process state, the same database (as behind nginx).
    second = await buildApp({ config: t.app.deps.config, database: t.database, pii: t.pii, storage: t.storage }, { log: false });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('counts login attempts spread over two instances against one limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? t.app : second;
      const response = await new Client(app).post('/api/v1/auth/login', { tab: 'organization', account: 'nobody', password: 'x', captcha: '' });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('starts a new window once the last one is over, and purges expired counters', async () => {
    expect((await hitRateLimit(t.db, 'k', 60_000)).current).toBe(1);
    const second = await hitRateLimit(t.db, 'k', 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(0);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    await t.db.update(rateLimitCounters).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(rateLimitCounters.key, 'k'));
    expect((await hitRateLimit(t.db, 'k', 60_000)).current).toBe(1);
    await t.db.update(rateLimitCounters).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(rateLimitCounters.key, 'k'));
    await purgeExpiredRateLimits(t.db);
    expect(await t.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, 'k'))).toEqual([]);
  });
});
