import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, ExamOverview, SavedAnswers } from '../../../common/schemas/exams.js';
import { accounts, auditEvents, cycles, enrolments, examAnswers, examAttempts, messages, policies } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { createTestApp, loginAs } from '../../test-support/app.js';
import { answersFor, buildBank, buildExaminee, buildPaperRule, expireAttempt, rightAnswers } from '../../test-support/exam-factories.js';
import { TEST_PASSWORD, buildAuthority, buildCycle, buildInstitution } from '../../test-support/factories.js';
import { sweepExpiredAttempts } from './sweeper.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/exams';

beforeAll(async () => {
  const { db } = ctx.t;
  await buildBank(db, '990000', 'humanities');
  await buildBank(db, '990000', 'proficiency');
  await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
  await buildPaperRule(db, ctx.world.cycle.id, 'proficiency');
});

async function examinee(input: Partial<Parameters<typeof buildExaminee>[2]> = {}) {
  const { db, pii } = ctx.t;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId: ctx.world.institutionA.institution.id, ...input });
  const client = await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician');
  return { ...e, client };
}

const enrolmentOf = async (id: number) => (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, id)))[0];
const attemptOf = async (id: number) => (await ctx.t.db.select().from(examAttempts).where(eq(examAttempts.id, id)))[0];

async function start(client: Awaited<ReturnType<typeof examinee>>['client'], paper: 'humanities' | 'proficiency') {
  const response = await client.post(`${URL}/start`, { paper });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { attemptId: number }).attemptId;
}

async function takePaper(e: Awaited<ReturnType<typeof examinee>>, paper: 'humanities' | 'proficiency', wrong = 0) {
  const attemptId = await start(e.client, paper);
  const saved = await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId, wrong) });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await e.client.post(`${URL}/attempts/${attemptId}/submit`, { reason: 'physician' });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { attemptId, view: submitted.json() as AttemptView };
}

