import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { EnrolmentStatus } from '../../../common/enums.js';
import type { Procedure } from '../../../common/papers.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import { STALE_REVIEW_MESSAGE, type ReviewList, type ReviewRecord } from '../../../common/schemas/review.js';
import { accounts, auditEvents, certificates, cycles, enrolments, evaluations, messages, registrations, smsMessages } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildAssessor, buildInstitution, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment, buildRegistration } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/reviews';
const passed = { workPerformance: 'passed', ethics: 'passed' } as const;

/** A physician whose registration (procedure, 免考) waits at `status`, at institution A unless told otherwise. */
async function submitted(
  input: { status?: EnrolmentStatus; procedure?: Procedure; exemption?: ExemptionStatus; institution?: 'A' | 'B'; name?: string } = {},
) {
  const { db, pii } = ctx.t;
  const institutionId = (input.institution === 'B' ? ctx.world.institutionB : ctx.world.institutionA).institution.id;
  const procedure = input.procedure ?? 'standard';
  const p = await buildPhysician(db, pii, { institutionId, name: input.name });
  const enrolment = await buildEnrolment(db, {
    cycleId: ctx.world.cycle.id,
    physicianId: p.physician.id,
    institutionId,
    status: input.status ?? 'PENDING_INSTITUTION_REVIEW',
    procedure,
  });
  const registration = await buildRegistration(db, enrolment, { exemptionStatus: input.exemption ?? 'none' });
  const exemptionRequested = (input.exemption ?? 'none') !== 'none';
  await db
    .update(registrations)
    .set({ procedure: { procedure, simplifiedReason: procedure === 'simplified' ? 'fiveYearsGood' : null, statement: null, exemptionRequested, exemptionReason: exemptionRequested ? '援外医疗' : null } })
    .where(eq(registrations.id, registration.id));
  return { ...p, enrolment, registration };
}

const enrolmentOf = async (id: number) => (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, id)))[0];
const registrationOf = async (id: number) => (await ctx.t.db.select().from(registrations).where(eq(registrations.enrolmentId, id)))[0];
const messagesOf = async (physicianId: number) =>
  ctx.t.db.select({ title: messages.title, content: messages.content }).from(messages).innerJoin(accounts, eq(accounts.id, messages.accountId)).where(eq(accounts.physicianId, physicianId)).orderBy(messages.id);
const record = async (client: keyof typeof ctx.clients, id: number) => (await ctx.clients[client].get(`${URL}/${id}`)).json() as ReviewRecord;

