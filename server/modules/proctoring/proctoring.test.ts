import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProctoringItem, ProctoringList, ProctoringRecord } from '../../../common/schemas/proctoring.js';
import { auditEvents, certificates, enrolments, examAttempts, files, messages, physicians, policies, proctoringCases, proctoringSnapshots } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { loginAs } from '../../test-support/app.js';
import { PNG_BYTES, multipart } from '../../test-support/assessor-factories.js';
import { answersFor, buildBank, buildExaminee, buildPaperRule } from '../../test-support/exam-factories.js';
import { faceFixtures } from '../../test-support/face-fixtures.js';
import { TEST_PASSWORD } from '../../test-support/factories.js';
import { PROCTORING_CONSENT_REQUIRED } from '../exams/start.js';
import { faceComparer, type FaceComparer } from './face.js';
import { purgeExpiredSnapshots } from './retention.js';
import { scoreSnapshots } from './similarity-job.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/proctoring';
const faces = faceFixtures();
let comparer: FaceComparer;

async function setProctoring(enabled: boolean) {
  await ctx.t.db
    .insert(policies)
    .values({ provinceCode: '990000', proctoringEnabled: enabled })
    .onConflictDoUpdate({ target: policies.provinceCode, set: { proctoringEnabled: enabled } });
}

beforeAll(async () => {
  const { db } = ctx.t;
  await buildBank(db, '990000', 'humanities');
  await buildBank(db, '990000', 'proficiency');
  await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
  await buildPaperRule(db, ctx.world.cycle.id, 'proficiency');
  await setProctoring(true);
  comparer = faceComparer();
});
afterAll(() => comparer?.close());

/** A physician of institution A waiting for the test, with `photo` as the registration photo. */
async function examinee(photo: Buffer | null = faces.reference) {
  const { db, pii, storage } = ctx.t;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId: ctx.world.institutionA.institution.id });
  if (photo) {
    const id = crypto.randomUUID();
    await storage.put(`physicianPhoto/${id}`, photo);
    await db.insert(files).values({ id, ownerType: 'physicianPhoto', ownerId: e.physician.id, originalName: '照片.jpg', mimeType: 'image/jpeg', size: photo.length, storageKey: `physicianPhoto/${id}` });
    await db.update(physicians).set({ photoFileId: id }).where(eq(physicians.id, e.physician.id));
  }
  const client = await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician');
  return { ...e, client };
}
type Examinee = Awaited<ReturnType<typeof examinee>>;

async function startWithConsent(e: Examinee, paper: 'humanities' | 'proficiency' = 'humanities') {
  const started = await e.client.post('/api/v1/exams/start', { paper, proctoringConsent: true });
  expect(started.statusCode, started.body).toBe(200);
  return (started.json() as { attemptId: number }).attemptId;
}

async function upload(client: Client, attemptId: number, data: Buffer, name = 'snapshot.jpg', trigger = 'start') {
  const { payload, headers } = await multipart({ file: { name, data } });
  return client.post(`${URL}/attempts/${attemptId}/snapshots?trigger=${trigger}&takenAt=${encodeURIComponent(new Date().toISOString())}`, payload, headers);
}

async function submit(e: Examinee, attemptId: number, wrong = 0) {
  await e.client.post(`/api/v1/exams/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId, wrong) });
  const submitted = await e.client.post(`/api/v1/exams/attempts/${attemptId}/submit`, { reason: 'physician' });
  expect(submitted.statusCode, submitted.body).toBe(200);
}

/** An attempt taken with one snapshot, scored by the model, submitted. */
async function proctoredAttempt(snapshot: Buffer, wrong = 0) {
  const e = await examinee();
  const attemptId = await startWithConsent(e);
  expect((await upload(e.client, attemptId, snapshot)).statusCode).toBe(201);
  await scoreSnapshots(ctx.t.db, ctx.t.storage, comparer, 10);
  await submit(e, attemptId, wrong);
  return { e, attemptId };
}

const caseOf = async (attemptId: number) => (await ctx.t.db.select().from(proctoringCases).where(eq(proctoringCases.attemptId, attemptId)))[0];

describe('GET /api/v1/proctoring/settings (监考告知)', () => {
  it('tells the physician whether 监考 is on, how many snapshots and how long they are kept', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/settings`), byRole({ physician: 200 }));
    expect((await ctx.clients.physicianA.get(`${URL}/settings`)).json()).toEqual({ enabled: true, snapshots: 3, retentionDays: 180 });
  });
});