describe('GET /api/v1/exams (待参加的考试)', () => {
  it('is for physicians only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ physician: 200 }));
  });

  it('lists the papers of the procedure: 业务水平 waits until 医学人文·法律法规 is passed', async () => {
    const e = await examinee();
    const overview = (await e.client.get(URL)).json() as ExamOverview;
    expect(overview.notice).toBeNull();
    expect(overview.papers.map((p) => [p.paperLabel, p.stateLabel])).toEqual([
      ['医学人文·法律法规', '未开始'],
      ['业务水平', '须先通过医学人文·法律法规'],
    ]);
    expect(overview.papers[0]).toMatchObject({ questionCount: 10, totalPoints: 100, passScore: 60, durationMinutes: 60, blockedReason: null });
    expect(overview.practice.every((p) => p.available)).toBe(true);
  });

  it('a 简易程序 physician takes the humanities paper only; an approved 一般程序 免考 leaves only the humanities paper', async () => {
    const simplified = await examinee({ procedure: 'simplified' });
    expect(((await simplified.client.get(URL)).json() as ExamOverview).papers.map((p) => p.paper)).toEqual(['humanities']);
    const exempted = await examinee({ exemptionApproved: true });
    expect(((await exempted.client.get(URL)).json() as ExamOverview).papers.map((p) => p.paper)).toEqual(['humanities']);
    const refused = await exempted.client.post(`${URL}/start`, { paper: 'proficiency' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('您无需参加该试卷的考试');
  });

  it('says why nothing can be taken before 待参加考核', async () => {
    const e = await examinee({ status: 'PENDING_INSTITUTION_REVIEW' });
    const overview = (await e.client.get(URL)).json() as ExamOverview;
    expect(overview.notice).toBe('报名信息审核通过（待参加考核）后方可参加测评');
    expect(overview.papers).toEqual([]);
    const refused = await e.client.post(`${URL}/start`, { paper: 'humanities' });
    expect(refused.statusCode).toBe(409);
    expect(await ctx.t.db.select().from(examAttempts).where(eq(examAttempts.physicianId, e.physician.id))).toEqual([]);
  });
});

describe('POST /api/v1/exams/start (开始考试)', () => {
  it('is for physicians only; a bad paper is a 400 naming the field', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/start`, { paper: 'humanities' }), byRole({ physician: 409 }));
    const e = await examinee();
    const bad = await e.client.post(`${URL}/start`, { paper: 'surgery' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('试卷');
  });

  it('draws the paper by the rule and freezes it; a second start returns the same attempt', async () => {
    const e = await examinee();
    const first = await start(e.client, 'humanities');
    const [second, third] = await Promise.all([start(e.client, 'humanities'), start(e.client, 'humanities')]);
    expect([second, third]).toEqual([first, first]);
    const attempt = await attemptOf(first);
    expect(attempt.draw).toHaveLength(10);
    expect(attempt.deadline!.getTime() - attempt.startedAt.getTime()).toBe(60 * 60_000);
    const view = (await e.client.get(`${URL}/attempts/${first}`)).json() as AttemptView;
    expect(view.questions.map((q) => q.type)).toEqual(['A1', 'A1', 'A1', 'A1', 'X', 'TF', 'A3', 'A3', 'B1', 'B1']);
    expect(view.questions[6].group).toMatchObject({ shared: '人文病例：患者男，50岁。', first: 6, size: 2 });
    expect(view.questions[8].group?.sharedOptions).toHaveLength(5);
    expect(view.questions[0].options).toHaveLength(5);
    const overview = (await e.client.get(URL)).json() as ExamOverview;
    expect(overview.papers[0]).toMatchObject({ state: 'inProgress', attemptId: first });
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'exam.started'), eq(auditEvents.targetId, String(e.enrolment.id))));
    expect(audits).toHaveLength(1);
  });

  it('never sends the key or 解析 before submission', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    const body = (await e.client.get(`${URL}/attempts/${attemptId}`)).body;
    expect(body).not.toMatch(/解析/);
    expect(body).not.toMatch(/"(answer|key|explanation)"\s*:\s*"[A-HTF]/);
    const view = JSON.parse(body) as AttemptView;
    expect(view.result).toBeNull();
    for (const q of view.questions) expect(Object.keys(q).sort()).toEqual(['group', 'options', 'points', 'position', 'stem', 'type', 'typeLabel']);
  });

  it('refuses 业务水平 before 医学人文·法律法规 is passed', async () => {
    const e = await examinee();
    const refused = await e.client.post(`${URL}/start`, { paper: 'proficiency' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('须先通过医学人文·法律法规考试');
  });

  it('refuses outside the 测评考核 window (Beijing time) and says when it is', async () => {
    const t = await createTestApp();
    try {
      const province = await buildAuthority(t.db, { regionCode: '990000' });
      const institution = await buildInstitution(t.db, { authorityId: province.authority.id, regionCode: '990101' });
      const cycle = await buildCycle(t.db, '990000');
      await t.db.update(cycles).set({ testStart: '2099-01-01', testEnd: '2099-01-31' }).where(eq(cycles.id, cycle.id));
      await buildBank(t.db, '990000', 'humanities');
      await buildPaperRule(t.db, cycle.id, 'humanities');
      const e = await buildExaminee(t.db, t.pii, { cycleId: cycle.id, institutionId: institution.institution.id });
      const client = await loginAs(t.app, e.idNumber, TEST_PASSWORD, 'physician');
      const refused = await client.post(`${URL}/start`, { paper: 'humanities' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe('测评考核时间未开始（2099-01-01 至 2099-01-31）');
    } finally {
      await t.close();
    }
  });

  it('admits starts at a bounded rate and tells the rest when to come back (Retry-After)', async () => {
    const t = await createTestApp({ examStartRate: 1 });
    try {
      const province = await buildAuthority(t.db, { regionCode: '990000' });
      const institution = await buildInstitution(t.db, { authorityId: province.authority.id, regionCode: '990101' });
      const cycle = await buildCycle(t.db, '990000');
      await buildBank(t.db, '990000', 'humanities');
      await buildPaperRule(t.db, cycle.id, 'humanities');
      const clients = [];
      for (let i = 0; i < 3; i++) {
        const e = await buildExaminee(t.db, t.pii, { cycleId: cycle.id, institutionId: institution.institution.id });
        clients.push(await loginAs(t.app, e.idNumber, TEST_PASSWORD, 'physician'));
      }
      const responses = await Promise.all(clients.map((c) => c.post(`${URL}/start`, { paper: 'humanities' })));
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses[0]).toBe(200);
      const queued = responses.filter((r) => r.statusCode === 429);
      expect(queued.length).toBeGreaterThan(0);
      for (const r of queued) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(r.json().error.message).toMatch(/正在排队/);
      }
    } finally {
      await t.close();
    }
  });

  it('refuses when no paper rule is set', async () => {
    const t = await createTestApp();
    try {
      const province = await buildAuthority(t.db, { regionCode: '990000' });
      const institution = await buildInstitution(t.db, { authorityId: province.authority.id, regionCode: '990101' });
      const cycle = await buildCycle(t.db, '990000');
      const e = await buildExaminee(t.db, t.pii, { cycleId: cycle.id, institutionId: institution.institution.id });
      const client = await loginAs(t.app, e.idNumber, TEST_PASSWORD, 'physician');
      const refused = await client.post(`${URL}/start`, { paper: 'humanities' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe('卫生行政部门尚未设置本试卷的试卷规则，请稍后再试');
    } finally {
      await t.close();
    }
  });
});

describe('answers (POST /api/v1/exams/attempts/:id/answers)', () => {
  it("only the attempt's physician may read or answer it; others get 404 or 403", async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    const expected = byRole({ physician: 404 });
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/attempts/${attemptId}`), expected);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 0, answer: 'A', seq: 1 }] }), expected);
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/attempts/${attemptId}/submit`, {}), expected);
    expect(await ctx.t.db.select().from(examAnswers).where(eq(examAnswers.attemptId, attemptId))).toEqual([]);
    expect((await attemptOf(attemptId)).status).toBe('in_progress');
  });

  it('keeps the newest answer: an older sequence number never overwrites a newer one', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    const save = (answers: { position: number; answer: string; seq: number }[]) => e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers });
    const first = await save([{ position: 0, answer: 'B', seq: 5 }, { position: 1, answer: 'C', seq: 6 }]);
    expect(first.statusCode).toBe(200);
    expect((first.json() as SavedAnswers).saved).toEqual([{ position: 0, seq: 5 }, { position: 1, seq: 6 }]);
    // A retry of an older answer arrives late: acknowledged (the server holds a newer one) but not applied.
    expect((await save([{ position: 0, answer: 'A', seq: 3 }])).statusCode).toBe(200);
    // The same position twice in one batch keeps the newest.
    expect((await save([{ position: 1, answer: 'D', seq: 9 }, { position: 1, answer: 'E', seq: 8 }])).statusCode).toBe(200);
    const view = (await e.client.get(`${URL}/attempts/${attemptId}`)).json() as AttemptView;
    expect(view.answers).toEqual([{ position: 0, answer: 'B', seq: 5 }, { position: 1, answer: 'D', seq: 9 }]);
  });

  it('refuses bad input with the field named and saves nothing of it', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    const save = (body: unknown) => e.client.post(`${URL}/attempts/${attemptId}/answers`, body);
    const badLetter = await save({ answers: [{ position: 0, answer: 'Z', seq: 1 }] });
    expect(badLetter.statusCode).toBe(400);
    expect(badLetter.json().error.message).toContain('答案');
    const beyond = await save({ answers: [{ position: 0, answer: 'A', seq: 1 }, { position: 10, answer: 'A', seq: 1 }] });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.message).toBe('题号不正确');
    expect((await save({ answers: [] })).json().error.message).toBe('请提交答案');
    expect(await ctx.t.db.select().from(examAnswers).where(eq(examAnswers.attemptId, attemptId))).toEqual([]);
  });

  it('refuses an answer after the deadline plus the grace, and changes nothing', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 0, answer: 'B', seq: 1 }] });
    // Within the grace an answer in flight at zero still counts.
    await expireAttempt(ctx.t.db, attemptId, 10);
    expect((await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 1, answer: 'B', seq: 2 }] })).statusCode).toBe(200);
    await expireAttempt(ctx.t.db, attemptId, 120);
    const late = await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 0, answer: 'C', seq: 3 }, { position: 2, answer: 'C', seq: 4 }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('考试时间已结束，答案未保存');
    const stored = await ctx.t.db.select({ position: examAnswers.position, answer: examAnswers.answer }).from(examAnswers).where(eq(examAnswers.attemptId, attemptId));
    expect(stored.sort((a, b) => a.position - b.position)).toEqual([{ position: 0, answer: 'B' }, { position: 1, answer: 'B' }]);
  });
});

describe('提交试卷 and the result', () => {
  it('submitting twice (double click, two devices) gives one result', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId) });
    const [a, b] = await Promise.all([e.client.post(`${URL}/attempts/${attemptId}/submit`, {}), e.client.post(`${URL}/attempts/${attemptId}/submit`, {})]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((a.json() as AttemptView).result).toEqual((b.json() as AttemptView).result);
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'exam.submitted'), eq(auditEvents.targetId, String(e.enrolment.id))));
    expect(audits).toHaveLength(1);
    const answerAfter = await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 0, answer: 'B', seq: 99 }] });
    expect(answerAfter.statusCode).toBe(409);
    expect(answerAfter.json().error.message).toBe('试卷已提交，答案未保存');
  });

  it('both papers passed → 考核完成 合格, with the score, the review and a 站内消息; the registration can no longer be returned', async () => {
    const e = await examinee();
    const humanities = await takePaper(e, 'humanities', 2);
    expect(humanities.view.result).toMatchObject({ score: 80, passed: true, submittedByLabel: '本人提交', answeredCount: 10 });
    expect(humanities.view.result!.review!.filter((r) => !r.correct)).toHaveLength(2);
    expect(humanities.view.result!.review![0].explanation).toMatch(/人文/);
    expect((await enrolmentOf(e.enrolment.id)).status).toBe('AWAITING_TEST');
    const returned = await ctx.clients.provinceAuthority.post(`/api/v1/physicians/${e.physician.id}/return-registration`, { reason: '信息有误' });
    expect(returned.statusCode).toBe(409);
    expect(returned.json().error.message).toBe('医师已开始测评，不能驳回');

    const overview = (await e.client.get(URL)).json() as ExamOverview;
    expect(overview.papers.map((p) => p.state)).toEqual(['passed', 'notStarted']);
    const proficiency = await takePaper(e, 'proficiency');
    expect(proficiency.view.result).toMatchObject({ score: 100, passed: true });
    expect(await enrolmentOf(e.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'passed' });
    const done = (await e.client.get(URL)).json() as ExamOverview;
    expect(done.notice).toBe('本周期考核已完成');
    expect(done.completed.map((c) => [c.paperLabel, c.score, c.passed])).toEqual(
      expect.arrayContaining([
        ['医学人文·法律法规', 80, true],
        ['业务水平', 100, true],
      ]),
    );
    const inbox = await ctx.t.db.select({ content: messages.content }).from(messages).innerJoin(accounts, eq(accounts.id, messages.accountId)).where(eq(accounts.physicianId, e.physician.id));
    expect(inbox.map((m) => m.content)).toEqual(
      expect.arrayContaining(['您的医学人文·法律法规考试成绩为80分，合格。请继续参加业务水平考试。', '您的业务水平考试成绩为100分，合格。本周期定期考核结果：合格。合格证书已生成，可在【考核信息查询】中下载。']),
    );
  });

  it('a failed paper → 待确认补考 where the province allows retakes, otherwise 考核完成 不合格', async () => {
    const e = await examinee();
    const failed = await takePaper(e, 'humanities', 5);
    expect(failed.view.result).toMatchObject({ score: 50, passed: false });
    expect(await enrolmentOf(e.enrolment.id)).toMatchObject({ status: 'PENDING_RETAKE_CONFIRMATION', result: null });

    await ctx.t.db.insert(policies).values({ provinceCode: '990000', retakeAllowed: false }).onConflictDoUpdate({ target: policies.provinceCode, set: { retakeAllowed: false } });
    try {
      const noRetake = await examinee();
      await takePaper(noRetake, 'humanities', 5);
      expect(await enrolmentOf(noRetake.enrolment.id)).toMatchObject({ status: 'COMPLETED', result: 'failed' });
    } finally {
      await ctx.t.db.update(policies).set({ retakeAllowed: true }).where(eq(policies.provinceCode, '990000'));
    }
  });

  it('X型题 is all-or-nothing by default; the review shows the key in the letters the physician saw', async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    const keys = await rightAnswers(ctx.t.db, attemptId);
    const view = (await e.client.get(`${URL}/attempts/${attemptId}`)).json() as AttemptView;
    const xPosition = view.questions.find((q) => q.type === 'X')!.position;
    const answers = [...keys].map(([position, key]) => ({ position, answer: position === xPosition ? key.slice(0, 2) : key, seq: 1 }));
    await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers });
    const result = ((await e.client.post(`${URL}/attempts/${attemptId}/submit`, {})).json() as AttemptView).result!;
    expect(result.score).toBe(90);
    expect(result.review!.find((r) => r.position === xPosition)).toMatchObject({ key: keys.get(xPosition), correct: false });
  });
});

describe('the sweeper', () => {
  it('closes attempts past the deadline plus grace exactly once, even with two sweepers at once, at their deadline', async () => {
    const e1 = await examinee();
    const e2 = await examinee();
    const a1 = await start(e1.client, 'humanities');
    const a2 = await start(e2.client, 'humanities');
    await e1.client.post(`${URL}/attempts/${a1}/answers`, { answers: await answersFor(ctx.t.db, a1) });
    await expireAttempt(ctx.t.db, a1, 120);
    await expireAttempt(ctx.t.db, a2, 120);
    const fresh = await examinee();
    const a3 = await start(fresh.client, 'humanities');

    const [s1, s2] = await Promise.all([sweepExpiredAttempts(ctx.t.db), sweepExpiredAttempts(ctx.t.db)]);
    expect(s1.closed + s2.closed).toBeGreaterThanOrEqual(2);
    const closed1 = await attemptOf(a1);
    expect(closed1).toMatchObject({ status: 'submitted', submittedBy: 'sweeper', passed: true, score: 100 });
    expect(closed1.submittedAt!.getTime()).toBe(closed1.deadline!.getTime());
    expect(await attemptOf(a2)).toMatchObject({ status: 'submitted', passed: false, score: 0 });
    expect((await attemptOf(a3)).status).toBe('in_progress');
    for (const e of [e1, e2]) {
      const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'exam.submitted'), eq(auditEvents.targetId, String(e.enrolment.id))));
      expect(audits).toHaveLength(1);
    }
    expect((await enrolmentOf(e2.enrolment.id)).status).toBe('PENDING_RETAKE_CONFIRMATION');
    // A second pass finds nothing to do.
    await sweepExpiredAttempts(ctx.t.db);
    const submittedCount = async () => ((await ctx.t.db.execute(sql`select count(*)::int as n from audit_events where action = 'exam.submitted'`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const before = await submittedCount();
    expect((await sweepExpiredAttempts(ctx.t.db)).closed).toBe(0);
    expect(await submittedCount()).toBe(before);
  });

  it("a physician's own submission after the deadline counts at the deadline", async () => {
    const e = await examinee();
    const attemptId = await start(e.client, 'humanities');
    await expireAttempt(ctx.t.db, attemptId, 5);
    const view = (await e.client.post(`${URL}/attempts/${attemptId}/submit`, { reason: 'physician' })).json() as AttemptView;
    expect(view.result).toMatchObject({ submittedBy: 'timeout', submittedByLabel: '时间到自动提交' });
    const attempt = await attemptOf(attemptId);
    expect(attempt.submittedAt!.getTime()).toBe(attempt.deadline!.getTime());
  });
});

describe('练习', () => {
  it('shows the key and 解析 with each answer, and never changes the enrolment', async () => {
    const e = await examinee();
    const started = await e.client.post(`${URL}/practice`, { paper: 'humanities', count: 5 });
    expect(started.statusCode, started.body).toBe(200);
    const { attemptId } = started.json() as { attemptId: number };
    const keys = await rightAnswers(ctx.t.db, attemptId);
    const savedResponse = await e.client.post(`${URL}/attempts/${attemptId}/answers`, { answers: [{ position: 0, answer: keys.get(0)!, seq: 1 }] });
    expect(savedResponse.statusCode, savedResponse.body).toBe(200);
    const saved = savedResponse.json() as SavedAnswers;
    expect(saved.keys).toEqual([{ position: 0, key: keys.get(0), explanation: expect.stringMatching(/人文/), correct: true }]);
    await e.client.post(`${URL}/attempts/${attemptId}/submit`, {});
    expect((await enrolmentOf(e.enrolment.id)).status).toBe('AWAITING_TEST');
    expect(((await e.client.get(URL)).json() as ExamOverview).completed).toEqual([]);
    const bad = await e.client.post(`${URL}/practice`, { paper: 'humanities', count: 500 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('练习题量须为5–100');
  });
});