describe('GET /api/v1/reviews (审核 / 复核 lists)', () => {
  it('is for institutions, assessors and authorities; physicians get 403', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}?kind=standard`), byRole({ institution: 200, assessor: 200, authority: 200 }));
  });

  it('lists by procedure and tab; each sees only its own, the assessor only assigned institutions, the city only its city', async () => {
    const standard = await submitted({ name: '列表一般' });
    const simplified = await submitted({ procedure: 'simplified', name: '列表简易' });
    const atB = await submitted({ institution: 'B', name: '列表乙院' });
    const returned = await submitted({ status: 'RETURNED_BY_ASSESSOR', name: '列表复核驳回' });
    const forAssessor = await submitted({ status: 'PENDING_ASSESSOR_REVIEW', name: '列表待复核' });
    const ids = async (client: keyof typeof ctx.clients, query: string) =>
      ((await ctx.clients[client].get(`${URL}?${query}&pageSize=100`)).json() as ReviewList).items.map((i) => i.enrolmentId);

    const standardA = await ids('institutionA', 'kind=standard');
    expect(standardA).toEqual(expect.arrayContaining([standard.enrolment.id, returned.enrolment.id]));
    expect(standardA).not.toContain(simplified.enrolment.id);
    expect(standardA).not.toContain(atB.enrolment.id);
    expect(standardA).not.toContain(forAssessor.enrolment.id);
    expect(await ids('institutionA', 'kind=simplified')).toEqual([simplified.enrolment.id]);
    expect(await ids('institutionA', 'kind=standard&pendingKind=returnedByAssessor')).toEqual([returned.enrolment.id]);
    expect(await ids('institutionA', 'kind=standard&tab=reviewed')).toContain(forAssessor.enrolment.id);
    expect(await ids('institutionA', `kind=standard&name=${encodeURIComponent('列表一')}`)).toEqual([standard.enrolment.id]);
    expect(await ids('institutionA', `kind=standard&idNumber=${standard.idNumber}`)).toEqual([standard.enrolment.id]);
    expect(await ids('institutionB', 'kind=standard')).toEqual([atB.enrolment.id]);
    expect(await ids('assessorOfA', 'kind=standard')).toEqual([forAssessor.enrolment.id]);
    expect(await ids('cityBAuthority', 'kind=standard')).toEqual([atB.enrolment.id]);
    expect(await ids('provinceAuthority', 'kind=standard')).toEqual(expect.arrayContaining([standard.enrolment.id, atB.enrolment.id, forAssessor.enrolment.id]));

    const page = (await ctx.clients.institutionA.get(`${URL}?kind=standard&name=${encodeURIComponent('列表一')}`)).json() as ReviewList;
    expect(page.items[0]).toMatchObject({ name: '列表一般', procedure: 'standard', status: 'PENDING_INSTITUTION_REVIEW', institutionName: expect.any(String) });
    expect(page.blockMessage).toBeNull();
  });

  it('lists 免考 applications waiting for the institution, then for the assessor', async () => {
    const applied = await submitted({ procedure: 'simplified', exemption: 'pendingInstitution' });
    const atAssessor = await submitted({ exemption: 'pendingAssessor' });
    const ids = async (client: keyof typeof ctx.clients, query: string) =>
      ((await ctx.clients[client].get(`${URL}?${query}&pageSize=100`)).json() as ReviewList).items.map((i) => i.enrolmentId);
    expect(await ids('institutionA', 'kind=exemption')).toEqual([applied.enrolment.id]);
    expect(await ids('institutionA', 'kind=exemption&procedure=standard')).toEqual([]);
    expect(await ids('assessorOfA', 'kind=exemption')).toEqual([atAssessor.enrolment.id]);
  });

  it('refuses bad filters with the field named', async () => {
    const response = await ctx.clients.institutionA.get(`${URL}?kind=other`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('审核类型');
    const dates = await ctx.clients.institutionA.get(`${URL}?kind=standard&firstRegistrationFrom=2020-01-02&firstRegistrationTo=2020-01-01`);
    expect(dates.json().error.fields.firstRegistrationTo).toContain('首次注册时间');
  });

  it('says whom to contact when the institution has no assessor (seed 004 FAQ 11)', async () => {
    const list = (await ctx.clients.institutionB.get(`${URL}?kind=standard`)).json() as ReviewList;
    expect(list.blockMessage).toMatch(/^当前机构暂未指定考核机构，无法进行此操作，请联系/);
  });
});

describe('GET /api/v1/reviews/:id (the record)', () => {
  it('opens for the institution, its assessor and the authorities above; others 404, physicians 403', async () => {
    const p = await submitted();
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/${p.enrolment.id}`), {
      anonymous: 401,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 200,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('offers the institution 提交 / 驳回 / 新增意见, the assessor nothing yet, the authority nothing', async () => {
    const p = await submitted({ exemption: 'pendingInstitution' });
    const mine = await record('institutionA', p.enrolment.id);
    expect(mine.actions).toEqual(['approve', 'reject', 'addOpinion', 'approveExemption', 'rejectExemption']);
    expect(mine.physician.basic.name).toBe(p.physician.name);
    expect(mine.exemption).toMatchObject({ requested: true, reason: '援外医疗', status: 'pendingInstitution' });
    expect((await record('assessorOfA', p.enrolment.id)).actions).toEqual([]);
    expect((await record('provinceAuthority', p.enrolment.id)).actions).toEqual([]);
  });

  it('an assessor not assigned to the institution gets 404', async () => {
    const { db } = ctx.t;
    const other = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990102' });
    const elsewhere = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    await buildAssessor(db, ctx.world.cycle.id, other.institution.id, [elsewhere.institution.id]);
    const client = await loginAs(ctx.t.app, other.loginName, TEST_PASSWORD);
    expect((await client.post('/api/v1/auth/switch-role', { role: 'assessor' })).statusCode).toBe(200);
    const p = await submitted({ status: 'PENDING_ASSESSOR_REVIEW' });
    expect((await client.get(`${URL}/${p.enrolment.id}`)).statusCode).toBe(404);
    expect((await client.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version })).statusCode).toBe(404);
  });
});

