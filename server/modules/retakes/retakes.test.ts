import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExamOverview, AttemptView } from '../../../common/schemas/exams.js';
import type { RetakeList } from '../../../common/schemas/retakes.js';
import { auditEvents, cycles, enrolments, policies } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { otherProvinceAuthority } from '../../test-support/cycle-factories.js';
import { answersFor, buildBank, buildExaminee, buildPaperRule } from '../../test-support/exam-factories.js';
import { TEST_PASSWORD } from '../../test-support/factories.js';
import { closeEndedWindows } from './close-windows.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/retakes';
const dayOffset = (days: number) => sql`(now() at time zone 'Asia/Shanghai')::date + ${days}::int`;

beforeAll(async () => {
  const { db } = ctx.t;
  await buildBank(db, '990000', 'humanities');
  await buildBank(db, '990000', 'proficiency');
  await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
  await buildPaperRule(db, ctx.world.cycle.id, 'proficiency');
});

async function examinee(institution: 'A' | 'B' = 'A') {
  const { db, pii } = ctx.t;
  const institutionId = (institution === 'A' ? ctx.world.institutionA : ctx.world.institutionB).institution.id;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId });
  return { ...e, client: await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician') };
}

/** Takes the humanities paper with `wrong` wrong answers (5 of 10 fails it). */
async function takeHumanities(e: Awaited<ReturnType<typeof examinee>>, wrong: number) {
  const { attemptId } = (await e.client.post('/api/v1/exams/start', { paper: 'humanities' })).json() as { attemptId: number };
  await e.client.post(`/api/v1/exams/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId, wrong) });
  return (await e.client.post(`/api/v1/exams/attempts/${attemptId}/submit`, {})).json() as AttemptView;
}

const statusOf = async (id: number) => (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, id)))[0];
const setWindows = (test: [number, number], retake: [number, number] | null) =>
  ctx.t.db
    .update(cycles)
    .set({
      testStart: sql`${dayOffset(test[0])}`,
      testEnd: sql`${dayOffset(test[1])}`,
      retakeStart: retake ? sql`${dayOffset(retake[0])}` : null,
      retakeEnd: retake ? sql`${dayOffset(retake[1])}` : null,
    })
    .where(eq(cycles.id, ctx.world.cycle.id));
const list = async (client: keyof typeof ctx.clients, query = '') => (await ctx.clients[client].get(`${URL}?pageSize=100${query}`)).json() as RetakeList;

describe('补考: the window closing, the authority deciding, the physician retaking', () => {
  let failed: Awaited<ReturnType<typeof examinee>>;
  let absent: Awaited<ReturnType<typeof examinee>>;
  let absentB: Awaited<ReturnType<typeof examinee>>;
  let open: Awaited<ReturnType<typeof examinee>>;

  it('moves who did not pass (不合格 or 缺考) once the 测评考核 window has closed, once, even with two jobs at once', async () => {
    failed = await examinee();
    expect((await takeHumanities(failed, 5)).result).toMatchObject({ passed: false });
    // A failed paper moves at once (the province allows retakes).
    expect((await statusOf(failed.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
    absent = await examinee();
    absentB = await examinee('B');
    open = await examinee();
    await open.client.post('/api/v1/exams/start', { paper: 'humanities' });
    // While the window is open nothing moves.
    expect((await closeEndedWindows(ctx.t.db)).moved).toBe(0);

    await setWindows([-20, -1], [5, 20]);
    const [one, two] = await Promise.all([closeEndedWindows(ctx.t.db), closeEndedWindows(ctx.t.db)]);
    expect(one.moved + two.moved).toBe(2);
    expect((await statusOf(absent.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
    expect((await statusOf(absentB.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
    // An attempt still open waits for the sweeper.
    expect((await statusOf(open.enrolment.id)).status).toBe('AWAITING_TEST');
    expect((await closeEndedWindows(ctx.t.db)).moved).toBe(0);
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'enrolment.testFailed'), eq(auditEvents.targetId, String(absent.enrolment.id))));
    expect(audits).toHaveLength(1);
  });

  it('lists 待确认补考 with why (不合格 with the score, or 缺考), each sees only its own; physicians get 403', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ institution: 200, authority: 200 }));
    const province = await list('provinceAuthority');
    expect(province.canDecide).toBe(true);
    const byId = new Map(province.items.map((i) => [i.enrolmentId, i]));
    expect(byId.get(failed.enrolment.id)?.failures).toEqual([
      { paper: 'humanities', paperLabel: '医学人文·法律法规', reason: 'failed', reasonLabel: '不合格', score: 50 },
      { paper: 'proficiency', paperLabel: '业务水平', reason: 'absent', reasonLabel: '缺考', score: null },
    ]);
    expect(byId.get(absent.enrolment.id)?.failures.map((f) => f.reasonLabel)).toEqual(['缺考', '缺考']);
    expect((await list('provinceAuthority', '&reason=failed')).items.map((i) => i.enrolmentId)).toEqual([failed.enrolment.id]);
    expect((await list('provinceAuthority', '&reason=absent&paper=humanities')).items.map((i) => i.enrolmentId).sort()).toEqual([absent.enrolment.id, absentB.enrolment.id].sort());
    const institutionA = await list('institutionA');
    expect(institutionA.canDecide).toBe(false);
    expect(institutionA.items.map((i) => i.enrolmentId)).not.toContain(absentB.enrolment.id);
    expect((await list('cityBAuthority')).items.map((i) => i.enrolmentId)).toEqual([absentB.enrolment.id]);
    const bad = await ctx.clients.provinceAuthority.get(`${URL}?reason=late`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('不合格原因不正确');
  });

  it('only the provincial authority decides; others get 403, another province cannot reach the records, bad input 400 and nothing changes', async () => {
    const body = { decision: 'allow', enrolmentIds: [absentB.enrolment.id] };
    for (const who of ['cityAAuthority', 'institutionA', 'physicianA'] as const) expect((await ctx.clients[who].post(`${URL}/decisions`, body)).statusCode).toBe(403);
    const other = await otherProvinceAuthority(ctx.t);
    expect((await other.client.post(`${URL}/decisions`, body)).statusCode).toBe(409);
    const noReason = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'decline', enrolmentIds: [absentB.enrolment.id] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请输入不允许补考的理由');
    const nothing = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'allow' });
    expect(nothing.json().error.message).toBe('请选择要处理的医师');
    expect((await statusOf(absentB.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
  });

  it('a batch is all-or-nothing: one already decided refuses them all; a second decision is a 409', async () => {
    const first = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'decline', enrolmentIds: [absentB.enrolment.id], reason: '缺考且无正当理由' });
    expect(first.statusCode, first.body).toBe(200);
    expect(await statusOf(absentB.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'failed' });
    const again = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'allow', enrolmentIds: [failed.enrolment.id, absentB.enrolment.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('所选记录中有已被处理的记录，请刷新后重试');
    expect((await statusOf(failed.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
  });

  it('允许补考 for everything the filter matches, with the count the confirm stated', async () => {
    const stale = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'allow', filters: {}, expectedCount: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('符合条件的记录已变化（现为2条），请刷新后重试');
    const allowed = await ctx.clients.provinceAuthority.post(`${URL}/decisions`, { decision: 'allow', filters: {}, expectedCount: 2 });
    expect(allowed.json()).toEqual({ count: 2 });
    expect((await statusOf(failed.enrolment.id)).status).toBe('AWAITING_RETAKE');
    expect((await list('institutionA', '&tab=allowed')).items.map((i) => i.enrolmentId).sort()).toEqual([failed.enrolment.id, absent.enrolment.id].sort());
  });

  it('the physician retakes only the papers not passed, inside 补考时间, and the result ends the cycle', async () => {
    const before = (await failed.client.get('/api/v1/exams')).json() as ExamOverview;
    expect(before.notice).toMatch(/^补考时间未开始/);
    await setWindows([-20, -5], [-1, 10]);
    const overview = (await failed.client.get('/api/v1/exams')).json() as ExamOverview;
    expect(overview.windowLabel).toBe('补考');
    expect(overview.papers.map((p) => [p.paper, p.stage, p.state])).toEqual([
      ['humanities', 'retake', 'notStarted'],
      ['proficiency', 'retake', 'locked'],
    ]);
    const retake = await takeHumanities(failed, 0);
    expect(retake).toMatchObject({ stage: 'retake', result: { passed: true } });
    const { attemptId } = (await failed.client.post('/api/v1/exams/start', { paper: 'proficiency' })).json() as { attemptId: number };
    await failed.client.post(`/api/v1/exams/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId) });
    await failed.client.post(`/api/v1/exams/attempts/${attemptId}/submit`, {});
    expect(await statusOf(failed.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'passed' });
  });

  it('when 补考时间 closes, one still in 待参加补考 ends 考核完成 不合格; without retakes a closed window ends the cycle', async () => {
    await setWindows([-20, -5], [-4, -1]);
    expect((await closeEndedWindows(ctx.t.db)).moved).toBeGreaterThanOrEqual(1);
    expect(await statusOf(absent.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'failed' });

    await ctx.t.db.insert(policies).values({ provinceCode: '990000', retakeAllowed: false }).onConflictDoUpdate({ target: policies.provinceCode, set: { retakeAllowed: false } });
    try {
      await setWindows([-20, 5], null);
      const late = await examinee();
      await setWindows([-20, -1], null);
      await closeEndedWindows(ctx.t.db);
      expect(await statusOf(late.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'failed' });
    } finally {
      await ctx.t.db.update(policies).set({ retakeAllowed: true }).where(eq(policies.provinceCode, '990000'));
    }
  });
});
