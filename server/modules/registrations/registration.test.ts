import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cycles, enrolments, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { Client, loginAs } from '../../test-support/app.js';
import { PDF_BYTES, PNG_BYTES, multipart } from '../../test-support/assessor-factories.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment } from '../../test-support/roster-factories.js';

const ctx = setupTenantWorld();
let departmentId: number;

const steps = (over: Record<string, Record<string, unknown>> = {}) => ({
  basic: { name: '报名医师', sex: 'male', birthDate: '1980-01-01', ethnicity: '汉族', education: '本科', email: 'doctor@example.cn', mobile: '13912345678', ...over.basic },
  practice: {
    departmentId, specialty: '03.01', title: '中级（主治/主管）', titleDate: '2012-01-01', physicianLevel: 'physician', residentTrainee: false,
    practiceCategory: 'clinical', practiceScope: '内科专业', qualificationNumber: '200443110430100000001', qualificationDate: '2004-12-01',
    licenseNumber: '110430100000001', licenseDate: '2005-08-01', practiceStatus: '正常执业', licenseKind: 'electronic', ...over.practice,
  },
  experience: { multiSites: [{ institutionName: '长河市社区医院', departmentName: '内科' }], educations: [{ education: '本科', school: '中南大学', major: '临床医学', startDate: '1998-09-01', endDate: '2003-07-01' }], careers: [], ...over.experience },
  conduct: { hasGoodRecord: true, awards: '2024年度优秀医师', hasBadRecord: false, badRecords: [], workload: { visits: 12000 }, ethicsSelfAssessment: '恪守医德，廉洁行医。', ...over.conduct },
  procedure: { procedure: 'simplified', simplifiedReason: 'fiveYearsGood', statement: '三年来认真履职。', exemptionRequested: true, exemptionReason: '获省级表彰', ...over.procedure },
});

async function upload(client: Client, method: 'PUT' | 'POST', url: string, data: Buffer, name: string) {
  const { payload, headers } = await multipart({ file: { name, data } });
  return client.request(method, url, payload, headers);
}

/** A physician of institution A enrolled in the current cycle, logged in. */
async function enrolledPhysician(status: 'PENDING_REGISTRATION' | 'NOT_ENROLLED' = 'PENDING_REGISTRATION') {
  const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
  await ctx.t.db.update(physicians).set({ firstRegistrationDate: '2005-08-01' }).where(eq(physicians.id, p.physician.id));
  const enrolment = await buildEnrolment(ctx.t.db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status });
  return { ...p, enrolment, client: await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician') };
}

async function fillAll(client: Client, data = steps()) {
  for (const [step, body] of Object.entries(data)) {
    const res = await client.put(`/api/v1/registration/steps/${step}`, body);
    expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
  }
  expect((await upload(client, 'PUT', '/api/v1/registration/photo', PNG_BYTES, 'photo.png')).statusCode).toBe(200);
  expect((await upload(client, 'POST', '/api/v1/registration/files/electronicLicense', PNG_BYTES, 'license.png')).statusCode).toBe(200);
  expect((await upload(client, 'POST', '/api/v1/registration/files/simplifiedMaterial', PDF_BYTES, '材料.pdf')).statusCode).toBe(200);
  expect((await upload(client, 'POST', '/api/v1/registration/files/exemptionMaterial', PDF_BYTES, '免考.pdf')).statusCode).toBe(200);
}

beforeAll(async () => {
  departmentId = (await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '内科', clinicalSubjects: ['03.01', '03.02'] })).id;
});

