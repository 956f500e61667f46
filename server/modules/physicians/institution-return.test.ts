import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, enrolments } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { setPolicyRules } from '../../test-support/policy-factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

/** A physician of institution A whose registration is in `status`. */
async function registered(status: 'PENDING_INSTITUTION_REVIEW' | 'RETURNED_BY_ASSESSOR' | 'PENDING_REGISTRATION' = 'PENDING_INSTITUTION_REVIEW') {
  const { db, pii } = ctx.t;
  const institutionId = ctx.world.institutionA.institution.id;
  const p = await buildPhysician(db, pii, { institutionId });
  const enrolment = await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId, status });
  return { ...p, enrolment };
}

const statusOf = async (id: number) => (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, id)))[0].status;
const url = (physicianId: number) => `/api/v1/physicians/${physicianId}/institution-return`;
const rowOf = async (idNumber: string) => (await ctx.clients.institutionA.get(`/api/v1/physicians?tab=confirmed&idNumber=${idNumber}`)).json().items[0];

describe('POST /api/v1/physicians/:id/institution-return (打回报名)', () => {
  beforeEach(async () => setPolicyRules(ctx.clients.provinceAuthority, { institutionReturnEnabled: false }));

  it('is off by default: no 打回报名 in the list, and the route says the 考核政策 has not turned it on', async () => {
    const p = await registered();
    expect((await rowOf(p.idNumber)).actions).not.toContain('institutionReturn');
    const res = await ctx.clients.institutionA.post(url(p.physician.id), { reason: '专业填写有误' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('本省考核政策未开启打回报名');
    expect(await statusOf(p.enrolment.id)).toBe('PENDING_INSTITUTION_REVIEW');
  });

  it('with the option on, is for the physician’s own institution only: other roles 403, another institution 404', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { institutionReturnEnabled: true });
    const p = await registered();
    await checkAccessMatrix(ctx.clients, (c) => c.post(url(p.physician.id), { reason: '专业填写有误' }), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 204,
      institutionB: 404,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    expect(await statusOf(p.enrolment.id)).toBe('RETURNED_BY_INSTITUTION');
  });

  it('needs a reason; returns the registration before review; the physician reads why in the task and 站内消息', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { institutionReturnEnabled: true });
    const p = await registered();
    const institution = ctx.clients.institutionA;
    const empty = await institution.post(url(p.physician.id), { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.reason).toContain('打回原因');
    expect(await statusOf(p.enrolment.id)).toBe('PENDING_INSTITUTION_REVIEW');

    expect((await rowOf(p.idNumber)).actions).toContain('institutionReturn');
    expect((await institution.post(url(p.physician.id), { reason: '报考专业填写有误，请改为内科' })).statusCode).toBe(204);
    const row = await rowOf(p.idNumber);
    expect(row.enrolmentStatus).toBe('RETURNED_BY_INSTITUTION');
    expect(row.actions).not.toContain('institutionReturn');

    const [audit] = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'enrolment.returnedByInstitution'), eq(auditEvents.targetId, String(p.enrolment.id))));
    expect(audit).toMatchObject({ actorRole: 'institution', after: { status: 'RETURNED_BY_INSTITUTION', reason: '报考专业填写有误，请改为内科' } });

    const physician = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    const task = (await physician.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ status: 'RETURNED_BY_INSTITUTION', returnReason: '报考专业填写有误，请改为内科' });
    expect(task.timeline.map((e: { label: string }) => e.label)).toContain('医疗卫生机构打回报名');
    const inbox = (await physician.get('/api/v1/messages')).json();
    expect(inbox.items[0]).toMatchObject({ title: '报名信息被打回', content: expect.stringContaining('报考专业填写有误，请改为内科') });
  });

  it('refuses what was not submitted or was already reviewed, with the reason, changing nothing', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { institutionReturnEnabled: true });
    const notYet = await registered('PENDING_REGISTRATION');
    const reviewed = await registered('RETURNED_BY_ASSESSOR');
    const a = await ctx.clients.institutionA.post(url(notYet.physician.id), { reason: '有误' });
    expect([a.statusCode, a.json().error.message]).toEqual([409, '医师尚未提交报名信息']);
    const b = await ctx.clients.institutionA.post(url(reviewed.physician.id), { reason: '有误' });
    expect([b.statusCode, b.json().error.message]).toEqual([409, '报名信息已审核，不能打回']);
    expect(await statusOf(notYet.enrolment.id)).toBe('PENDING_REGISTRATION');
    expect(await statusOf(reviewed.enrolment.id)).toBe('RETURNED_BY_ASSESSOR');
  });
});
