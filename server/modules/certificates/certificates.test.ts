import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentInfo } from '../../../common/schemas/assessment-info.js';
import type { HistoryList, VerifyResult } from '../../../common/schemas/certificates.js';
import { auditEvents, certificates, enrolments, messages, accounts } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import type { Client } from '../../test-support/app.js';
import { loginAs } from '../../test-support/app.js';
import { multipart, PNG_BYTES } from '../../test-support/assessor-factories.js';
import { buildEnrolment, otherProvinceAuthority } from '../../test-support/cycle-factories.js';
import { answersFor, buildBank, buildExaminee, buildPaperRule } from '../../test-support/exam-factories.js';
import { buildPhysician, TEST_PASSWORD } from '../../test-support/factories.js';
import { issueCertificates } from './issue.js';
import { issueMissingCertificates } from './issue-job.js';
import { STAMP_NOTICE } from './pdf.js';
import { revokeCertificate } from './revoke.js';

const ctx = setupTenantWorld();
let otherProvince: Awaited<ReturnType<typeof otherProvinceAuthority>>;
const URL = '/api/v1/certificates';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certificates-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const { db } = ctx.t;
  await buildBank(db, '990000', 'humanities');
  await buildBank(db, '990000', 'proficiency');
  await buildPaperRule(db, ctx.world.cycle.id, 'humanities');
  await buildPaperRule(db, ctx.world.cycle.id, 'proficiency');
  otherProvince = await otherProvinceAuthority(ctx.t);
});

async function examinee(institution: 'A' | 'B' = 'A') {
  const { db, pii } = ctx.t;
  const institutionId = (institution === 'A' ? ctx.world.institutionA : ctx.world.institutionB).institution.id;
  const e = await buildExaminee(db, pii, { cycleId: ctx.world.cycle.id, institutionId });
  return { ...e, client: await loginAs(ctx.t.app, e.idNumber, TEST_PASSWORD, 'physician') };
}

async function takePaper(client: Client, paper: 'humanities' | 'proficiency', wrong = 0) {
  const { attemptId } = (await client.post('/api/v1/exams/start', { paper })).json() as { attemptId: number };
  await client.post(`/api/v1/exams/attempts/${attemptId}/answers`, { answers: await answersFor(ctx.t.db, attemptId, wrong) });
  return client.post(`/api/v1/exams/attempts/${attemptId}/submit`, {});
}

const certificateOf = async (enrolmentId: number) => (await ctx.t.db.select().from(certificates).where(eq(certificates.enrolmentId, enrolmentId)))[0];

/** Writes the PDF, checks that poppler renders its first page, and returns its text. */
function pdfText(body: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, body);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(tmp, name)]);
  const png = fs.readdirSync(tmp).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  expect(png, 'pdftoppm rendered the first page').toBeTruthy();
  expect(fs.statSync(path.join(tmp, png!)).size).toBeGreaterThan(5000);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
const pdfPages = (body: Buffer, name: string) => {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, body);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
};