describe('POST /api/v1/reviews/:id/approve and /reject', () => {
  it('the institution evaluates and passes: 待考核机构复核, the evaluation kept, the physician told (站内消息 and SMS)', async () => {
    const p = await submitted();
    await ctx.t.db.update(accounts).set({ boundPhone: '13800000001' }).where(eq(accounts.physicianId, p.physician.id));
    const response = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version, evaluation: passed });
    expect(response.statusCode).toBe(200);
    const body = response.json() as ReviewRecord;
    expect(body.status).toBe('PENDING_ASSESSOR_REVIEW');
    expect(body.evaluation).toMatchObject({ workPerformance: 'passed', ethics: 'passed' });
    expect(body.timeline.at(-1)).toMatchObject({ label: '医疗卫生机构审核通过', status: 'PENDING_ASSESSOR_REVIEW' });
    expect(await messagesOf(p.physician.id)).toEqual([expect.objectContaining({ title: '报名信息审核通过' })]);
    const sms = await ctx.t.db.select().from(smsMessages).where(eq(smsMessages.phone, '13800000001'));
    expect(sms.map((s) => s.content)).toEqual([expect.stringContaining('报名信息审核通过')]);
  });

  it('needs both evaluations, and a reason for 不合格; bad input changes nothing', async () => {
    const p = await submitted();
    const go = (payload: unknown) => ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, payload);
    const missing = await go({ version: p.enrolment.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('请评定工作成绩和职业道德');
    const noReason = await go({ version: p.enrolment.version, evaluation: { workPerformance: 'failed', ethics: 'passed' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields['evaluation.workPerformanceReason']).toBe('请输入工作成绩不合格理由');
    const noVersion = await go({ evaluation: passed });
    expect(noVersion.json().error.fields.version).toContain('版本号');
    expect((await enrolmentOf(p.enrolment.id)).status).toBe('PENDING_INSTITUTION_REVIEW');
  });

  it('a second reviewer acting on the same step gets 409 「该记录已被他人处理，请刷新」 and nothing changes', async () => {
    const p = await submitted();
    const first = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version, evaluation: passed });
    expect(first.statusCode).toBe(200);
    const second = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: '资料不全' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe(STALE_REVIEW_MESSAGE);
    expect((await enrolmentOf(p.enrolment.id)).status).toBe('PENDING_ASSESSOR_REVIEW');
  });

  it('two reviewers at the same moment: exactly one wins', async () => {
    const p = await submitted();
    const [a, b] = await Promise.all([
      ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version, evaluation: passed }),
      ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: '同时驳回' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.targetType, 'enrolment'), eq(auditEvents.targetId, String(p.enrolment.id))));
    expect(audits).toHaveLength(1);
  });

  it('the institution rejects with a reason: back to the physician, who reads it', async () => {
    const p = await submitted();
    const noReason = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: ' ' });
    expect(noReason.json().error.fields.reason).toBe('请输入驳回理由');
    const response = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: '执业证书照片不清晰' });
    expect(response.json().status).toBe('RETURNED_BY_INSTITUTION');
    const physician = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    const task = (await physician.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ status: 'RETURNED_BY_INSTITUTION', returnReason: '执业证书照片不清晰' });
    expect((await messagesOf(p.physician.id))[0].content).toContain('执业证书照片不清晰');
  });

  it('wrong role and other tenants: authority 403, physician 403, institution B 404, and the assessor cannot act on the institution step', async () => {
    const p = await submitted();
    const payload = { version: p.enrolment.version, evaluation: passed };
    expect((await ctx.clients.provinceAuthority.post(`${URL}/${p.enrolment.id}/approve`, payload)).statusCode).toBe(403);
    expect((await ctx.clients.physicianA.post(`${URL}/${p.enrolment.id}/approve`, payload)).statusCode).toBe(403);
    expect((await ctx.clients.institutionB.post(`${URL}/${p.enrolment.id}/approve`, payload)).statusCode).toBe(404);
    const assessor = await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version });
    expect(assessor.statusCode).toBe(409);
    expect(assessor.json().error.message).toBe('当前状态不是待考核机构复核');
  });

  it('the assessor rejects (back to the institution, with the reason on the record), the institution passes again, the assessor passes', async () => {
    const p = await submitted({ status: 'PENDING_ASSESSOR_REVIEW' });
    const rejected = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: '工作量数据有误' })).json() as ReviewRecord;
    expect(rejected.status).toBe('RETURNED_BY_ASSESSOR');
    const mine = await record('institutionA', p.enrolment.id);
    expect(mine.returnReason).toBe('工作量数据有误');
    expect(mine.actions).toContain('approve');
    const again = (await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, { version: mine.version, evaluation: passed })).json() as ReviewRecord;
    expect(again.status).toBe('PENDING_ASSESSOR_REVIEW');
    const done = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/approve`, { version: again.version })).json() as ReviewRecord;
    expect(done.status).toBe('AWAITING_TEST');
    expect(done.timeline.map((e) => e.label)).toEqual(['考核机构驳回', '医疗卫生机构审核通过', '考核机构复核通过']);
    expect(done.timeline[0].reason).toBe('工作量数据有误');
  });

  it('an institution may also return what its assessor rejected to the physician', async () => {
    const p = await submitted({ status: 'RETURNED_BY_ASSESSOR' });
    const response = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/reject`, { version: p.enrolment.version, reason: '请补充述职' });
    expect(response.json().status).toBe('RETURNED_BY_INSTITUTION');
  });

  it('the assessor passing a 不合格 evaluation completes the cycle 不合格', async () => {
    const p = await submitted();
    const evaluated = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, {
      version: p.enrolment.version,
      evaluation: { workPerformance: 'passed', ethics: 'failed', ethicsReason: '有医疗纠纷' },
    });
    const body = evaluated.json() as ReviewRecord;
    expect(body.evaluation).toMatchObject({ ethics: 'failed', ethicsReason: '有医疗纠纷' });
    const done = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/approve`, { version: body.version })).json() as ReviewRecord;
    expect(done).toMatchObject({ status: 'COMPLETED', result: 'failed' });
  });

  it('简易程序 with 免考 approved leaves no paper: the assessor passing it completes the cycle 合格', async () => {
    const p = await submitted({ status: 'PENDING_ASSESSOR_REVIEW', procedure: 'simplified', exemption: 'approved' });
    await ctx.t.db.insert(evaluations).values({ enrolmentId: p.enrolment.id, workPerformance: 'passed', ethics: 'passed' });
    const done = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version })).json() as ReviewRecord;
    expect(done).toMatchObject({ status: 'COMPLETED', result: 'passed' });
    // The certificate is issued with the completion, and the physician told where to download it.
    expect(await ctx.t.db.$count(certificates, eq(certificates.enrolmentId, p.enrolment.id))).toBe(1);
    expect((await messagesOf(p.physician.id)).map((m) => m.content).join()).toContain('合格证书已生成');
    const standard = await submitted({ status: 'PENDING_ASSESSOR_REVIEW', procedure: 'standard', exemption: 'approved' });
    const toTest = (await ctx.clients.assessorOfA.post(`${URL}/${standard.enrolment.id}/approve`, { version: standard.enrolment.version })).json() as ReviewRecord;
    expect(toTest.status).toBe('AWAITING_TEST');
  });

  it('an institution without an assessor cannot review: 409 naming whom to contact', async () => {
    const p = await submitted({ institution: 'B' });
    const response = await ctx.clients.institutionB.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version, evaluation: passed });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/当前机构暂未指定考核机构，无法进行此操作，请联系/);
    expect((await record('institutionB', p.enrolment.id)).actions).toEqual([]);
  });
});

describe('POST /api/v1/reviews/batch-approve (批量审核)', () => {
  it('passes every chosen registration with both evaluations 合格, in one go', async () => {
    const chosen = await Promise.all([submitted(), submitted(), submitted({ status: 'RETURNED_BY_ASSESSOR' })]);
    const response = await ctx.clients.institutionA.post(`${URL}/batch-approve`, { items: chosen.map((p) => ({ enrolmentId: p.enrolment.id, version: p.enrolment.version })) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ approved: 3 });
    for (const p of chosen) {
      const row = await enrolmentOf(p.enrolment.id);
      expect(row.status).toBe('PENDING_ASSESSOR_REVIEW');
      expect(row.version).toBe(p.enrolment.version + 1);
      const [evaluation] = await ctx.t.db.select().from(evaluations).where(eq(evaluations.enrolmentId, p.enrolment.id));
      expect(evaluation).toMatchObject({ workPerformance: 'passed', ethics: 'passed' });
      expect(await messagesOf(p.physician.id)).toHaveLength(1);
      expect((await record('institutionA', p.enrolment.id)).timeline.at(-1)).toMatchObject({ label: '医疗卫生机构审核通过' });
    }
  });

  it('is all or nothing: one changed meanwhile → 409 and none passes', async () => {
    const fresh = await submitted();
    const stale = await submitted();
    await ctx.t.db.update(enrolments).set({ version: stale.enrolment.version + 1 }).where(eq(enrolments.id, stale.enrolment.id));
    const response = await ctx.clients.institutionA.post(`${URL}/batch-approve`, {
      items: [fresh, stale].map((p) => ({ enrolmentId: p.enrolment.id, version: p.enrolment.version })),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(STALE_REVIEW_MESSAGE);
    expect((await enrolmentOf(fresh.enrolment.id)).status).toBe('PENDING_INSTITUTION_REVIEW');
    expect(await ctx.t.db.select().from(evaluations).where(eq(evaluations.enrolmentId, fresh.enrolment.id))).toEqual([]);
  });

  it('is the institution’s own: another institution’s records 404, other roles 403, nothing chosen 400', async () => {
    const p = await submitted();
    const items = [{ enrolmentId: p.enrolment.id, version: p.enrolment.version }];
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/batch-approve`, { items }), {
      ...byRole({ institution: 404 }),
      institutionA: 200,
    });
    const none = await ctx.clients.institutionA.post(`${URL}/batch-approve`, { items: [] });
    expect(none.json().error.message).toContain('请选择医师');
  });
});