describe('开始考试 with 监考 on', () => {
  it('needs the separate consent, and records it with the attempt', async () => {
    const e = await examinee();
    const refused = await e.client.post('/api/v1/exams/start', { paper: 'humanities' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(PROCTORING_CONSENT_REQUIRED);
    expect(await ctx.t.db.select().from(examAttempts).where(eq(examAttempts.physicianId, e.physician.id))).toEqual([]);
    const attemptId = await startWithConsent(e);
    expect(await caseOf(attemptId)).toMatchObject({ physicianId: e.physician.id, paper: 'humanities', mark: 'none', snapshotCount: 0 });
    expect((await caseOf(attemptId)).consentedAt).toBeInstanceOf(Date);
  });

  it('without 监考 the attempt has no 监考 record and takes no snapshots', async () => {
    await setProctoring(false);
    try {
      const e = await examinee();
      const started = await e.client.post('/api/v1/exams/start', { paper: 'humanities' });
      expect(started.statusCode).toBe(200);
      const attemptId = (started.json() as { attemptId: number }).attemptId;
      expect(await caseOf(attemptId)).toBeUndefined();
      expect((await upload(e.client, attemptId, faces.samePerson)).statusCode).toBe(404);
    } finally {
      await setProctoring(true);
    }
  });
});

describe('POST /api/v1/proctoring/attempts/:attemptId/snapshots (抓拍)', () => {
  it('stores a JPEG of the physician’s own running attempt through the storage', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    const response = await upload(e.client, attemptId, faces.samePerson);
    expect(response.statusCode, response.body).toBe(201);
    const [snapshot] = await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId));
    expect(snapshot).toMatchObject({ status: 'pending', trigger: 'start' });
    const [file] = await ctx.t.db.select().from(files).where(eq(files.id, snapshot.fileId));
    expect(file).toMatchObject({ ownerType: 'proctoringSnapshot', ownerId: attemptId, mimeType: 'image/jpeg' });
    expect(await ctx.t.storage.exists(file.storageKey)).toBe(true);
    expect((await caseOf(attemptId)).snapshotCount).toBe(1);
    // The generic download does not serve snapshots (only 监考管理 does, audited).
    expect((await ctx.clients.institutionA.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
  });

  it('is the physician’s own: other roles 403, another examinee 404', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    const { payload, headers } = await multipart({ file: { name: 'snapshot.jpg', data: faces.samePerson } });
    await checkAccessMatrix(
      ctx.clients,
      (c) => c.post(`${URL}/attempts/${attemptId}/snapshots?trigger=start&takenAt=${encodeURIComponent(new Date().toISOString())}`, payload, headers),
      byRole({ physician: 404 }),
    );
  });

  it('checks the content and the size, and changes nothing on bad input', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    const png = await upload(e.client, attemptId, PNG_BYTES, 'snapshot.jpg');
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toBe('抓拍照片：只能上传JPG文件（按文件内容识别）');
    const large = await upload(e.client, attemptId, Buffer.concat([faces.samePerson, Buffer.alloc(600 * 1024)]));
    expect(large.statusCode).toBe(400);
    expect(large.json().error.message).toBe('抓拍照片：文件不能超过512KB');
    const badTrigger = await e.client.post(`${URL}/attempts/${attemptId}/snapshots?trigger=never&takenAt=x`, {});
    expect(badTrigger.statusCode).toBe(400);
    expect(badTrigger.json().error.fields).toHaveProperty('trigger');
    const missing = await e.client.post(`${URL}/attempts/${attemptId}/snapshots?trigger=start&takenAt=${encodeURIComponent(new Date().toISOString())}`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('请上传抓拍照片');
    expect(await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId))).toEqual([]);
  });

  it('refuses a snapshot after submission', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    await submit(e, attemptId);
    const late = await upload(e.client, attemptId, faces.samePerson);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('试卷已提交，不再接收抓拍照片');
  });
});

