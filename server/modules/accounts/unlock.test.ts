import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, auditEvents } from '../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../test-support/app.js';
import { buildTenantWorld, checkAccessMatrix, loginWorld, type ActorName, type TenantWorld } from '../../test-support/access-matrix.js';

let t: TestApp;
let world: TenantWorld;
let clients: Record<ActorName, Client>;

const lock = (accountId: number) =>
  t.db.update(accounts).set({ failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) }).where(eq(accounts.id, accountId));

beforeAll(async () => {
  t = await createTestApp();
  world = await buildTenantWorld(t.db, t.pii);
  clients = await loginWorld(t.app, world);
});
afterAll(() => t.close());

describe('POST /api/v1/accounts/:id/unlock (解锁)', () => {
  it('answers 400 for a malformed id', async () => {
    expect((await clients.provinceAuthority.post('/api/v1/accounts/0/unlock')).statusCode).toBe(400);
  });

  it('an institution account is unlocked by the authorities above it only', async () => {
    await lock(world.institutionA.account.id);
    await checkAccessMatrix(clients, (c) => c.post(`/api/v1/accounts/${world.institutionA.account.id}/unlock`), {
      anonymous: 401,
      provinceAuthority: 204,
      cityAAuthority: 204,
      cityBAuthority: 404,
      institutionA: 404,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('a physician account by their institution and authorities, an authority account only from above', async () => {
    await checkAccessMatrix(clients, (c) => c.post(`/api/v1/accounts/${world.physicianA.account.id}/unlock`), {
      anonymous: 401,
      provinceAuthority: 204,
      cityAAuthority: 204,
      cityBAuthority: 404,
      institutionA: 204,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    const onCityA = await clients.cityAAuthority.post(`/api/v1/accounts/${world.cityA.account.id}/unlock`);
    expect(onCityA.statusCode).toBe(404);
    expect((await clients.provinceAuthority.post(`/api/v1/accounts/${world.cityA.account.id}/unlock`)).statusCode).toBe(204);
  });

  it('clears the lock and records who did it', async () => {
    await lock(world.institutionB.account.id);
    expect((await clients.cityBAuthority.post(`/api/v1/accounts/${world.institutionB.account.id}/unlock`)).statusCode).toBe(204);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, world.institutionB.account.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.unlocked'));
    const mine = audits.find((a) => a.targetId === String(world.institutionB.account.id))!;
    expect(mine.actorAccountId).toBe(world.cityB.account.id);
    expect(mine.before).toMatchObject({ failedLoginCount: 5 });
  });
});