describe('GET /api/v1/registration/task (当前任务)', () => {
  it('is for physicians only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/registration/task'), byRole({ physician: 200 }));
  });

  it('says whom to contact when the physician is not enrolled, and 我要报名 when they are', async () => {
    const task = (await ctx.clients.physicianB.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ canRegister: false, block: 'notEnrolled', statusLabel: '未纳入考核周期' });
    expect(task.blockMessage).toBe(`您未纳入本周期考核，请联系您的主要执业机构（${ctx.world.institutionB.institution.name}）确认参加`);
    const p = await enrolledPhysician();
    expect((await p.client.get('/api/v1/registration/task')).json()).toMatchObject({ canRegister: true, status: 'PENDING_REGISTRATION', statusLabel: '待报名' });
  });

  it('says when the institution has no 科室 (seed 004 FAQ 8)', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionB.institution.id });
    await buildEnrolment(ctx.t.db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionB.institution.id });
    const client = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    const task = (await client.get('/api/v1/registration/task')).json();
    expect(task).toMatchObject({ canRegister: false, block: 'noDepartments' });
    expect(task.blockMessage).toContain('本机构未维护科室');
  });
});

describe('报名 steps', () => {
  it('refuses a physician not enrolled, with whom to contact', async () => {
    const res = await ctx.clients.physicianB.get('/api/v1/registration');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('您未纳入本周期考核');
    expect((await ctx.clients.physicianB.put('/api/v1/registration/steps/basic', steps().basic)).statusCode).toBe(409);
  });

  it('starts from the registry and saves each step as a draft', async () => {
    const p = await enrolledPhysician();
    const first = (await p.client.get('/api/v1/registration')).json();
    expect(first).toMatchObject({ savedSteps: [], editable: true, basic: { name: p.physician.name } });
    const saved = (await p.client.put('/api/v1/registration/steps/basic', steps().basic)).json();
    expect(saved.savedSteps).toEqual(['basic']);
    // Resumable on any device: a new session reads the same draft.
    const other = await loginAs(ctx.t.app, p.idNumber, TEST_PASSWORD, 'physician');
    expect((await other.get('/api/v1/registration')).json().basic.email).toBe('doctor@example.cn');
  });

  it('names the field of bad input and changes nothing', async () => {
    const p = await enrolledPhysician();
    const res = await p.client.put('/api/v1/registration/steps/basic', { ...steps().basic, email: 'not-mail', mobile: '123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ email: '电子邮箱格式不正确', mobile: '手机号码须为11位手机号' });
    expect(res.json().error.message).toMatch(/^基本信息：/);
    const bad = await p.client.put('/api/v1/registration/steps/conduct', { ...steps().conduct, hasBadRecord: true, badRecords: [{ institutionName: '某医院', closedOn: '2025-01-01', outcome: '警告', cause: '' }] });
    expect(bad.json().error.fields['badRecords.0.cause']).toBe('请输入处罚事由');
    expect((await p.client.get('/api/v1/registration')).json().savedSteps).toEqual([]);
  });

  it('保存草稿 keeps a step with gaps, still refuses a wrong value, and 提交 names what is missing', async () => {
    const p = await enrolledPhysician();
    const draft = await p.client.put('/api/v1/registration/steps/basic?draft=true', { ...steps().basic, email: '', ethnicity: null });
    expect(draft.statusCode).toBe(200);
    // A draft with gaps is saved, but the step is not complete: the wizard resumes there.
    expect(draft.json()).toMatchObject({ savedSteps: [], basic: { name: steps().basic.name, email: null, ethnicity: null } });
    const wrong = await p.client.put('/api/v1/registration/steps/basic?draft=true', { ...steps().basic, email: 'not-mail', mobile: '' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ email: '电子邮箱格式不正确' });
    expect((await p.client.get('/api/v1/registration')).json().basic.mobile).toBe(steps().basic.mobile);
    // Without draft=true the same gaps are refused.
    expect((await p.client.put('/api/v1/registration/steps/basic', { ...steps().basic, email: '' })).statusCode).toBe(400);
    expect((await p.client.put('/api/v1/registration/steps/basic?draft=maybe', steps().basic)).statusCode).toBe(400);
    const submit = await p.client.post('/api/v1/registration/submit');
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.fields).toMatchObject({ 'basic.email': expect.any(String), 'basic.ethnicity': expect.any(String) });
  });

  it('refuses a 个人述职 of 2001 characters and accepts 2000', async () => {
    const p = await enrolledPhysician();
    const long = await p.client.put('/api/v1/registration/steps/procedure', { ...steps().procedure, statement: '述'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.statement).toBe('个人述职不能超过2000个字');
    expect((await p.client.put('/api/v1/registration/steps/procedure', { ...steps().procedure, statement: '述'.repeat(2000) })).statusCode).toBe(200);
  });

  it('accepts only an enabled 科室 of the institution, with one of its 诊疗科目', async () => {
    const p = await enrolledPhysician();
    const foreign = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionB.institution.id });
    expect((await p.client.put('/api/v1/registration/steps/practice', { ...steps().practice, departmentId: foreign.id })).json().error.fields.departmentId).toBe('请选择本机构启用的科室');
    expect((await p.client.put('/api/v1/registration/steps/practice', { ...steps().practice, specialty: '04.01' })).json().error.fields.specialty).toBe('从事专业须为所选科室关联的诊疗科目');
  });

  it('refuses a fake or oversize photo, checked by content', async () => {
    const p = await enrolledPhysician();
    const fake = await upload(p.client, 'PUT', '/api/v1/registration/photo', PDF_BYTES, 'photo.jpg');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toBe('照片：只能上传JPG、PNG文件（按文件内容识别）');
    const big = await upload(p.client, 'PUT', '/api/v1/registration/photo', Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]), 'big.png');
    expect(big.json().error.message).toBe('照片：文件不能超过2MB');
  });

  it('shows whether the data supports the 简易程序 reason', async () => {
    const p = await enrolledPhysician();
    await p.client.put('/api/v1/registration/steps/conduct', steps().conduct);
    const good = (await p.client.put('/api/v1/registration/steps/procedure', steps().procedure)).json();
    expect(good.simplifiedCheck).toMatchObject({ supported: true, hasGoodRecord: true });
    const twelve = (await p.client.put('/api/v1/registration/steps/procedure', { ...steps().procedure, simplifiedReason: 'twelveYearsClean' })).json();
    expect(twelve.simplifiedCheck.supported).toBe(true);
    await ctx.t.db.update(physicians).set({ firstRegistrationDate: '2023-01-01' }).where(eq(physicians.id, p.physician.id));
    const young = (await p.client.get('/api/v1/registration')).json();
    expect(young.simplifiedCheck.supported).toBe(false);
    expect(young.simplifiedCheck.message).toContain('不符合');
  });
});

