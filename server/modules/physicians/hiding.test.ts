import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, enrolments, physicians } from '../../db/schema/index.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { Client, loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { setPolicyRules } from '../../test-support/policy-factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();

async function physicianOfA(status?: 'PENDING_REGISTRATION' | 'PENDING_INSTITUTION_REVIEW') {
  const { db, pii } = ctx.t;
  const institutionId = ctx.world.institutionA.institution.id;
  const p = await buildPhysician(db, pii, { institutionId });
  const enrolment = status ? await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId, status }) : null;
  return { ...p, enrolment };
}

const hide = (client: Client, id: number, reason = '长期病假，本周期无法参加考核') => client.post(`/api/v1/physicians/${id}/hide`, { reason });
const unhide = (client: Client, id: number) => client.post(`/api/v1/physicians/${id}/unhide`);
const roster = async (idNumber: string, tab: 'unconfirmed' | 'confirmed', client = ctx.clients.institutionA) =>
  (await client.get(`/api/v1/physicians?tab=${tab}&idNumber=${idNumber}`)).json();
const login = (idNumber: string, password = TEST_PASSWORD) =>
  new Client(ctx.t.app).post('/api/v1/auth/login', { tab: 'physician', account: idNumber, password, captcha: '' });
const HIDDEN = '您的账号已被机构隐藏，请联系机构解除隐藏';

describe('隐藏 / 医师暂存', () => {
  beforeEach(async () => setPolicyRules(ctx.clients.provinceAuthority, { physicianHidingEnabled: false }));

  it('is off by default: no 隐藏 in the list, the route says the 考核政策 has not turned it on, nobody is hidden', async () => {
    const p = await physicianOfA();
    expect((await roster(p.idNumber, 'unconfirmed')).items[0].actions).not.toContain('hide');
    const res = await hide(ctx.clients.institutionA, p.physician.id);
    expect([res.statusCode, res.json().error.message]).toEqual([403, '本省考核政策未开启隐藏医师']);
    expect((await login(p.idNumber)).statusCode).toBe(200);
  });

  it('with the option on, only the physician’s own institution hides (others 403, another institution 404), and 取消隐藏 likewise', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { physicianHidingEnabled: true });
    const p = await physicianOfA();
    await checkAccessMatrix(ctx.clients, (c) => hide(c, p.physician.id), {
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
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/physicians/hidden'), {
      anonymous: 401,
      provinceAuthority: 403,
      cityAAuthority: 403,
      cityBAuthority: 403,
      institutionA: 200,
      institutionB: 200,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
    expect((await ctx.clients.institutionB.get('/api/v1/physicians/hidden')).json().items.map((r: { id: number }) => r.id)).not.toContain(p.physician.id);
    await checkAccessMatrix(ctx.clients, (c) => unhide(c, p.physician.id), {
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
  });

  it('needs a reason; the physician leaves every roster for 医师暂存, is logged out and told only that at login; 取消隐藏 undoes it', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { physicianHidingEnabled: true });
    const p = await physicianOfA('PENDING_REGISTRATION');
    const session = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    const institution = ctx.clients.institutionA;

    const empty = await hide(institution, p.physician.id, '');
    expect([empty.statusCode, empty.json().error.fields.reason]).toEqual([400, expect.stringContaining('隐藏原因')]);
    expect((await roster(p.idNumber, 'confirmed')).items[0].actions).toContain('hide');

    expect((await hide(institution, p.physician.id)).statusCode).toBe(204);
    // Off the list to assess: out of the cycle, and in neither tab of the institution's or the authority's 医师列表.
    const [enrolment] = await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, p.enrolment!.id));
    expect(enrolment.status).toBe('NOT_ENROLLED');
    for (const tab of ['unconfirmed', 'confirmed'] as const) {
      expect((await roster(p.idNumber, tab)).total).toBe(0);
      expect((await roster(p.idNumber, tab, ctx.clients.provinceAuthority)).total).toBe(0);
    }
    // Nor can 批量参加 bring them back.
    const enrol = await institution.post('/api/v1/physicians/enrol', { physicianIds: [p.physician.id] });
    expect([enrol.statusCode, enrol.json().error.message]).toEqual([409, '医师已被隐藏，请先在医师暂存中取消隐藏']);
    const stash = (await institution.get('/api/v1/physicians/hidden')).json();
    expect(stash.items).toEqual([expect.objectContaining({ id: p.physician.id, name: p.physician.name, hiddenReason: '长期病假，本周期无法参加考核' })]);
    expect(stash.items[0].idNumberMasked).not.toBe(p.idNumber);
    expect((await hide(institution, p.physician.id)).json().error.message).toBe('医师已被隐藏');

    // The open session is gone; the right password hears only that the account is hidden; a wrong one, the usual answer.
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const right = await login(p.idNumber);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toEqual({ error: { code: 'ACCOUNT_HIDDEN', message: HIDDEN } });
    expect(right.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^sid=[^;]/)]));
    const wrong = await login(p.idNumber, 'Wrong#2026x');
    expect([wrong.statusCode, wrong.json().error.message]).toEqual([401, '账号或密码错误']);

    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'physician.hidden'), eq(auditEvents.targetId, String(p.physician.id))));
    expect(audits[0]).toMatchObject({ actorRole: 'institution', before: { enrolmentStatus: 'PENDING_REGISTRATION' }, after: { enrolmentStatus: 'NOT_ENROLLED' } });
    // The enrolment's own trail says why it left the cycle.
    const [left] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'enrolment.withdrawnByHiding'), eq(auditEvents.targetId, String(p.enrolment!.id))));
    expect(left).toMatchObject({ before: { status: 'PENDING_REGISTRATION' }, after: { status: 'NOT_ENROLLED', reason: '长期病假，本周期无法参加考核' } });

    // 取消隐藏 — allowed even after the province turned the option off again.
    await setPolicyRules(ctx.clients.provinceAuthority, { physicianHidingEnabled: false });
    expect((await unhide(institution, p.physician.id)).statusCode).toBe(204);
    expect((await unhide(institution, p.physician.id)).json().error.message).toBe('医师未被隐藏');
    expect((await roster(p.idNumber, 'unconfirmed')).items[0]).toMatchObject({ id: p.physician.id, enrolmentStatus: 'NOT_ENROLLED' });
    expect((await login(p.idNumber)).statusCode).toBe(200);
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect([row.hiddenAt, row.hiddenReason]).toEqual([null, null]);
  });

  it('refuses to hide a physician who has submitted, changing nothing', async () => {
    await setPolicyRules(ctx.clients.provinceAuthority, { physicianHidingEnabled: true });
    const p = await physicianOfA('PENDING_INSTITUTION_REVIEW');
    expect((await roster(p.idNumber, 'confirmed')).items[0].actions).not.toContain('hide');
    const res = await hide(ctx.clients.institutionA, p.physician.id);
    expect([res.statusCode, res.json().error.message]).toEqual([409, '医师已提交过报名信息，不能隐藏']);
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(row.hiddenAt).toBeNull();
    expect((await login(p.idNumber)).statusCode).toBe(200);
  });
});