describe('免考审核 / 免考复核', () => {
  it('the institution passes to the assessor, the assessor approves; each step told to the physician', async () => {
    const p = await submitted({ procedure: 'simplified', exemption: 'pendingInstitution' });
    const first = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: p.registration.version });
    expect(first.statusCode).toBe(200);
    const afterInstitution = first.json() as ReviewRecord;
    expect(afterInstitution.exemption.status).toBe('pendingAssessor');
    // The institution's step is done: doing it again is refused.
    const again = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: afterInstitution.exemption.version });
    expect(again.json().error.message).toBe('当前免考状态不是待医疗卫生机构审核');
    const stale = await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: p.registration.version });
    expect(stale.json().error.message).toBe(STALE_REVIEW_MESSAGE);
    const second = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: afterInstitution.exemption.version })).json() as ReviewRecord;
    expect(second.exemption.status).toBe('approved');
    expect((await messagesOf(p.physician.id)).map((m) => m.title)).toEqual(['免考申请审核通过', '免考申请复核通过']);
    expect(second.timeline.map((e) => e.label)).toEqual(['医疗卫生机构免考审核通过', '考核机构免考复核通过']);
  });

  // The four decisions on one 简易程序 registration with 免考: the institution's and the assessor's, on the registration
  // (审核 / 复核) and on the 免考, in every order the rules allow (each side's 免考 and registration steps in any order).
  type Step = 'institutionExemption' | 'institutionRegistration' | 'assessorExemption' | 'assessorRegistration';
  const orders: Step[][] = [
    ['institutionExemption', 'assessorExemption', 'institutionRegistration', 'assessorRegistration'],
    ['institutionExemption', 'institutionRegistration', 'assessorExemption', 'assessorRegistration'],
    ['institutionExemption', 'institutionRegistration', 'assessorRegistration', 'assessorExemption'],
    ['institutionRegistration', 'institutionExemption', 'assessorExemption', 'assessorRegistration'],
    ['institutionRegistration', 'institutionExemption', 'assessorRegistration', 'assessorExemption'],
    ['institutionRegistration', 'assessorRegistration', 'institutionExemption', 'assessorExemption'],
  ];
  async function decide(id: number, step: Step) {
    const client = step.startsWith('institution') ? 'institutionA' : 'assessorOfA';
    const current = await record(client, id);
    const response = step.endsWith('Exemption')
      ? await ctx.clients[client].post(`${URL}/${id}/exemption/approve`, { version: current.exemption.version })
      : await ctx.clients[client].post(`${URL}/${id}/approve`, { version: current.version, ...(client === 'institutionA' ? { evaluation: passed } : {}) });
    expect(response.statusCode, `${step}: ${response.body}`).toBe(200);
    return response.json() as ReviewRecord;
  }

  for (const order of orders) {
    it(`简易程序 with 免考 ends 考核完成 合格 whatever the order: ${order.join(' → ')}`, async () => {
      const p = await submitted({ procedure: 'simplified', exemption: 'pendingInstitution' });
      let last: ReviewRecord | undefined;
      for (const step of order) last = await decide(p.enrolment.id, step);
      expect(last).toMatchObject({ status: 'COMPLETED', result: 'passed', exemption: { status: 'approved' } });
      expect(await enrolmentOf(p.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'passed' });
      expect((await messagesOf(p.physician.id)).at(-1)?.content).toContain('考核完成');
      // Whichever decision completed it issued the certificate, once.
      expect(await ctx.t.db.$count(certificates, eq(certificates.enrolmentId, p.enrolment.id))).toBe(1);
    });

    it(`一般程序 with 免考 still takes the 医学人文 paper whatever the order: ${order.join(' → ')}`, async () => {
      const p = await submitted({ procedure: 'standard', exemption: 'pendingInstitution' });
      for (const step of order) await decide(p.enrolment.id, step);
      expect(await enrolmentOf(p.enrolment.id)).toMatchObject({ status: 'AWAITING_TEST', result: null });
    });
  }

  it('a 免考 granted after 复核 shows on the timeline with the status it reached', async () => {
    const p = await submitted({ status: 'AWAITING_TEST', procedure: 'simplified', exemption: 'pendingAssessor' });
    const done = (await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: p.registration.version })).json() as ReviewRecord;
    expect(done.timeline.at(-1)).toMatchObject({ label: '考核机构免考复核通过', status: 'COMPLETED' });
    expect((await enrolmentOf(p.enrolment.id)).version).toBe(p.enrolment.version + 1);
  });

  it('a 免考 granted once the cycle is complete leaves the result as it is', async () => {
    const p = await submitted({ status: 'COMPLETED', procedure: 'simplified', exemption: 'pendingAssessor' });
    await ctx.t.db.update(enrolments).set({ result: 'failed' }).where(eq(enrolments.id, p.enrolment.id));
    const response = await ctx.clients.assessorOfA.post(`${URL}/${p.enrolment.id}/exemption/approve`, { version: p.registration.version });
    expect(response.statusCode).toBe(200);
    expect(await enrolmentOf(p.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'failed', version: p.enrolment.version });
  });

  it('驳回 needs a reason and keeps it; other roles and tenants are refused', async () => {
    const p = await submitted({ exemption: 'pendingInstitution' });
    const noReason = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/exemption/reject`, { version: p.registration.version });
    expect(noReason.json().error.fields.reason).toBe('请输入驳回理由');
    expect((await ctx.clients.institutionB.post(`${URL}/${p.enrolment.id}/exemption/reject`, { version: p.registration.version, reason: 'x' })).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.post(`${URL}/${p.enrolment.id}/exemption/reject`, { version: p.registration.version, reason: 'x' })).statusCode).toBe(403);
    const rejected = (await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/exemption/reject`, { version: p.registration.version, reason: '不符合免考条件' })).json() as ReviewRecord;
    expect(rejected.exemption).toMatchObject({ status: 'rejected', rejectReason: '不符合免考条件' });
    expect((await registrationOf(p.enrolment.id)).exemptionRejectReason).toBe('不符合免考条件');
  });
});