describe('GET /api/v1/proctoring/attempts/:attemptId/plan (抓拍计划)', () => {
  it('tells the physician’s page whether to take snapshots and how many arrived; others 403 / 404', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    expect((await e.client.get(`${URL}/attempts/${attemptId}/plan`)).json()).toEqual({ proctored: true, snapshots: 3, received: 0 });
    await upload(e.client, attemptId, faces.samePerson);
    expect((await e.client.get(`${URL}/attempts/${attemptId}/plan`)).json()).toMatchObject({ received: 1 });
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/attempts/${attemptId}/plan`), byRole({ physician: 404 }));
    expect((await e.client.get(`${URL}/attempts/0/plan`)).statusCode).toBe(400);
    await submit(e, attemptId);
    expect((await e.client.get(`${URL}/attempts/${attemptId}/plan`)).json()).toMatchObject({ proctored: false });
  });
});

describe('POST /api/v1/proctoring/attempts/:attemptId/camera-issue (摄像头问题)', () => {
  it('records the problem on the attempt, which then waits for review', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    expect((await e.client.post(`${URL}/attempts/${attemptId}/camera-issue`, { issue: 'nope' })).statusCode).toBe(400);
    expect((await ctx.clients.physicianA.post(`${URL}/attempts/${attemptId}/camera-issue`, { issue: 'denied' })).statusCode).toBe(404);
    expect((await ctx.clients.institutionA.post(`${URL}/attempts/${attemptId}/camera-issue`, { issue: 'denied' })).statusCode).toBe(403);
    expect((await e.client.post(`${URL}/attempts/${attemptId}/camera-issue`, { issue: 'denied' })).statusCode).toBe(204);
    expect(await caseOf(attemptId)).toMatchObject({ cameraIssue: 'denied' });
    const list = (await ctx.clients.institutionA.get(`${URL}/cases?name=${encodeURIComponent(e.physician.name)}`)).json() as ProctoringList;
    expect(list.items.map((i) => [i.attemptId, i.cameraIssue])).toContainEqual([attemptId, 'denied']);
  });
});

describe('face similarity (the worker)', () => {
  it('scores the same person at or above the threshold, another person below it, and records no face / several faces', async () => {
    const e = await examinee();
    const cases: Record<string, number> = {};
    for (const [name, data] of Object.entries({ same: faces.samePerson, other: faces.otherPerson, none: faces.noFace, several: faces.severalFaces })) {
      const one = name === 'same' ? e : await examinee();
      const attemptId = await startWithConsent(one);
      expect((await upload(one.client, attemptId, data)).statusCode).toBe(201);
      cases[name] = attemptId;
    }
    await scoreSnapshots(ctx.t.db, ctx.t.storage, comparer, 10);
    const snapshotOf = async (attemptId: number) => (await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId)))[0];
    const same = await snapshotOf(cases.same);
    expect(same).toMatchObject({ status: 'done', outcome: 'matched', faces: 1 });
    expect(same.similarity).toBeGreaterThanOrEqual(40);
    const other = await snapshotOf(cases.other);
    expect(other).toMatchObject({ status: 'done', outcome: 'matched', faces: 1 });
    expect(other.similarity).toBeLessThan(40);
    expect(await snapshotOf(cases.none)).toMatchObject({ status: 'done', outcome: 'noFace', faces: 0, similarity: null });
    expect(await snapshotOf(cases.several)).toMatchObject({ status: 'done', outcome: 'severalFaces', faces: 3 });
    // The attempt's lowest: a snapshot without a face counts 0.
    expect((await caseOf(cases.same)).lowestSimilarity).toBe(same.similarity);
    expect(await caseOf(cases.none)).toMatchObject({ lowestSimilarity: 0, noFaceCount: 1 });
    expect(await caseOf(cases.several)).toMatchObject({ severalFacesCount: 1 });
  }, 120_000);

  it('records a registration photo without a face, and leaves nothing claimed', async () => {
    const e = await examinee(faces.noFace);
    const attemptId = await startWithConsent(e);
    await upload(e.client, attemptId, faces.samePerson);
    await scoreSnapshots(ctx.t.db, ctx.t.storage, comparer, 10);
    expect((await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId)))[0]).toMatchObject({ outcome: 'noReference', similarity: null });
    expect(await caseOf(attemptId)).toMatchObject({ referenceUnusable: 1, lowestSimilarity: null });
    const left = await ctx.t.db.execute(sql`select count(*)::int as n from proctoring_snapshots where status in ('pending', 'processing')`);
    expect((left as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
  }, 60_000);

  it('a claim held by another worker is skipped, not waited for', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    await upload(e.client, attemptId, faces.samePerson);
    await ctx.t.db.update(proctoringSnapshots).set({ status: 'processing', claimedAt: new Date() }).where(eq(proctoringSnapshots.attemptId, attemptId));
    expect(await scoreSnapshots(ctx.t.db, ctx.t.storage, comparer, 10)).toBe(0);
    // A claim older than the timeout (its worker died) is taken again.
    await ctx.t.db.update(proctoringSnapshots).set({ claimedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(proctoringSnapshots.attemptId, attemptId));
    expect(await scoreSnapshots(ctx.t.db, ctx.t.storage, comparer, 10)).toBe(1);
  }, 60_000);
});

describe('GET /api/v1/proctoring/cases (监考管理)', () => {
  let low: Awaited<ReturnType<typeof proctoredAttempt>>;
  let high: Awaited<ReturnType<typeof proctoredAttempt>>;
  beforeAll(async () => {
    low = await proctoredAttempt(faces.otherPerson);
    high = await proctoredAttempt(faces.samePerson);
  }, 60_000);

  it('is for institutions, assessors and authorities, each in its scope', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/cases`), byRole({ institution: 200, assessor: 200, authority: 200 }));
    const ids = async (c: Client) => ((await c.get(`${URL}/cases?similarityBelow=0&pageSize=100`)).json() as ProctoringList).items.map((i) => i.attemptId);
    for (const c of [ctx.clients.institutionA, ctx.clients.assessorOfA, ctx.clients.cityAAuthority, ctx.clients.provinceAuthority]) expect(await ids(c)).toContain(low.attemptId);
    for (const c of [ctx.clients.institutionB, ctx.clients.cityBAuthority]) expect(await ids(c)).not.toContain(low.attemptId);
    expect((await ctx.clients.institutionB.get(`${URL}/cases?institutionId=${ctx.world.institutionA.institution.id}`)).statusCode).toBe(404);
  });

  it('lists below the province threshold by default, lowest first, with the seed’s columns', async () => {
    const list = (await ctx.clients.institutionA.get(`${URL}/cases?pageSize=100`)).json() as ProctoringList;
    expect(list).toMatchObject({ threshold: 40, similarityBelow: 40 });
    const ids = list.items.map((i) => i.attemptId);
    expect(ids).toContain(low.attemptId);
    expect(ids).not.toContain(high.attemptId);
    const scores = list.items.map((i) => i.lowestSimilarity).filter((s): s is number => s !== null);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const row = list.items.find((i) => i.attemptId === low.attemptId)!;
    expect(row).toMatchObject({ institutionName: ctx.world.institutionA.institution.name, name: low.e.physician.name, procedure: 'standard', paper: 'humanities', mark: 'none', viewed: false, actions: ['view', 'suspect'] });
    expect(row.idNumberMasked).toContain('*');
    expect(row.authorityName).toBe(ctx.world.cityA.authority.name);
    const all = (await ctx.clients.institutionA.get(`${URL}/cases?similarityBelow=100&pageSize=100`)).json() as ProctoringList;
    expect(all.items.map((i) => i.attemptId)).toEqual(expect.arrayContaining([low.attemptId, high.attemptId]));
    const byName = (await ctx.clients.institutionA.get(`${URL}/cases?similarityBelow=0&name=${encodeURIComponent(high.e.physician.name)}`)).json() as ProctoringList;
    expect(byName.items.map((i) => i.attemptId)).toEqual([high.attemptId]);
    const provincial = (await ctx.clients.provinceAuthority.get(`${URL}/cases?pageSize=100`)).json() as ProctoringList;
    expect(provincial.items.find((i) => i.attemptId === low.attemptId)!.actions).toEqual(['view', 'confirm']);
  });

  it('refuses bad filters naming the field', async () => {
    const bad = await ctx.clients.institutionA.get(`${URL}/cases?similarityBelow=120`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.similarityBelow).toBe('相似度须为1–100之间的整数');
    expect((await ctx.clients.institutionA.get(`${URL}/cases?mark=maybe`)).json().error.fields.mark).toBe('标记状态不正确');
  });

  it('查看 shows the photo beside each snapshot, sets 已查看, is audited; others get 404', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/cases/${low.attemptId}`), {
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
    const record = (await ctx.clients.institutionA.get(`${URL}/cases/${low.attemptId}`)).json() as ProctoringRecord;
    expect(record.item.viewed).toBe(true);
    expect(record.referencePhotoId).not.toBeNull();
    expect(record.snapshots).toHaveLength(1);
    expect(record.snapshots[0]).toMatchObject({ trigger: 'start', status: 'done', outcome: 'matched' });
    expect(record.snapshots[0].similarity).toBeLessThan(40);
    const audits = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'proctoring.viewed'), eq(auditEvents.targetId, String(low.attemptId))));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    const viewed = (await ctx.clients.institutionA.get(`${URL}/cases?viewed=viewed&similarityBelow=0&pageSize=100`)).json() as ProctoringList;
    expect(viewed.items.map((i) => i.attemptId)).toContain(low.attemptId);
    const image = await ctx.clients.institutionA.get(`${URL}/snapshots/${record.snapshots[0].id}/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await ctx.clients.institutionB.get(`${URL}/snapshots/${record.snapshots[0].id}/image`)).statusCode).toBe(404);
    // Each opening of the image is audited; the refused one is not.
    const opened = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'proctoring.snapshotOpened'), eq(auditEvents.targetId, String(low.attemptId))));
    expect(opened).toHaveLength(1);
    expect(opened[0].after).toEqual({ snapshotId: record.snapshots[0].id });
    expect((await ctx.clients.institutionA.get(`${URL}/cases/abc`)).statusCode).toBe(400);
  });

  it('标记疑似: the institution marks with a note, once; nobody else may', async () => {
    const url = `${URL}/cases/${low.attemptId}/suspect`;
    const empty = await ctx.clients.institutionA.post(url, { note: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.note).toBe('请输入备注');
    for (const c of [ctx.clients.assessorOfA, ctx.clients.provinceAuthority, low.e.client]) expect((await c.post(url, { note: '多次离开画面' })).statusCode).toBe(403);
    expect((await ctx.clients.institutionB.post(url, { note: '多次离开画面' })).statusCode).toBe(404);
    const marked = await ctx.clients.institutionA.post(url, { note: '多次离开画面' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json() as ProctoringItem).toMatchObject({ mark: 'suspected', actions: ['view'] });
    const again = await ctx.clients.institutionA.post(url, { note: '再次标记' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('已标记疑似作弊；如需撤销，请联系隶属卫生行政部门');
    expect(await caseOf(low.attemptId)).toMatchObject({ mark: 'suspected', suspectedNote: '多次离开画面' });
    const suspected = (await ctx.clients.institutionA.get(`${URL}/cases?mark=suspected&similarityBelow=0`)).json() as ProctoringList;
    expect(suspected.items.map((i) => i.attemptId)).toEqual([low.attemptId]);
  });

  it('认定作弊 (provincial authority): the paper fails, the cycle is 不合格, physician and institution are told; 撤销认定 restores it', async () => {
    const confirmUrl = `${URL}/cases/${low.attemptId}/confirm`;
    const revokeUrl = `${URL}/cases/${low.attemptId}/revoke`;
    const before = (await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, low.e.enrolment.id)))[0];
    expect(before.status).toBe('AWAITING_TEST');
    const city = await ctx.clients.cityAAuthority.post(confirmUrl, { reason: '非本人作答' });
    expect(city.statusCode).toBe(403);
    expect(city.json().error.message).toBe('认定作弊和撤销认定须由省级卫生行政部门处理');
    for (const c of [ctx.clients.institutionA, ctx.clients.assessorOfA]) expect((await c.post(confirmUrl, { reason: '非本人作答' })).statusCode).toBe(403);
    expect((await ctx.clients.provinceAuthority.post(confirmUrl, {})).json().error.fields.reason).toBe('请输入理由');
    expect((await ctx.clients.provinceAuthority.post(revokeUrl, { reason: '复核' })).statusCode).toBe(409);

    const confirmed = await ctx.clients.provinceAuthority.post(confirmUrl, { reason: '非本人作答' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json() as ProctoringItem).toMatchObject({ mark: 'confirmed', actions: ['view', 'revoke'] });
    expect((await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, low.e.enrolment.id)))[0]).toMatchObject({ status: 'COMPLETED', result: 'failed' });
    expect((await ctx.t.db.select().from(examAttempts).where(eq(examAttempts.id, low.attemptId)))[0].passed).toBe(false);
    expect((await ctx.clients.provinceAuthority.post(confirmUrl, { reason: '非本人作答' })).statusCode).toBe(409);
    const told = await ctx.t.db.select().from(messages).where(eq(messages.title, '认定作弊'));
    expect(told.map((m) => m.accountId)).toEqual(expect.arrayContaining([low.e.account.id, ctx.world.institutionA.account.id]));
    expect(told.find((m) => m.accountId === low.e.account.id)!.content).toContain('非本人作答');
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'proctoring.cheatingConfirmed'));
    expect(audit).toMatchObject({ actorAccountId: ctx.world.province.account.id, targetId: String(low.e.enrolment.id), before: { status: 'AWAITING_TEST', passed: true, mark: 'suspected' } });
    // The physician sees the result through 考核信息查询's source: the enrolment.
    expect((await ctx.clients.institutionA.post(`${URL}/cases/${low.attemptId}/suspect`, { note: 'x' })).statusCode).toBe(409);

    expect((await ctx.clients.cityAAuthority.post(revokeUrl, { reason: '复核无误' })).statusCode).toBe(403);
    const revoked = await ctx.clients.provinceAuthority.post(revokeUrl, { reason: '复核后确认为本人' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json() as ProctoringItem).toMatchObject({ mark: 'suspected', actions: ['view', 'confirm'] });
    expect((await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, low.e.enrolment.id)))[0]).toMatchObject({ status: 'AWAITING_TEST', result: null });
    expect((await ctx.t.db.select().from(examAttempts).where(eq(examAttempts.id, low.attemptId)))[0].passed).toBe(true);
    expect(await caseOf(low.attemptId)).toMatchObject({ revokedReason: '复核后确认为本人', previous: null });
    const revokedMessages = await ctx.t.db.select().from(messages).where(eq(messages.title, '撤销认定作弊'));
    expect(revokedMessages.map((m) => m.accountId)).toEqual(expect.arrayContaining([low.e.account.id, ctx.world.institutionA.account.id]));
    expect((await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'proctoring.cheatingRevoked'))).length).toBe(1);
    expect((await ctx.clients.provinceAuthority.post(revokeUrl, { reason: '再次撤销' })).json().error.message).toBe('该记录未被认定作弊');
  });

  it('认定作弊 waits for the attempt to end', async () => {
    const e = await examinee();
    const attemptId = await startWithConsent(e);
    const early = await ctx.clients.provinceAuthority.post(`${URL}/cases/${attemptId}/confirm`, { reason: '非本人作答' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('考试尚未结束，不能认定作弊');
  });
});

