import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, auditEvents, enrolments, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { PNG_BYTES, PDF_BYTES, multipart } from '../../test-support/assessor-factories.js';
import { buildDepartment } from '../../test-support/departments-factories.js';
import { buildPhysician } from '../../test-support/factories.js';
import { buildEnrolment, physicianBody } from '../../test-support/roster-factories.js';
import { loginAs } from '../../test-support/app.js';

const ctx = setupTenantWorld();
const A = () => ctx.clients.institutionA;

describe('POST /api/v1/physicians (新增医师)', () => {
  it('is for institutions only', async () => {
    const body = physicianBody();
    // The first institution adds the physician; for the second the same person already exists.
    await checkAccessMatrix(ctx.clients, (c) => c.post('/api/v1/physicians', body), { ...byRole({ institution: 409 }), institutionA: 201 });
  });

  it('adds a physician with an account on the initial password, derives the birth date, and audits it', async () => {
    const department = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: '心内科', clinicalSubjects: ['03.04'] });
    const body = physicianBody({ name: '王新增', departmentId: department.id, specialty: '03.04', title: '中级（主治/主管）', titleDate: '2015-01-01', residentTrainee: false });
    const res = await A().post('/api/v1/physicians', body);
    expect(res.statusCode).toBe(201);
    const detail = res.json();
    expect(detail.basic).toMatchObject({ name: '王新增', birthDate: '1985-03-15', sex: body.sex });
    expect(detail.basic.idNumberMasked).toBe(`${body.idNumber.slice(0, 4)}*****${body.idNumber.slice(-2)}`);
    expect(detail.practice).toMatchObject({ departmentName: '心内科', specialtyName: '心血管内科专业', title: '中级（主治/主管）' });
    expect(detail.actions).toContain('enrol');
    const [account] = await ctx.t.db.select().from(accounts).where(eq(accounts.physicianId, detail.id));
    expect(account).toMatchObject({ kind: 'physician', passwordHash: null, mustChangePassword: true });
    const [audit] = await ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'physician.created'), eq(auditEvents.targetId, String(detail.id))));
    expect(JSON.stringify(audit.after)).not.toContain(body.idNumber);
    // The new physician can log in with the province's initial password (666666) and must change it.
    const login = await loginAs(ctx.t.app, body.idNumber, '666666', 'physician');
    expect((await login.get('/api/v1/auth/me')).json().mustChangePassword).toBe(true);
  });

  it('answers 「医师已存在，请前往【调入医师】模块查询」 for an existing 证件号码, in its 18- or 15-digit form, at any institution', async () => {
    const id = ctx.world.physicianB.idNumber;
    for (const idNumber of [id, `${id.slice(0, 6)}${id.slice(8, 17)}`]) {
      const res = await A().post('/api/v1/physicians', physicianBody({ idNumber, sex: Number(id[16]) % 2 ? 'male' : 'female' }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ message: '医师已存在，请前往【调入医师】模块查询', fields: { idNumber: '医师已存在，请前往【调入医师】模块查询' } });
    }
  });

  it('refuses a wrong check digit, and a birth date or sex that disagrees with the 身份证', async () => {
    const good = physicianBody();
    const badCheck = `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '0' ? '1' : '0'}`;
    const check = await A().post('/api/v1/physicians', { ...good, idNumber: badCheck });
    expect(check.json().error.fields.idNumber).toBe('证件号码校验位不正确，请核对');
    const birth = await A().post('/api/v1/physicians', { ...good, birthDate: '1985-03-16' });
    expect(birth.json().error.fields.birthDate).toBe('出生年月与证件号码不一致（证件号码为1985-03-15）');
    const sex = await A().post('/api/v1/physicians', { ...good, sex: good.sex === 'male' ? 'female' : 'male' });
    expect(sex.json().error.fields.sex).toBe('性别与证件号码不一致');
    expect((await ctx.t.db.select().from(physicians).where(eq(physicians.idNumberHash, ctx.t.pii.idNumberHash(good.idNumber as string)))).length).toBe(0);
  });

  it('names each missing required field, and checks 执业范围 against 执业类别', async () => {
    const res = await A().post('/api/v1/physicians', { sex: 'male', idType: 'resident' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields).toMatchObject({ name: '请输入姓名', idNumber: '请输入证件号码', practiceCategory: '请选择执业类别', licenseNumber: '请输入执业证书编码', qualificationNumber: '请输入资格证书编码' });
    const scope = await A().post('/api/v1/physicians', physicianBody({ practiceCategory: 'dental', practiceScope: '内科专业' }));
    expect(scope.json().error.fields.practiceScope).toBe('执业范围「内科专业」不属于所选执业类别');
  });

  it('accepts only an enabled department of the institution, and a 从事专业 of that department', async () => {
    const foreign = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionB.institution.id });
    const disabled = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, status: 'disabled' });
    const own = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, clinicalSubjects: ['03.01'] });
    for (const departmentId of [foreign.id, disabled.id]) {
      const res = await A().post('/api/v1/physicians', physicianBody({ departmentId }));
      expect(res.json().error.fields.departmentId).toBe('请选择本机构启用的科室');
    }
    const specialty = await A().post('/api/v1/physicians', physicianBody({ departmentId: own.id, specialty: '04.01' }));
    expect(specialty.json().error.fields.specialty).toBe('从事专业须为所选科室关联的诊疗科目');
  });
});

