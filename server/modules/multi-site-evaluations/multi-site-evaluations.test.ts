import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExamOverview } from '../../../common/schemas/exams.js';
import type { SiteEvaluationList } from '../../../common/schemas/multi-site-evaluation.js';
import { auditEvents, enrolments, multiSiteEvaluations, physicianMultiSites, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { buildBank, buildExaminee, buildPaperRule } from '../../test-support/exam-factories.js';
import { TEST_PASSWORD, buildInstitution } from '../../test-support/factories.js';
import { setPolicyRules } from '../../test-support/policy-factories.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/multi-site-evaluations';
const OFF = '本省考核政策未开启“所有多点执业机构均须评价”，无需进行医疗机构考核';
const PASS = { ethics: 'passed', workPerformance: 'passed' } as const;

beforeAll(async () => {
  const { db } = ctx.t;
  await buildBank(db, '990000', 'humanities');
  await buildBank(db, '990000', 'proficiency');
  await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
  await buildPaperRule(db, ctx.world.cycle.id, 'proficiency');
});

beforeEach(async () => setPolicyRules(ctx.clients.provinceAuthority, { multiSiteEvaluationRequired: false }));

const siteA = () => ctx.world.institutionA.institution;

/** A physician based at institution B (待参加考核) who also practises at the given sites (institution A by default). */
async function multiSitePhysician(name: string, sites: { id: number; name: string }[] = [siteA()], practiceCategory = 'clinical') {
  const { db, pii } = ctx.t;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId: ctx.world.institutionB.institution.id });
  await db.update(physicians).set({ name, practiceCategory }).where(eq(physicians.id, e.physician.id));
  for (const site of sites) {
    await db.insert(physicianMultiSites).values({ physicianId: e.physician.id, institutionId: site.id, institutionName: site.name, departmentName: '心内科' });
  }
  return e;
}