describe('retention (监考照片保存期限)', () => {
  it('deletes snapshots (rows and bytes) once the policy’s days after the cycle’s end have passed; the record stays', async () => {
    const { attemptId } = await proctoredAttempt(faces.samePerson);
    const [snapshot] = await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId));
    const [file] = await ctx.t.db.select().from(files).where(eq(files.id, snapshot.fileId));
    expect(await purgeExpiredSnapshots(ctx.t.db, ctx.t.storage)).toBe(0);
    const cycleEnd = (await ctx.t.db.execute(sql`select end_date::text as d from cycles where id = ${ctx.world.cycle.id}`)) as unknown as { rows: { d: string }[] };
    const end = new Date(`${cycleEnd.rows[0].d}T12:00:00+08:00`);
    // 180 days after the end: kept; 181: deleted.
    expect(await purgeExpiredSnapshots(ctx.t.db, ctx.t.storage, new Date(end.getTime() + 180 * 86_400_000))).toBe(0);
    const deleted = await purgeExpiredSnapshots(ctx.t.db, ctx.t.storage, new Date(end.getTime() + 181 * 86_400_000));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await ctx.t.db.select().from(proctoringSnapshots).where(eq(proctoringSnapshots.attemptId, attemptId))).toEqual([]);
    expect(await ctx.t.db.select().from(files).where(eq(files.id, snapshot.fileId))).toEqual([]);
    expect(await ctx.t.storage.exists(file.storageKey)).toBe(false);
    expect(await caseOf(attemptId)).toMatchObject({ snapshotCount: 1 });
    expect((await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'proctoring.snapshotsPurged'))).length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe('认定作弊 after the cycle completed 合格', () => {
  it('revokes the 合格证书 issued for it, in the same decision; 撤销认定 gives the same certificate back', async () => {
    const { e, attemptId } = await proctoredAttempt(faces.otherPerson);
    await submit(e, await startWithConsent(e, 'proficiency'));
    expect((await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, e.enrolment.id)))[0]).toMatchObject({ status: 'COMPLETED', result: 'passed' });
    const [issued] = await ctx.t.db.select().from(certificates).where(eq(certificates.enrolmentId, e.enrolment.id));
    expect(issued.status).toBe('valid');

    const confirmed = await ctx.clients.provinceAuthority.post(`${URL}/cases/${attemptId}/confirm`, { reason: '替考' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [revoked] = await ctx.t.db.select().from(certificates).where(eq(certificates.id, issued.id));
    expect(revoked).toMatchObject({ status: 'revoked', revokedReason: '认定作弊：替考' });
    const told = await ctx.t.db.select().from(messages).where(and(eq(messages.accountId, e.account.id), eq(messages.title, '合格证书已撤销')));
    expect(told).toHaveLength(1);

    // 撤销认定 gives the 合格 back, and with it the same certificate.
    const undone = await ctx.clients.provinceAuthority.post(`${URL}/cases/${attemptId}/revoke`, { reason: '复核后确认为本人' });
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, e.enrolment.id)))[0]).toMatchObject({ status: 'COMPLETED', result: 'passed' });
    expect((await ctx.t.db.select().from(certificates).where(eq(certificates.id, issued.id)))[0]).toMatchObject({ status: 'valid', number: issued.number, revokedReason: null });
    const [audit] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'certificate.restored'), eq(auditEvents.targetId, String(issued.id))));
    expect(audit.after).toMatchObject({ status: 'valid', reason: '撤销认定作弊：复核后确认为本人' });
    expect(await ctx.t.db.select().from(messages).where(and(eq(messages.accountId, e.account.id), eq(messages.title, '合格证书已恢复')))).toHaveLength(1);
  });
});