describe('POST /api/v1/registration/submit (提交)', () => {
  it('names the step and field of every problem and changes nothing', async () => {
    const p = await enrolledPhysician();
    await p.client.put('/api/v1/registration/steps/basic', steps().basic);
    const res = await p.client.post('/api/v1/registration/submit');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^执业信息：执业信息尚未填写（另有\d+处待完善）$/);
    expect(res.json().error.fields).toMatchObject({ practice: '执业信息尚未填写', 'basic.photo': '请上传照片' });
    const [row] = await ctx.t.db.select().from(enrolments).where(eq(enrolments.id, p.enrolment.id));
    expect(row.status).toBe('PENDING_REGISTRATION');
  });

  it('asks for the 执业证书 pages and the 申请材料 the choices need', async () => {
    const p = await enrolledPhysician();
    for (const [step, body] of Object.entries(steps({ practice: { licenseKind: 'paper' } }))) await p.client.put(`/api/v1/registration/steps/${step}`, body);
    await upload(p.client, 'PUT', '/api/v1/registration/photo', PNG_BYTES, 'photo.png');
    const fields = (await p.client.post('/api/v1/registration/submit')).json().error.fields;
    expect(fields).toEqual({
      'practice.files.licensePage1': '请上传执业证书第一页',
      'practice.files.licensePage2': '请上传执业证书第二页',
      'procedure.files.simplifiedMaterial': '请上传简易程序申请材料',
      'procedure.files.exemptionMaterial': '请上传免考申请材料',
    });
  });

  it('submits through the state machine, copies the registry fields, then is read-only', async () => {
    const p = await enrolledPhysician();
    await fillAll(p.client);
    const res = await p.client.post('/api/v1/registration/submit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'PENDING_INSTITUTION_REVIEW', editable: false, exemptionStatus: 'pendingInstitution' });
    const [physician] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id));
    expect(physician).toMatchObject({ name: '报名医师', departmentId, specialty: '03.01', email: 'doctor@example.cn' });
    // The institution's 查看 shows the sections the physician filled in.
    const detail = (await ctx.clients.institutionA.get(`/api/v1/physicians/${p.physician.id}`)).json();
    expect(detail.multiSites).toEqual([{ institutionName: '长河市社区医院', departmentName: '内科' }]);
    expect(detail.educations[0]).toMatchObject({ school: '中南大学' });
    const again = await p.client.put('/api/v1/registration/steps/basic', steps().basic);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('报名信息已提交，当前状态：待医疗卫生机构审核');
    expect((await p.client.post('/api/v1/registration/submit')).json().error.message).toBe('报名信息已提交，不能重复提交');
    const task = (await p.client.get('/api/v1/registration/task')).json();
    expect(task.timeline.map((e: { label: string }) => e.label)).toEqual(['提交报名信息']);
    expect(task.exemptionStatus).toBe('pendingInstitution');
    // Cancelling is now refused with the seed's words.
    const cancel = await ctx.clients.institutionA.post(`/api/v1/physicians/${p.physician.id}/cancel-enrolment`, { reason: '不参加' });
    expect(cancel.json().error.message).toBe('医师已提交报名信息，需由隶属卫生行政部门驳回');
  });

  it('keeps the registration files to those who may see the physician', async () => {
    const p = await enrolledPhysician();
    await fillAll(p.client);
    const { files } = (await p.client.get('/api/v1/registration')).json();
    const url = `/api/v1/files/${files[0].id}`;
    expect((await p.client.get(url)).statusCode).toBe(200);
    expect((await ctx.clients.institutionA.get(url)).statusCode).toBe(200);
    expect((await ctx.clients.physicianB.get(url)).statusCode).toBe(404);
    expect((await ctx.clients.institutionB.get(url)).statusCode).toBe(404);
    expect((await p.client.delete(`/api/v1/registration/files/${files[0].id}`)).json().files).toHaveLength(files.length - 1);
    expect((await ctx.clients.physicianA.delete(`/api/v1/registration/files/${files[1].id}`)).statusCode).toBe(409);
  });

  it('is refused outside the 报名 window, with the dates', async () => {
    const p = await enrolledPhysician();
    await fillAll(p.client);
    const [cycle] = await ctx.t.db.select().from(cycles).where(eq(cycles.id, ctx.world.cycle.id));
    await ctx.t.db.update(cycles).set({ registrationStart: '2024-01-01', registrationEnd: '2024-02-01' }).where(eq(cycles.id, cycle.id));
    try {
      const res = await p.client.post('/api/v1/registration/submit');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe('医师报名时间已结束（2024-01-01 至 2024-02-01）');
      const task = (await p.client.get('/api/v1/registration/task')).json();
      expect(task).toMatchObject({ canRegister: false, block: 'ended' });
      expect((await p.client.put('/api/v1/registration/steps/basic', steps().basic)).statusCode).toBe(409);
    } finally {
      await ctx.t.db.update(cycles).set({ registrationStart: cycle.registrationStart, registrationEnd: cycle.registrationEnd }).where(eq(cycles.id, cycle.id));
    }
  });

  it('lets a physician log in with the 15-digit form of their 身份证', async () => {
    const p = await enrolledPhysician();
    const client = await loginAs(ctx.t.app, `${p.idNumber.slice(0, 6)}${p.idNumber.slice(8, 17)}`, TEST_PASSWORD, 'physician');
    expect((await client.get('/api/v1/registration')).statusCode).toBe(200);
  });
});
