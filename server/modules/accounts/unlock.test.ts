import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, auditEvents } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { buildPhysician } from '../../test-support/factories.js';

const ctx = setupTenantWorld();

const lock = (accountId: number) =>
  ctx.t.db.update(accounts).set({ failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) }).where(eq(accounts.id, accountId));

describe('POST /api/v1/accounts/:id/unlock (解锁)', () => {
  it('answers 400 for a malformed id', async () => {
    expect((await ctx.clients.provinceAuthority.post('/api/v1/accounts/0/unlock')).statusCode).toBe(400);
  });

  it('an institution account is unlocked by the authorities above it only', async () => {
    await lock(ctx.world.institutionA.account.id);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/accounts/${ctx.world.institutionA.account.id}/unlock`), {
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
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/accounts/${ctx.world.physicianA.account.id}/unlock`), {
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
    const onCityA = await ctx.clients.cityAAuthority.post(`/api/v1/accounts/${ctx.world.cityA.account.id}/unlock`);
    expect(onCityA.statusCode).toBe(404);
    expect((await ctx.clients.provinceAuthority.post(`/api/v1/accounts/${ctx.world.cityA.account.id}/unlock`)).statusCode).toBe(204);
  });

  it('a physician 调离 by their institution is nobody’s to unlock any more (the physician rule): 404 to all', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    expect((await ctx.clients.institutionA.post(`/api/v1/physicians/${p.physician.id}/transfer-out`, { reason: 'resigned', detail: '已辞职' })).statusCode).toBe(204);
    await lock(p.account.id);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/accounts/${p.account.id}/unlock`), byRole({ authority: 404, institution: 404 }));
    const [row] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, p.account.id));
    expect(row.failedLoginCount).toBe(5);
  });

  it('clears the lock and records who did it', async () => {
    await lock(ctx.world.institutionB.account.id);
    expect((await ctx.clients.cityBAuthority.post(`/api/v1/accounts/${ctx.world.institutionB.account.id}/unlock`)).statusCode).toBe(204);
    const [row] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, ctx.world.institutionB.account.id));
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const audits = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.unlocked'));
    const mine = audits.find((a) => a.targetId === String(ctx.world.institutionB.account.id))!;
    expect(mine.actorAccountId).toBe(ctx.world.cityB.account.id);
    expect(mine.before).toMatchObject({ failedLoginCount: 5 });
  });
});
