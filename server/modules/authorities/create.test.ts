import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { Client, createTestApp, type TestApp } from '../../test-support/app.js';
import { createAuthority } from './create.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('create-authority (the first provincial account of a deployment)', () => {
  it('creates an account whose one-time password must be changed at first login', async () => {
    const { password } = await createAuthority(t.db, { regionCode: '430000', name: '湖南省卫生健康委员会', account: 'wjw430000' });
    const client = new Client(t.app);
    const res = await client.post('/api/v1/auth/login', { tab: 'organization', account: 'wjw430000', password, captcha: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'authority', mustChangePassword: true, organization: { name: '湖南省卫生健康委员会', regionName: '湖南省' } });
    expect((await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'authority.created'))).length).toBe(1);
  });

  it('refuses an unknown region, a taken account and a second authority for a region', async () => {
    await expect(createAuthority(t.db, { regionCode: '999999', name: 'x', account: 'abcd1' })).rejects.toThrow('行政区划代码 999999 不存在');
    await expect(createAuthority(t.db, { regionCode: '440000', name: '广东', account: 'WJW430000' })).rejects.toThrow('账号 WJW430000 已存在');
    await expect(createAuthority(t.db, { regionCode: '430000', name: '湖南', account: 'other430' })).rejects.toThrow('行政区划 430000 已有卫生行政部门');
    await expect(createAuthority(t.db, { regionCode: '440000', name: '广东', account: 'a b' })).rejects.toThrow('账号应为4至32位字母、数字或下划线');
  });
});