describe('合格证书', () => {
  let passed: Awaited<ReturnType<typeof examinee>>;
  let failed: Awaited<ReturnType<typeof examinee>>;
  let passedB: Awaited<ReturnType<typeof examinee>>;
  let certId: number;
  let number: string;

  it('is issued when the test completes the cycle 合格, with a country-unique number and the province authority as issuer; never for 不合格', async () => {
    passed = await examinee();
    expect((await takePaper(passed.client, 'humanities')).statusCode).toBe(200);
    expect(await certificateOf(passed.enrolment.id)).toBeUndefined();
    expect((await takePaper(passed.client, 'proficiency')).statusCode).toBe(200);
    const cert = await certificateOf(passed.enrolment.id);
    expect(cert).toMatchObject({ status: 'valid', name: passed.physician.name, issuerName: ctx.world.province.authority.name, cycleName: ctx.world.cycle.name });
    expect(cert.number).toMatch(new RegExp(`^990000${ctx.world.cycle.startDate.slice(0, 4)}\\d{7}$`));
    certId = cert.id;
    number = cert.number;
    const [account] = await ctx.t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.physicianId, passed.physician.id));
    const told = await ctx.t.db.select().from(messages).where(eq(messages.accountId, account.id));
    expect(told.map((m) => m.content).join()).toContain('合格证书已生成');

    const info = (await passed.client.get('/api/v1/assessment-info')).json() as AssessmentInfo;
    expect(info.items[0]).toMatchObject({ certificate: { id: cert.id, number: cert.number, status: 'valid' } });
    expect(info.items[0].scores.map((x) => [x.paperLabel, x.stageLabel, x.score, x.passed])).toEqual([
      ['医学人文·法律法规', '首次考核', 100, true],
      ['业务水平', '首次考核', 100, true],
    ]);

    failed = await examinee();
    await takePaper(failed.client, 'humanities', 5);
    expect(await certificateOf(failed.enrolment.id)).toBeUndefined();
    passedB = await examinee('B');
    await takePaper(passedB.client, 'humanities');
    await takePaper(passedB.client, 'proficiency');
    expect(await certificateOf(passedB.enrolment.id)).toBeDefined();
    // A second call for the same enrolment issues nothing.
    expect(await issueCertificates(ctx.t.db, [passed.enrolment.id, failed.enrolment.id])).toEqual([]);
  });

  it('the job issues the 合格 rows that have none, each once with a distinct number, even when run twice at once beside the completing path', async () => {
    const { db, pii } = ctx.t;
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await buildPhysician(db, pii, { institutionId: ctx.world.institutionA.institution.id });
      const e = await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status: 'COMPLETED' });
      ids.push(e.id);
    }
    await db.update(enrolments).set({ result: 'passed' }).where(sql`${enrolments.id} = any(${`{${ids.join(',')}}`}::int[])`);
    const [one, two, direct] = await Promise.all([issueMissingCertificates(db, { batch: 5 }), issueMissingCertificates(db, { batch: 5 }), issueCertificates(db, ids.slice(0, 6))]);
    // Rows held by a concurrent issuer are skipped, not waited for: a later run issues what is left, then nothing.
    const later = await issueMissingCertificates(db);
    expect(one + two + direct.length + later).toBe(12);
    expect(await issueMissingCertificates(db)).toBe(0);
    const issued = await db.select({ enrolmentId: certificates.enrolmentId, number: certificates.number }).from(certificates).where(sql`${certificates.enrolmentId} = any(${`{${ids.join(',')}}`}::int[])`);
    expect(issued.map((c) => c.enrolmentId).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const all = await db.select({ number: certificates.number }).from(certificates);
    expect(new Set(all.map((c) => c.number)).size).toBe(all.length);
  });

  it('证书查验 (public): valid by number and name or by the QR tag; a wrong name, a wrong tag or an invented number is 未找到', async () => {
    const anonymous = ctx.clients.anonymous;
    const byName = (await anonymous.get(`${URL}/verify?number=${number}&name=${encodeURIComponent(passed.physician.name)}`)).json() as VerifyResult;
    expect(byName.status).toBe('valid');
    expect(byName.certificate).toMatchObject({ number, resultLabel: '合格', issuerName: ctx.world.province.authority.name, cycleName: ctx.world.cycle.name });
    expect(byName.certificate!.nameMasked).not.toBe(passed.physician.name);
    expect(byName.certificate!.nameMasked[0]).toBe(passed.physician.name[0]);
    const tag = ctx.t.pii.certificateTag(number);
    expect(((await anonymous.get(`${URL}/verify?number=${number}&tag=${tag}`)).json() as VerifyResult).status).toBe('valid');
    const wrongTag = `${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`;
    expect((await anonymous.get(`${URL}/verify?number=${number}&tag=${wrongTag}`)).json()).toEqual({ status: 'notFound', certificate: null });
    expect((await anonymous.get(`${URL}/verify?number=${number}&name=${encodeURIComponent('张三丰')}`)).json()).toEqual({ status: 'notFound', certificate: null });
    expect((await anonymous.get(`${URL}/verify?number=99000020249999999&name=${encodeURIComponent(passed.physician.name)}`)).json()).toEqual({ status: 'notFound', certificate: null });
    const noName = await anonymous.get(`${URL}/verify?number=${number}`);
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toBe('请输入姓名');
    const badNumber = await anonymous.get(`${URL}/verify?number=${encodeURIComponent('99-00')}&name=x`);
    expect(badNumber.json().error.message).toBe('证书编号只能包含数字');
  });

  it('the PDF: its owner, its institution and the authorities above it; 证件号码 in full only for the physician; others 404, assessor 403', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/${certId}/pdf`), {
      ...byRole({ institution: 404, authority: 200, physician: 404 }),
      institutionA: 200,
      cityBAuthority: 404,
    });
    const own = await passed.client.get(`${URL}/${certId}/pdf?download=1`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    const ownText = pdfText(own.rawPayload, 'own');
    for (const words of ['医师定期考核合格证书', passed.physician.name, number, '合格', passed.idNumber, ctx.world.province.authority.name, STAMP_NOTICE]) {
      expect(ownText.replace(/\s+/g, '')).toContain(words);
    }
    expect(own.rawPayload.length).toBeLessThan(60_000);
    const byInstitution = pdfText((await ctx.clients.institutionA.get(`${URL}/${certId}/pdf`)).rawPayload, 'institution');
    expect(byInstitution).not.toContain(passed.idNumber);
    expect(byInstitution).toContain(passed.physician.idNumberMasked);
    expect((await ctx.clients.institutionA.get(`${URL}/abc/pdf`)).statusCode).toBe(400);
  });

  it('打印 by enrolment (考核进度): issued on the spot for a 合格 row without one; none for 不合格', async () => {
    const { db, pii } = ctx.t;
    const p = await buildPhysician(db, pii, { institutionId: ctx.world.institutionA.institution.id });
    const e = await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status: 'COMPLETED' });
    await db.update(enrolments).set({ result: 'passed' }).where(eq(enrolments.id, e.id));
    const printed = await ctx.clients.institutionA.get(`${URL}/by-enrolment/${e.id}/pdf`);
    expect(printed.statusCode).toBe(200);
    expect(await certificateOf(e.id)).toBeDefined();
    expect((await ctx.clients.institutionB.get(`${URL}/by-enrolment/${e.id}/pdf`)).statusCode).toBe(404);
    const zero = await ctx.clients.institutionA.get(`${URL}/by-enrolment/0/pdf`);
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.message).toBe('编号格式不正确');
    expect((await ctx.clients.assessorOfA.get(`${URL}/by-enrolment/${e.id}/pdf`)).statusCode).toBe(403);
    const none = await ctx.clients.institutionA.get(`${URL}/by-enrolment/${failed.enrolment.id}/pdf`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe('未找到该合格证书');
  });

  it('历史考核结果查询: institution its own, authority its jurisdiction, any cycle of the province; others 403 / 404', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/history`), byRole({ institution: 200, authority: 200 }));
    const a = (await ctx.clients.institutionA.get(`${URL}/history?pageSize=100`)).json() as HistoryList;
    expect(a.cycleId).toBe(ctx.world.cycle.id);
    expect(a.canRevoke).toBe(false);
    const row = a.items.find((i) => i.enrolmentId === passed.enrolment.id)!;
    expect(row).toMatchObject({ cycleName: ctx.world.cycle.name, result: 'passed', status: 'COMPLETED', certificate: { id: certId, number, status: 'valid' } });
    expect(a.items.find((i) => i.enrolmentId === failed.enrolment.id)?.certificate).toBeNull();
    expect(a.items.map((i) => i.enrolmentId)).not.toContain(passedB.enrolment.id);
    const passedOnly = (await ctx.clients.institutionA.get(`${URL}/history?pageSize=100&result=passed&name=${encodeURIComponent(passed.physician.name)}`)).json() as HistoryList;
    expect(passedOnly.items.map((i) => i.enrolmentId)).toEqual([passed.enrolment.id]);
    const province = (await ctx.clients.provinceAuthority.get(`${URL}/history?pageSize=100`)).json() as HistoryList;
    expect(province.canRevoke).toBe(true);
    expect(province.items.map((i) => i.enrolmentId)).toEqual(expect.arrayContaining([passed.enrolment.id, passedB.enrolment.id]));
    const cityB = (await ctx.clients.cityBAuthority.get(`${URL}/history?pageSize=100`)).json() as HistoryList;
    expect(cityB.items.map((i) => i.enrolmentId)).toEqual([passedB.enrolment.id]);
    expect((await ctx.clients.institutionA.get(`${URL}/history?institutionId=${ctx.world.institutionB.institution.id}`)).statusCode).toBe(404);
    expect((await otherProvince.client.get(`${URL}/history?cycleId=${ctx.world.cycle.id}`)).statusCode).toBe(404);
    const bad = await ctx.clients.institutionA.get(`${URL}/history?cycleId=x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('考核周期不正确');
    const exported = await ctx.clients.institutionA.get(`${URL}/history/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect((await ctx.clients.physicianA.get(`${URL}/history/export`)).statusCode).toBe(403);
  });

  it('批量下载: every valid certificate the filter matches in one multi-page PDF; none is a 409', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/history/pdf?result=passed&name=${encodeURIComponent(passedB.physician.name)}`), {
      ...byRole({ institution: 409, authority: 200 }),
      institutionB: 200,
      cityAAuthority: 409,
    });
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/history/certificate-count`), byRole({ institution: 200, authority: 200 }));
    const counted = (await ctx.clients.institutionA.get(`${URL}/history/certificate-count`)).json() as { count: number; limit: number };
    expect(counted.limit).toBe(5000);
    expect((await ctx.clients.institutionA.get(`${URL}/history/certificate-count?name=${encodeURIComponent('无此人')}`)).json()).toEqual({ count: 0, limit: 5000 });
    const batch = await ctx.clients.institutionA.get(`${URL}/history/pdf`);
    expect(batch.statusCode).toBe(200);
    const count = Number(batch.headers['x-certificate-count']);
    expect(count).toBe(await ctx.t.db.$count(certificates, and(eq(certificates.institutionId, ctx.world.institutionA.institution.id), eq(certificates.status, 'valid'))));
    expect(pdfPages(batch.rawPayload, 'batch')).toBe(count);
    expect(counted.count).toBe(count);
    const none = await ctx.clients.institutionA.get(`${URL}/history/pdf?name=${encodeURIComponent('无此人')}`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('没有符合条件的有效合格证书');
  });

  it('公章: the provincial authority uploads a transparent PNG; it replaces the stamp space on the certificate', async () => {
    const upload = async (client: Client, name: string, data: Buffer) => {
      const { payload, headers } = await multipart({ file: { name, data } });
      return client.request('PUT', `${URL}/seal`, payload, headers);
    };
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/seal`), { ...byRole({ authority: 403 }), provinceAuthority: 200 });
    const noSeal = await ctx.clients.provinceAuthority.get(`${URL}/seal/image`);
    expect(noSeal.statusCode).toBe(404);
    expect(noSeal.json().error.message).toBe('尚未上传公章');
    expect((await ctx.clients.institutionA.get(`${URL}/seal/image`)).statusCode).toBe(403);
    const empty = await ctx.clients.provinceAuthority.request('PUT', `${URL}/seal`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('请选择公章图片');
    expect((await upload(ctx.clients.cityAAuthority, 'seal.png', PNG_BYTES)).statusCode).toBe(403);
    expect((await upload(ctx.clients.institutionA, 'seal.png', PNG_BYTES)).statusCode).toBe(403);
    const opaque = Buffer.from(PNG_BYTES);
    opaque[25] = 2;
    const refused = await upload(ctx.clients.provinceAuthority, 'seal.png', opaque);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('公章图片：请上传透明背景的PNG图片');
    const notPng = await upload(ctx.clients.provinceAuthority, 'seal.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(notPng.statusCode).toBe(400);
    expect(((await ctx.clients.provinceAuthority.get(`${URL}/seal`)).json())).toMatchObject({ uploaded: false });
    const ok = await upload(ctx.clients.provinceAuthority, '公章.png', PNG_BYTES);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ uploaded: true });
    const image = await ctx.clients.provinceAuthority.get(`${URL}/seal/image`);
    expect(image.headers['content-type']).toBe('image/png');
    const text = pdfText((await passed.client.get(`${URL}/${certId}/pdf`)).rawPayload, 'sealed');
    expect(text.replace(/\s+/g, '')).not.toContain(STAMP_NOTICE);
    expect(text).toContain(number);
  });

  it('撤销证书: the provincial authority with a reason (audited, the physician told); then 已撤销 on verification and no download', async () => {
    for (const who of ['cityAAuthority', 'institutionA', 'physicianA', 'assessorOfA'] as const) {
      expect((await ctx.clients[who].post(`${URL}/${certId}/revoke`, { reason: '认定作弊' })).statusCode).toBe(403);
    }
    expect((await otherProvince.client.post(`${URL}/${certId}/revoke`, { reason: '认定作弊' })).statusCode).toBe(404);
    const noReason = await ctx.clients.provinceAuthority.post(`${URL}/${certId}/revoke`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请输入撤销理由');
    expect((await certificateOf(passed.enrolment.id)).status).toBe('valid');

    const done = await ctx.clients.provinceAuthority.post(`${URL}/${certId}/revoke`, { reason: '测评中认定作弊' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ number });
    expect(await certificateOf(passed.enrolment.id)).toMatchObject({ status: 'revoked', revokedReason: '测评中认定作弊' });
    const audit = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'certificate.revoked'), eq(auditEvents.targetId, String(certId))));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ reason: '测评中认定作弊' });
    expect((await ctx.clients.provinceAuthority.post(`${URL}/${certId}/revoke`, { reason: '再次' })).statusCode).toBe(409);

    const verified = (await ctx.clients.anonymous.get(`${URL}/verify?number=${number}&name=${encodeURIComponent(passed.physician.name)}`)).json() as VerifyResult;
    expect(verified.status).toBe('revoked');
    expect(verified.certificate?.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const download = await passed.client.get(`${URL}/${certId}/pdf`);
    expect(download.statusCode).toBe(409);
    expect(download.json().error.message).toBe('该合格证书已撤销，不能下载或打印');
    // Another module (监考 认定作弊) calls the service: nothing valid left → null.
    expect(await revokeCertificate(ctx.t.db, { enrolmentId: passed.enrolment.id }, { actor: null, reason: '认定作弊' })).toBeNull();
    expect(await revokeCertificate(ctx.t.db, { enrolmentId: failed.enrolment.id }, { actor: null, reason: '认定作弊' })).toBeNull();
  });

  it('证书查验 is rate-limited per address', async () => {
    let status = 200;
    for (let i = 0; i < 40 && status !== 429; i++) status = (await ctx.clients.anonymous.get(`${URL}/verify?number=1&name=x`)).statusCode;
    expect(status).toBe(429);
  });
});
