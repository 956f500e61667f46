import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, enrolments } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

/** A physician of institution A (city A) whose registration is in `status`. */
async function submitted(status: 'PENDING_INSTITUTION_REVIEW' | 'PENDING_ASSESSOR_REVIEW' | 'PENDING_REGISTRATION' | 'AWAITING_TEST' = 'PENDING_INSTITUTION_REVIEW') {
  const { db, pii } = ctx.t;
  const institutionId = ctx.world.institutionA.institution.id;
  const p = await buildPhysician(db, pii, { institutionId });
  const enrolment = await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId, status });
  return { ...p, enrolment };
}

const statusOf = async (id: number) => (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, id)))[0].status;
const url = (physicianId: number) => `/api/v1/physicians/${physicianId}/return-registration`;

describe('POST /api/v1/physicians/:id/return-registration (退回报名)', () => {
  it('is for the authorities over the physician; others get 403, another city 404', async () => {
    const p = await submitted();
    await checkAccessMatrix(ctx.clients, (c) => c.post(url(p.physician.id), { reason: '材料不全' }), {
      anonymous: 401,
      provinceAuthority: 204,
      cityAAuthority: 409, // the province returned it a moment ago
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    expect(await statusOf(p.enrolment.id)).toBe('RETURNED_BY_AUTHORITY');
  });

  it('needs a reason, returns a submitted registration and tells the physician why', async () => {
    const p = await submitted('PENDING_ASSESSOR_REVIEW');
    const city = ctx.clients.cityAAuthority;
    const empty = await city.post(url(p.physician.id), { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('退回理由');
    expect(await statusOf(p.enrolment.id)).toBe('PENDING_ASSESSOR_REVIEW');

    // The 已确认参加 list offers 退回报名 for this row only while it can be returned.
    const before = (await city.get(`/api/v1/physicians?tab=confirmed&idNumber=${p.idNumber}`)).json();
    expect(before.items[0].actions).toEqual(['view', 'returnRegistration']);
    expect((await city.post(url(p.physician.id), { reason: '执业证书照片不清晰，请重新上传' })).statusCode).toBe(204);
    const after = (await city.get(`/api/v1/physicians?tab=confirmed&idNumber=${p.idNumber}`)).json();
    expect(after.items[0]).toMatchObject({ enrolmentStatus: 'RETURNED_BY_AUTHORITY', actions: ['view'] });

    const [audit] = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'enrolment.returnedByAuthority'), eq(auditEvents.targetId, String(p.enrolment.id))));
    expect(audit.after).toMatchObject({ status: 'RETURNED_BY_AUTHORITY', reason: '执业证书照片不清晰，请重新上传' });

    // The physician reads the reason and may change and submit the registration again.
    const physician = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    const task = (await physician.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ status: 'RETURNED_BY_AUTHORITY', returnReason: '执业证书照片不清晰，请重新上传' });
    expect(task.block).toBe('noDepartments'); // open again, but for 提交 this world's institution still needs a 科室
    expect(task.timeline.map((e: { label: string }) => e.label)).toContain('卫生行政部门退回报名');
    const inbox = (await physician.get('/api/v1/messages')).json();
    expect(inbox.items[0]).toMatchObject({ title: '报名信息被卫生行政部门退回', content: expect.stringContaining('执业证书照片不清晰，请重新上传') });
  });

  it('refuses what was not submitted, or is past review, with the reason', async () => {
    const notYet = await submitted('PENDING_REGISTRATION');
    const res = await ctx.clients.provinceAuthority.post(url(notYet.physician.id), { reason: '退回' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只能驳回已提交且尚未参加测评的报名信息');
    expect(await statusOf(notYet.enrolment.id)).toBe('PENDING_REGISTRATION');
  });
});