const list = async (query = '', client = ctx.clients.institutionA) => {
  const res = await client.get(`${URL}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SiteEvaluationList;
};
const names = (page: SiteEvaluationList) => page.items.map((i) => i.name);
const evaluationsOf = (enrolmentId: number) => ctx.t.db.select().from(multiSiteEvaluations).where(eq(multiSiteEvaluations.enrolmentId, enrolmentId));

describe('医疗机构考核 with 「所有多点执业机构均须评价」 off (the default)', () => {
  it('has no list and no 保存, and a missing site evaluation does not block the test', async () => {
    const e = await multiSitePhysician('关闭甲');
    expect((await ctx.clients.institutionA.get('/api/v1/policy/rules')).json().multiSiteEvaluationRequired).toBe(false);
    for (const res of [await ctx.clients.institutionA.get(URL), await ctx.clients.institutionA.put(`${URL}/${e.enrolment.id}`, PASS)]) {
      expect([res.statusCode, res.json().error.message]).toEqual([409, OFF]);
    }
    expect(await evaluationsOf(e.enrolment.id)).toEqual([]);
    const client = await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician');
    expect(((await client.get('/api/v1/exams')).json() as ExamOverview).papers[0].blockedReason).toBeNull();
  });
});

describe('医疗机构考核 with the option on', () => {
  beforeEach(async () => setPolicyRules(ctx.clients.provinceAuthority, { multiSiteEvaluationRequired: true }));

  it('is the institutions’ page: other roles 403; 保存 on another site’s physician is a 404', async () => {
    const e = await multiSitePhysician('权限甲');
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ institution: 200 }));
    await checkAccessMatrix(ctx.clients, (c) => c.put(`${URL}/${e.enrolment.id}`, PASS), {
      ...byRole({ institution: 204 }),
      // B is the physician's main institution: its verdicts are recorded in 审核, not here.
      institutionB: 404,
    });
    const res = await ctx.clients.institutionB.put(`${URL}/${e.enrolment.id}`, PASS);
    expect(res.json().error.message).toBe('未找到该医师的本周期考核');
    expect((await evaluationsOf(e.enrolment.id)).map((r) => r.institutionId)).toEqual([siteA().id]);
  });

  it('lists the cycle’s enrolled physicians practising at the site, never its own or those not taking part; filters and pages', async () => {
    const { db, pii } = ctx.t;
    const a = await multiSitePhysician('列表甲');
    const b = await multiSitePhysician('列表乙', [siteA()], 'tcm');
    // Based at A with a 多点执业 row at A too; and one of B not taking part in the cycle.
    const own = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId: siteA().id });
    await db.insert(physicianMultiSites).values({ physicianId: own.physician.id, institutionId: siteA().id, institutionName: siteA().name });
    const absent = await multiSitePhysician('列表丙');
    await db.update(enrolments).set({ status: 'NOT_ENROLLED' }).where(eq(enrolments.id, absent.enrolment.id));

    const page = await list('?name=列表');
    expect(names(page)).toEqual(['列表甲', '列表乙']);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ mainInstitutionName: ctx.world.institutionB.institution.name, departmentName: '心内科', enrolmentStatus: 'AWAITING_TEST', evaluation: null });
    expect(page.items[0].idNumberMasked).not.toBe(a.idNumber);
    expect(JSON.stringify(page)).not.toContain(a.idNumber);
    expect(names(await list('?name=列表&practiceCategory=tcm'))).toEqual(['列表乙']);
    expect(names(await list(`?idNumber=${b.idNumber.slice(-4)}`))).toEqual(['列表乙']);
    expect(names(await list(`?idNumber=${b.idNumber.slice(-6)}`))).toEqual(['列表乙']);
    expect(names(await list(`?idNumber=${b.idNumber}`))).toEqual(['列表乙']);
    expect(names(await list('?name=列表&pageSize=10&page=2'))).toEqual([]);
    expect((await list('?name=列表', ctx.clients.institutionB)).total).toBe(0);

    await ctx.clients.institutionA.put(`${URL}/${a.enrolment.id}`, PASS);
    expect(names(await list('?name=列表&state=evaluated'))).toEqual(['列表甲']);
    const pending = await list('?name=列表&state=pending');
    expect([names(pending), pending.pendingTotal]).toEqual([['列表乙'], 1]);
    const bad = await ctx.clients.institutionA.get(`${URL}?state=done`);
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, '评价状态不正确']);
  });

  it('保存 needs a reason for 不合格 (nothing written otherwise), replaces the earlier verdicts and is audited', async () => {
    const e = await multiSitePhysician('保存甲');
    const site = ctx.clients.institutionA;
    const missing = await site.put(`${URL}/${e.enrolment.id}`, { ethics: 'failed', workPerformance: 'passed' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.ethicsReason).toBe('请输入职业道德不合格理由');
    expect(await evaluationsOf(e.enrolment.id)).toEqual([]);

    expect((await site.put(`${URL}/${e.enrolment.id}`, { ethics: 'failed', ethicsReason: '多次违反诊疗规范', workPerformance: 'passed' })).statusCode).toBe(204);
    expect((await site.put(`${URL}/${e.enrolment.id}`, PASS)).statusCode).toBe(204);
    const rows = await evaluationsOf(e.enrolment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ institutionId: siteA().id, ethics: 'passed', ethicsReason: null, workPerformance: 'passed' });
    const audits = await ctx.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'multiSiteEvaluation.saved'), eq(auditEvents.targetId, String(e.enrolment.id))))
      .orderBy(auditEvents.id);
    expect(audits.map((a) => a.after)).toEqual([
      { institutionId: siteA().id, ethics: 'failed', ethicsReason: '多次违反诊疗规范', workPerformance: 'passed', workPerformanceReason: null },
      { institutionId: siteA().id, ...PASS, ethicsReason: null, workPerformanceReason: null },
    ]);
    expect(audits[1].before).toMatchObject({ ethics: 'failed' });

    // Once the cycle's assessment is complete the verdicts stand.
    await ctx.t.db.update(enrolments).set({ status: 'COMPLETED' }).where(eq(enrolments.id, e.enrolment.id));
    const late = await site.put(`${URL}/${e.enrolment.id}`, { ethics: 'failed', ethicsReason: '补充意见', workPerformance: 'passed' });
    expect([late.statusCode, late.json().error.message]).toEqual([409, '该医师本周期考核已完成，不能再修改评价']);
    expect((await evaluationsOf(e.enrolment.id))[0].ethics).toBe('passed');
  });

  it('「职业道德 工作成绩合格」 passes every 未评价 physician the filters match, in one go, when the count is still the one confirmed', async () => {
    const a = await multiSitePhysician('批量甲');
    const b = await multiSitePhysician('批量乙');
    const c = await multiSitePhysician('批量丙', [siteA()], 'dental');
    await ctx.clients.institutionA.put(`${URL}/${b.enrolment.id}`, { ethics: 'failed', ethicsReason: '投诉较多', workPerformance: 'passed' });
    const before = await list('?name=批量&practiceCategory=clinical');
    expect(before.pendingTotal).toBe(1);

    const stale = await ctx.clients.institutionA.post(`${URL}/batch-pass`, { name: '批量', practiceCategory: 'clinical', expected: 2 });
    expect([stale.statusCode, stale.json().error.message]).toEqual([409, '待评价医师已变为1名，请刷新后重试']);
    expect(await evaluationsOf(a.enrolment.id)).toEqual([]);

    const other = await ctx.clients.institutionB.post(`${URL}/batch-pass`, { name: '批量', expected: 1 });
    expect([other.statusCode, other.json().error.message]).toEqual([409, '待评价医师已变为0名，请刷新后重试']);
    const physician = await ctx.clients.physicianA.post(`${URL}/batch-pass`, { name: '批量', expected: 1 });
    expect(physician.statusCode).toBe(403);

    const done = await ctx.clients.institutionA.post(`${URL}/batch-pass`, { name: '批量', practiceCategory: 'clinical', expected: 1 });
    expect([done.statusCode, done.json()]).toEqual([200, { passed: 1 }]);
    expect((await evaluationsOf(a.enrolment.id))[0]).toMatchObject({ ethics: 'passed', workPerformance: 'passed' });
    // The 不合格 already recorded stays; the one outside the filter is left for later.
    expect((await evaluationsOf(b.enrolment.id))[0]).toMatchObject({ ethics: 'failed' });
    expect(await evaluationsOf(c.enrolment.id)).toEqual([]);
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'multiSiteEvaluation.saved'), eq(auditEvents.targetId, String(a.enrolment.id))));
    expect(audits[0]).toMatchObject({ actorRole: 'institution', after: { batch: true, institutionId: siteA().id, ethics: 'passed', workPerformance: 'passed' } });
    expect((await list('?name=批量')).pendingTotal).toBe(1);
  });

  it('blocks 开始考试 until every site evaluated, names what is missing or 不合格, then allows it', async () => {
    const { db } = ctx.t;
    const second = await buildInstitution(db, { authorityId: ctx.world.cityA.authority.id, regionCode: '990101' });
    const secondClient = await loginAs(ctx.t.app, second.loginName, TEST_PASSWORD);
    const e = await multiSitePhysician('门槛甲', [siteA(), second.institution]);
    const client = await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician');
    const blocked = async () => ((await client.get('/api/v1/exams')).json() as ExamOverview).papers[0].blockedReason;

    expect(await blocked()).toBe(`多点执业机构（${siteA().name}、${second.institution.name}）尚未完成职业道德、工作业绩评价，暂不能参加考试`);
    const refused = await client.post('/api/v1/exams/start', { paper: 'humanities' });
    expect([refused.statusCode, refused.json().error.message]).toEqual([409, await blocked()]);

    await ctx.clients.institutionA.put(`${URL}/${e.enrolment.id}`, PASS);
    expect(await blocked()).toBe(`多点执业机构（${second.institution.name}）尚未完成职业道德、工作业绩评价，暂不能参加考试`);
    await secondClient.put(`${URL}/${e.enrolment.id}`, { ethics: 'passed', workPerformance: 'failed', workPerformanceReason: '出勤不足' });
    expect(await blocked()).toBe(`多点执业机构（${second.institution.name}：工作业绩）评价不合格，暂不能参加考试，请联系该机构`);
    expect((await client.post('/api/v1/exams/start', { paper: 'humanities' })).statusCode).toBe(409);

    await secondClient.put(`${URL}/${e.enrolment.id}`, PASS);
    expect(await blocked()).toBeNull();
    const started = await client.post('/api/v1/exams/start', { paper: 'humanities' });
    expect(started.statusCode, started.body).toBe(200);
  });
});
