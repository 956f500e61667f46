import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts, auditEvents } from '../../db/schema/index.js';
import { Client, loginAs } from '../../test-support/app.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';

const ctx = setupTenantWorld();

describe('POST /api/v1/accounts/:id/reset-password (重置密码)', () => {
  it('answers 400 for a malformed id', async () => {
    const res = await ctx.clients.provinceAuthority.post('/api/v1/accounts/-1/reset-password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('编号格式不正确');
  });

  it('is for the account’s superiors only', async () => {
    // Each reset ends the target's sessions, so the target (physician A) is left out as caller here.
    const others = { ...ctx.clients, physicianA: ctx.clients.physicianB };
    await checkAccessMatrix(others, (c) => c.post(`/api/v1/accounts/${ctx.world.physicianA.account.id}/reset-password`), {
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
  });

  it('of a physician 调离 by their institution: nobody’s to reset any more (the physician rule), 404 to all', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    const out = await ctx.clients.institutionA.post(`/api/v1/physicians/${p.physician.id}/transfer-out`, { reason: 'resigned', detail: '已辞职' });
    expect(out.statusCode).toBe(204);
    expect((await ctx.clients.institutionA.get(`/api/v1/physicians/${p.physician.id}`)).statusCode).toBe(404);
    // physician A's session was ended by the reset above; physician B stands in for the role.
    const others = { ...ctx.clients, physicianA: ctx.clients.physicianB };
    await checkAccessMatrix(others, (c) => c.post(`/api/v1/accounts/${p.account.id}/reset-password`), byRole({ authority: 404, institution: 404 }));
    expect((await ctx.clients.institutionA.post(`/api/v1/physicians/${p.physician.id}/reset-password`)).statusCode).toBe(404);
    // The old password still signs in: nothing was reset.
    await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
  });

  it('restores the initial password, forces a change and ends the account’s sessions', async () => {
    const target = await loginAs(ctx.t.app, ctx.world.institutionB.loginName, TEST_PASSWORD);
    expect((await ctx.clients.cityBAuthority.post(`/api/v1/accounts/${ctx.world.institutionB.account.id}/reset-password`)).statusCode).toBe(204);
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    const old = await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account: ctx.world.institutionB.loginName, password: TEST_PASSWORD });
    expect(old.statusCode).toBe(401);
    const fresh = await new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'organization', account: ctx.world.institutionB.loginName, password: '666666' });
    expect(fresh.json().mustChangePassword).toBe(true);
    const [row] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, ctx.world.institutionB.account.id));
    expect(row.passwordHash).toBeNull();
    const audit = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.passwordReset'));
    expect(audit.some((a) => a.targetId === String(ctx.world.institutionB.account.id) && a.actorAccountId === ctx.world.cityB.account.id)).toBe(true);
  });
});
