import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, enrolments, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { buildDepartment, assignDepartment } from '../../test-support/departments-factories.js';
import { Client, loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildAuthority, buildInstitution, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment, buildRegistration } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

/** A signed-in institution of 湖南省 (430000): another province than the world's 990000 (built once). */
let anotherProvince: Promise<Client> | undefined;
function institutionOfAnotherProvince(): Promise<Client> {
  anotherProvince ??= (async () => {
    const authority = await buildAuthority(ctx.t.db, { regionCode: '430000' });
    const institution = await buildInstitution(ctx.t.db, { authorityId: authority.authority.id, regionCode: '430000' });
    return loginAs(ctx.t.app, institution.loginName, TEST_PASSWORD);
  })();
  return anotherProvince;
}
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

const search = (client: Client, idNumber: string) => client.post('/api/v1/physicians/transfer-search', { idNumber });

describe('POST /api/v1/physicians/transfer-search (调入医师查询)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => search(c, ctx.world.physicianA.idNumber), byRole({ institution: 200 }));
  });

  it('takes the 证件号码 in the body only: the old GET with the number in the address is gone', async () => {
    const res = await B().get(`/api/v1/physicians/transfer-search?idNumber=${ctx.world.physicianA.idNumber}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain(ctx.world.physicianA.physician.name);
  });

  it('finds a transferred-out physician by the 15- or 18-digit number, masked, with 原单位 and 调离原因', async () => {
    const p = await physicianAtA();
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, { reason: 'otherProvince', detail: '调往外省' });
    for (const idNumber of [p.idNumber, `${p.idNumber.slice(0, 6)}${p.idNumber.slice(8, 17)}`]) {
      const { items } = (await search(B(), idNumber)).json();
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
    const { items } = (await search(B(), ctx.world.physicianA.idNumber)).json();
    expect(items[0]).toMatchObject({ transferredOut: false, canTransferIn: false });
    expect((await search(B(), '11010519491231002X')).json().items).toEqual([]);
    const bad = await search(B(), '110105194912310021');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('证件号码：证件号码校验位不正确，请核对');
    // Not the whole number of any kind of ID: nobody browses by fragments.
    const fragment = await search(B(), '123');
    expect(fragment.statusCode).toBe(400);
    expect(fragment.json().error.fields.idNumber).toBe('请输入完整的证件号码（身份证15位或18位）');
    const missing = await B().post('/api/v1/physicians/transfer-search', {});
    expect(missing.json().error.fields.idNumber).toBe('请输入证件号码');
  });

  it('stays within the province: an institution of another province finds nobody', async () => {
    const p = await physicianAtA();
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    const elsewhere = await institutionOfAnotherProvince();
    expect((await search(elsewhere, p.idNumber)).json().items).toEqual([]);
  });
});

const transferIn = (client: Client, id: number, idNumber?: string) =>
  client.post(`/api/v1/physicians/${id}/transfer-in`, idNumber === undefined ? {} : { idNumber });

describe('POST /api/v1/physicians/:id/transfer-in (调入)', () => {
  it('needs the 证件号码 the search used, in the body', async () => {
    const p = await physicianAtA();
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    for (const res of [await B().post(`/api/v1/physicians/${p.physician.id}/transfer-in`), await transferIn(B(), p.physician.id)]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.idNumber).toBe('请输入证件号码');
    }
    const wrongDigit = await transferIn(B(), p.physician.id, `${p.idNumber.slice(0, 17)}${p.idNumber.endsWith('0') ? '1' : '0'}`);
    expect(wrongDigit.statusCode).toBe(400);
    expect(wrongDigit.json().error.fields.idNumber).toBe('证件号码校验位不正确，请核对');
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(row.institutionId).toBe(ctx.world.institutionA.institution.id);
  });

  it('answers alike whether the physician does not exist or is not the actor’s to take, and changes nothing', async () => {
    const p = await physicianAtA();
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    const other = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    const elsewhere = await institutionOfAnotherProvince();
    const answers = [
      // a bare id with another person's (valid) 证件号码
      await transferIn(B(), p.physician.id, other.idNumber),
      // an invented id, with the right number or a number nobody has
      await transferIn(B(), 999999, p.idNumber),
      await transferIn(B(), 999999, '11010519491231002X'),
      // a real physician not transferred out, with their own number
      await transferIn(B(), ctx.world.physicianA.physician.id, ctx.world.physicianA.idNumber),
      // the right id and number, from an institution of another province
      await transferIn(elsewhere, p.physician.id, p.idNumber),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('未找到可调入的医师，请核对证件号码；医师须已被原单位调离');
    }
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(row).toMatchObject({ institutionId: ctx.world.institutionA.institution.id, transferredOutAt: expect.any(Date) });
    const [still] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, ctx.world.physicianA.physician.id));
    expect(still).toMatchObject({ institutionId: ctx.world.institutionA.institution.id, transferredOutAt: null });
  });

  it('moves a transferred-out physician onto the new roster without a 科室, ready to enrol', async () => {
    const p = await physicianAtA('PENDING_REGISTRATION');
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id });
    await assignDepartment(ctx.t.db, p.physician.id, department.id);
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    await checkAccessMatrix(ctx.clients, (c) => transferIn(c, p.physician.id, p.idNumber), { ...byRole({ institution: 404 }), institutionA: 204 });
    // institutionA took them back first; B now meets 404. Transfer out again and let B take them (by the 15-digit form).
    await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out);
    expect((await transferIn(B(), p.physician.id, `${p.idNumber.slice(0, 6)}${p.idNumber.slice(8, 17)}`)).statusCode).toBe(204);
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

describe('调离 of a physician past review (待参加考核): the record stays and goes with them', () => {
  const ids = (page: { items: { physicianId?: number; enrolmentId?: number }[] }, key: 'physicianId' | 'enrolmentId') => page.items.map((i) => i[key]);
  const progressOf = async (client: Client) => ids((await client.get('/api/v1/progress?pageSize=100')).json(), 'physicianId');
  const reviewedOf = async (client: Client) => ids((await client.get('/api/v1/reviews?kind=standard&tab=reviewed&pageSize=100')).json(), 'enrolmentId');

  it('leaves every page of the old institution and its superiors, tells the physician, and follows them to the institution that 调入 them', async () => {
    const p = await physicianAtA('AWAITING_TEST');
    await ctx.t.db.update(enrolments).set({ procedure: 'standard' }).where(eq(enrolments.id, p.enrolment!.id));
    await buildRegistration(ctx.t.db, p.enrolment!);
    const physician = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    // Before: A lists them everywhere, 调离 is offered.
    const [row] = (await A().get(`/api/v1/physicians?idNumber=${p.idNumber}&tab=confirmed`)).json().items;
    expect(row.actions).toContain('transferOut');
    expect(await progressOf(A())).toContain(p.physician.id);
    expect(await reviewedOf(A())).toContain(p.enrolment!.id);

    expect((await A().post(`/api/v1/physicians/${p.physician.id}/transfer-out`, out)).statusCode).toBe(204);

    // Their record stays: status unchanged, held by no institution.
    const [kept] = await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, p.enrolment!.id));
    expect(kept).toMatchObject({ status: 'AWAITING_TEST', institutionId: null });
    // Gone from the old institution's 医师列表, 考核进度, 审核 lists and record, and from its superiors' 考核进度.
    expect((await A().get(`/api/v1/physicians?idNumber=${p.idNumber}&tab=confirmed`)).json().total).toBe(0);
    expect(await progressOf(A())).not.toContain(p.physician.id);
    expect(await reviewedOf(A())).not.toContain(p.enrolment!.id);
    expect((await A().get(`/api/v1/reviews/${p.enrolment!.id}`)).statusCode).toBe(404);
    expect(await progressOf(ctx.clients.assessorOfA)).not.toContain(p.physician.id);
    expect(await progressOf(ctx.clients.cityAAuthority)).not.toContain(p.physician.id);
    // The physician's 首页 names no institution as theirs; it says who transferred them out and what to do.
    const task = (await physician.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ status: 'AWAITING_TEST', institutionName: '无', canRegister: false, block: 'transferredOut' });
    expect(task.blockMessage).toBe(`您已被原单位（${ctx.world.institutionA.institution.name}）调离，请联系现执业的医疗卫生机构在【调入医师】中将您调入；本周期考核记录保留，调入后由新单位继续`);

    // 调入 at B: the enrolment, still 待参加考核, is B's on every page.
    expect((await B().post(`/api/v1/physicians/${p.physician.id}/transfer-in`, { idNumber: p.idNumber })).statusCode).toBe(204);
    const [moved] = await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, p.enrolment!.id));
    expect(moved).toMatchObject({ status: 'AWAITING_TEST', institutionId: ctx.world.institutionB.institution.id });
    expect((await B().get(`/api/v1/physicians?idNumber=${p.idNumber}&tab=confirmed`)).json().items[0]).toMatchObject({ enrolmentStatus: 'AWAITING_TEST' });
    expect(await progressOf(B())).toContain(p.physician.id);
    expect(await reviewedOf(B())).toContain(p.enrolment!.id);
    expect(await progressOf(ctx.clients.cityBAuthority)).toContain(p.physician.id);
    expect((await physician.get('/api/v1/registration/task')).json()).toMatchObject({ institutionName: ctx.world.institutionB.institution.name, block: 'submitted' });
  });
});