describe('POST /api/v1/reviews/:id/opinions (多执业机构其他意见)', () => {
  it('the institution adds another site’s opinion; bad input names the field; others are refused', async () => {
    const p = await submitted();
    const url = `${URL}/${p.enrolment.id}/opinions`;
    const body = { institutionName: '长河市中医院', opinion: '该医师在我院多点执业期间表现良好', opinionDate: '2026-11-01' };
    const bad = await ctx.clients.institutionA.post(url, { ...body, opinionDate: '2026-02-30' });
    expect(bad.json().error.fields.opinionDate).toBe('日期不是有效日期');
    const blank = await ctx.clients.institutionA.post(url, { ...body, opinion: '' });
    expect(blank.json().error.fields.opinion).toBe('请输入意见');
    expect((await ctx.clients.assessorOfA.post(url, body)).statusCode).toBe(403);
    expect((await ctx.clients.institutionB.post(url, body)).statusCode).toBe(404);
    const added = (await ctx.clients.institutionA.post(url, body)).json() as ReviewRecord;
    expect(added.opinions).toEqual([expect.objectContaining(body)]);
  });
});

describe('the 报名信息审核 window', () => {
  it('outside it the list says why and decisions are refused', async () => {
    const p = await submitted();
    const [cycle] = await ctx.t.db.select().from(cycles).where(eq(cycles.id, ctx.world.cycle.id));
    await ctx.t.db.update(cycles).set({ reviewStart: '2020-01-01', reviewEnd: '2020-02-01' }).where(eq(cycles.id, cycle.id));
    try {
      const list = (await ctx.clients.institutionA.get(`${URL}?kind=standard`)).json() as ReviewList;
      expect(list.blockMessage).toBe('报名信息审核时间已结束（2020-01-01 至 2020-02-01），不能再审核');
      const response = await ctx.clients.institutionA.post(`${URL}/${p.enrolment.id}/approve`, { version: p.enrolment.version, evaluation: passed });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain('报名信息审核时间已结束');
      expect((await enrolmentOf(p.enrolment.id)).status).toBe('PENDING_INSTITUTION_REVIEW');
    } finally {
      await ctx.t.db.update(cycles).set({ reviewStart: cycle.reviewStart, reviewEnd: cycle.reviewEnd }).where(eq(cycles.id, cycle.id));
    }
  });
});
