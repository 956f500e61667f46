import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, enrolments, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { buildDepartment, assignDepartment } from '../../test-support/departments-factories.js';
import { buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();
const A = () => ctx.clients.institutionA;
const B = () => ctx.clients.institutionB;
const out = { reason: 'resigned', detail: '已于2024年9月13日辞职' };

async function physicianAtA(status?: Parameters<typeof buildEnrolment>[1]['status']) {
  const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
  const enrolment = status
    ? await buildEnrolment(ctx.t.db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status })
    : null;
  return { ...p, enrolment };
}

describe('POST /api/v1/physicians/:id/transfer-out (调离)', () => {
  it('needs a reason from the list and the detail', async () => {
    const p = await physicianAtA();
    const res = await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, { reason: 'fired', detail: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ reason: '请选择调离原因', detail: '请输入具体理由' });
  });

  it('takes the physician off the roster and withdraws a registration not yet submitted', async () => {
    const p = await physicianAtA('PENDING_REGISTRATION');
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out), { ...byRole({ institution: 404 }), institutionA: 204 });
    const roster = (await A().get(`/api/v1/physicians?idNumber=${p.idNumber}&tab=unconfirmed`)).json();
    expect(roster.total).toBe(0);
    const [enrolment] = await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, p.enrolment!.id));
    expect(enrolment).toMatchObject({ status: 'NOT_ENROLLED', cancelReason: '调离：离职，已于2024年9月13日辞职' });
    // No longer the institution's: its record answers 404 and a second 调离 too.
    expect((await A().get(`/api/v1/physicians/${p.physician.id}`)).statusCode).toBe(404);
    expect((await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out)).statusCode).toBe(404);
  });

  it('is refused while a review is pending, and changes nothing', async () => {
    const p = await physicianAtA('PENDING_ASSESSOR_REVIEW');
    const res = await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('医师报名信息正在审核中，不能调离');
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(row.transferredOutAt).toBeNull();
  });
});

describe('GET /api/v1/physicians/transfer-search (调入医师查询)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/physicians/transfer-search?idNumber=${ctx.world.physicianA.idNumber}`), byRole({ institution: 200 }));
  });

  it('finds a transferred-out physician by the 15- or 18-digit number, masked, with 原单位 and 调离原因', async () => {
    const p = await physicianAtA();
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, { reason: 'otherProvince', detail: '调往外省' });
    for (const idNumber of [p.idNumber, `${p.idNumber.slice(0, 6)}${p.idNumber.slice(8, 17)}`]) {
      const { items } = (await B().get(`/api/v1/physicians/transfer-search?idNumber=${idNumber}`)).json();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        name: p.physician.name,
        institutionName: ctx.world.institutionA.institution.name,
        transferredOut: true,
        transferReason: 'otherProvince',
        canTransferIn: true,
        ownRoster: false,
      });
      expect(items[0].idNumberMasked).toContain('*****');
      expect(JSON.stringify(items)).not.toContain(p.idNumber);
    }
  });

  it('offers no 调入 for a physician still at their institution; says nothing for an unknown number; refuses a wrong check digit', async () => {
    const { items } = (await B().get(`/api/v1/physicians/transfer-search?idNumber=${ctx.world.physicianA.idNumber}`)).json();
    expect(items[0]).toMatchObject({ transferredOut: false, canTransferIn: false });
    expect((await B().get('/api/v1/physicians/transfer-search?idNumber=11010519491231002X')).json().items).toEqual([]);
    const bad = await B().get('/api/v1/physicians/transfer-search?idNumber=110105194912310021');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('证件号码：证件号码校验位不正确，请核对');
    // Not the whole number of any kind of ID: nobody browses by fragments.
    const fragment = await B().get('/api/v1/physicians/transfer-search?idNumber=123');
    expect(fragment.statusCode).toBe(400);
    expect(fragment.json().error.fields.idNumber).toBe('请输入完整的证件号码（身份证15位或18位）');
  });
});

describe('POST /api/v1/physicians/:id/transfer-in (调入)', () => {
  it('refuses a physician not transferred out', async () => {
    const res = await B().post(`/api/v1/physicians/${ctx.world.physicianA.physician.id}/transfer-in`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('医师未被原单位调离，需联系原单位先调离');
    expect((await B().post('/api/v1/physicians/999999/transfer-in')).statusCode).toBe(404);
  });

  it('moves a transferred-out physician onto the new roster without a 科室, ready to enrol', async () => {
    const p = await physicianAtA('PENDING_REGISTRATION');
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    await assignDepartment(ctx.t.db, p.physician.id, department.id);
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/physicians/${p.physician.id}/transfer-in`), { ...byRole({ institution: 409 }), institutionA: 204 });
    // institutionA took them back first; B now meets 409. Transfer out again and let B take them.
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    expect((await B().post(`/api/v1/physicians/${p.physician.id}/transfer-in`)).statusCode).toBe(204);
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(row).toMatchObject({ institutionId: ctx.world.institutionB.institution.id, departmentId: null, transferredOutAt: null, transferReason: null });
    const roster = (await B().get(`/api/v1/physicians?idNumber=${p.idNumber}`)).json();
    expect(roster.items[0]).toMatchObject({ enrolmentStatus: 'NOT_ENROLLED', actions: expect.arrayContaining(['enrol']) });
    expect((await B().post('/api/v1/physicians/enrol', { physicianIds: [p.physician.id] })).json()).toEqual({ enrolled: 1 });
    const [enrolment] = await ctx.t.db.select().from(enrolments).where(and(eq(enrolments.physicianId, p.physician.id), eq(enrolments.cycleId, ctx.world.cycle.id)));
    expect(enrolment).toMatchObject({ institutionId: ctx.world.institutionB.institution.id, status: 'PENDING_REGISTRATION' });
    const audit = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'physician.transferredIn'), eq(auditEvents.targetId, String(p.physician.id))));
    expect(audit.at(-1)?.before).toEqual({ institutionId: ctx.world.institutionA.institution.id });
    expect((await A().get(`/api/v1/physicians/${p.physician.id}`)).statusCode).toBe(404);
  });
});
