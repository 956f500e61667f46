import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';

const ctx = setupTenantWorld();

describe('POST /api/v1/physicians/:id/id-number (显示完整证件号码)', () => {
  it('answers 400 for a malformed id', async () => {
    const res = await ctx.clients.institutionA.post('/api/v1/physicians/abc/id-number');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('编号格式不正确');
  });

  it('shows the number to those who may see the physician, 404 to other tenants', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/physicians/${ctx.world.physicianA.physician.id}/id-number`), {
      anonymous: 401,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 200,
      physicianA: 200,
      physicianB: 404,
    });
  });

  it('returns the full number, never cached, and audits every view', async () => {
    const res = await ctx.clients.institutionA.post(`/api/v1/physicians/${ctx.world.physicianA.physician.id}/id-number`);
    expect(res.json().idNumber).toBe(ctx.world.physicianA.idNumber);
    expect(res.headers['cache-control']).toBe('no-store');
    const views = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'physician.idNumberViewed'), eq(auditEvents.targetId, String(ctx.world.physicianA.physician.id)), eq(auditEvents.actorAccountId, ctx.world.institutionA.account.id)));
    expect(views.length).toBeGreaterThanOrEqual(2);
    expect(views[0].actorRole).toBe('institution');
  });

  it('does not reveal whether an id exists outside the tenant', async () => {
    const missing = await ctx.clients.institutionB.post('/api/v1/physicians/999999/id-number');
    const foreign = await ctx.clients.institutionB.post(`/api/v1/physicians/${ctx.world.physicianA.physician.id}/id-number`);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
  });
});