describe('GET /api/v1/physicians/:id (查看)', () => {
  it('shows the record to those who may see the physician, 404 to other tenants', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/physicians/${ctx.world.physicianA.physician.id}`), {
      anonymous: 401,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 200,
      physicianA: 200,
      physicianB: 404,
    });
  });

  it('has every section of the record, the history of enrolled cycles, and never the full 证件号码', async () => {
    const { db } = ctx.t;
    await buildEnrolment(db, { cycleId: ctx.world.cycle.id, physicianId: ctx.world.physicianB.physician.id, institutionId: ctx.world.institutionB.institution.id, status: 'AWAITING_TEST' });
    const res = await ctx.clients.institutionB.get(`/api/v1/physicians/${ctx.world.physicianB.physician.id}`);
    const body = res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['basic', 'practice', 'multiSites', 'educations', 'careers', 'history']));
    expect(body.history).toEqual([{ cycleName: '2024-2026年度', institutionName: ctx.world.institutionB.institution.name, status: 'AWAITING_TEST', result: null }]);
    expect(res.body).not.toContain(ctx.world.physicianB.idNumber);
    expect(body.actions).toEqual(['view', 'resetPassword', 'transferOut']);
  });
});

describe('DELETE /api/v1/physicians/:id (删除)', () => {
  it('deletes a physician never enrolled, with their account', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    await checkAccessMatrix(ctx.clients, (c) => c.delete(`/api/v1/physicians/${p.physician.id}`), { ...byRole({ institution: 404 }), institutionA: 204 });
    expect(await ctx.t.db.select().from(physicians).where(eq(physicians.id, p.physician.id))).toEqual([]);
    expect(await ctx.t.db.select().from(accounts).where(eq(accounts.physicianId, p.physician.id))).toEqual([]);
  });

  it('refuses a physician who was ever enrolled, even if cancelled since', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    await buildEnrolment(ctx.t.db, { cycleId: ctx.world.cycle.id, physicianId: p.physician.id, institutionId: ctx.world.institutionA.institution.id, status: 'NOT_ENROLLED', cancelReason: '不参加' });
    const res = await A().delete(`/api/v1/physicians/${p.physician.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该医师已参加过考核，不能删除；如已不在本机构执业，请使用【调离】');
    expect(await ctx.t.db.select().from(enrolments).where(eq(enrolments.physicianId, p.physician.id))).toHaveLength(1);
  });
});

describe('POST /api/v1/physicians/:id/reset-password (重置密码)', () => {
  it('restores the initial password, forces a change, clears the bound phone and ends sessions', async () => {
    const p = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
    await ctx.t.db.update(accounts).set({ boundPhone: '13912345678' }).where(eq(accounts.id, p.account.id));
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/physicians/${p.physician.id}/reset-password`), { ...byRole({ institution: 404 }), institutionA: 204 });
    const [account] = await ctx.t.db.select().from(accounts).where(eq(accounts.id, p.account.id));
    expect(account).toMatchObject({ passwordHash: null, mustChangePassword: true, boundPhone: null });
    const login = await loginAs(ctx.t.app, p.idNumber, '666666', 'physician');
    expect((await login.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('PUT /api/v1/physicians/:id/photo (照片)', () => {
  const put = async (c: typeof ctx.clients.institutionA, id: number, data: Buffer, name: string) => {
    const { payload, headers } = await multipart({ file: { name, data } });
    return c.request('PUT', `/api/v1/physicians/${id}/photo`, payload, headers);
  };

  it('stores a png, shown to those who may see the physician', async () => {
    const id = ctx.world.physicianA.physician.id;
    const res = await put(A(), id, PNG_BYTES, '证件照.png');
    expect(res.statusCode).toBe(200);
    const { photoFileId } = res.json();
    expect((await A().get(`/api/v1/physicians/${id}`)).json().basic.photoFileId).toBe(photoFileId);
    expect((await A().get(`/api/v1/files/${photoFileId}`)).statusCode).toBe(200);
    expect((await ctx.clients.institutionB.get(`/api/v1/files/${photoFileId}`)).statusCode).toBe(404);
    expect((await ctx.clients.anonymous.get(`/api/v1/files/${photoFileId}`)).statusCode).toBe(404);
  });

  it('refuses a fake image (checked by content), an oversize one, and a foreign physician', async () => {
    const id = ctx.world.physicianA.physician.id;
    const fake = await put(A(), id, PDF_BYTES, 'photo.png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toBe('照片：只能上传JPG、PNG文件（按文件内容识别）');
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]);
    expect((await put(A(), id, big, 'big.png')).json().error.message).toBe('照片：文件不能超过2MB');
    expect((await put(ctx.clients.institutionB, id, PNG_BYTES, 'a.png')).statusCode).toBe(404);
  });
});
