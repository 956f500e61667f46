import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, departments, physicianChangeRequests, physicians } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { assignDepartment, buildDepartment } from '../../test-support/departments-factories.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/change-requests';
const A = () => ctx.clients.institutionA;
const B = () => ctx.clients.institutionB;

const auditOf = (action: string, targetId: number) =>
  ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(targetId))));

/** A physician of institution A in 内科 (呼吸内科专业), signed in. */
async function physicianAtA() {
  const institutionId = ctx.world.institutionA.institution.id;
  const built = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId });
  const internal = await buildDepartment(ctx.t.db, { institutionId, name: `内科${built.physician.id}`, clinicalSubjects: ['03.01', '03.04'] });
  await assignDepartment(ctx.t.db, built.physician.id, internal.id);
  await ctx.t.db.update(physicians).set({ specialty: '03.01', title: '初级（医师）' }).where(eq(physicians.id, built.physician.id));
  const client = await loginAs(ctx.t.app, built.idNumber, TEST_PASSWORD, 'physician');
  return { ...built, client, internal };
}

/** A pending request of a physician of institution A: 科室 → a new 外科 (普通外科专业), asked through the API. */
async function pendingRequest() {
  const p = await physicianAtA();
  const surgery = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionA.institution.id, name: `外科${p.physician.id}`, clinicalSubjects: ['04.01'] });
  const res = await p.client.post(URL, { changes: { departmentId: surgery.id, specialty: '04.01' }, reason: '已调至外科工作' });
  expect(res.statusCode).toBe(201);
  return { ...p, surgery, request: res.json() };
}

describe('POST /api/v1/change-requests (医师提交信息修改申请)', () => {
  it('is for physicians only', async () => {
    let n = 0;
    await checkAccessMatrix(ctx.clients, (c) => c.post(URL, { changes: { mobile: `1380000000${++n}` }, reason: '更换手机号' }), byRole({ physician: 201 }));
  });

  it('keeps only what differs, with the recorded value beside it, and audits the request', async () => {
    const p = await physicianAtA();
    const res = await p.client.post(URL, { changes: { specialty: '03.04', title: '初级（医师）', email: 'li@example.com' }, reason: '  专业调整  ' });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      physicianId: p.physician.id,
      physicianName: p.physician.name,
      idNumberMasked: p.physician.idNumberMasked,
      departmentName: p.internal.name,
      requestedDepartmentName: null,
      reason: '专业调整',
      status: 'pending',
      rejectReason: null,
      actions: [],
    });
    expect(item.changes).toEqual([
      { field: 'specialty', label: '从事专业', from: '呼吸内科专业', to: '心血管内科专业' },
      { field: 'email', label: '电子邮箱', from: null, to: 'li@example.com' },
    ]);
    const [audit] = await auditOf('changeRequest.submitted', item.id);
    expect(audit).toMatchObject({ actorAccountId: p.account.id, after: { physicianId: p.physician.id, reason: '专业调整' } });
  });

  it('allows one pending request at a time: 409 已有待审核的修改申请', async () => {
    const { client } = await pendingRequest();
    const res = await client.post(URL, { changes: { mobile: '13900000000' }, reason: '再来一条' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('已有待审核的修改申请');
  });

  it('refuses a physician who was transferred out, and stores nothing', async () => {
    const p = await physicianAtA();
    await ctx.t.db.update(physicians).set({ transferredOutAt: new Date() }).where(eq(physicians.id, p.physician.id));
    const res = await p.client.post(URL, { changes: { mobile: '13900000001' }, reason: '更换手机号' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('您已被原单位调离，不能提交信息修改申请');
    expect(await ctx.t.db.select().from(physicianChangeRequests).where(eq(physicianChangeRequests.physicianId, p.physician.id))).toEqual([]);
  });

  it.each([
    [{ changes: {}, reason: '理由' }, 'changes', '请至少修改一项信息'],
    [{ changes: { mobile: '13900000002' } }, 'reason', '请输入申请理由'],
    [{ changes: { mobile: '13900000002' }, reason: '理'.repeat(201) }, 'reason', '申请理由不能超过200个字符'],
    [{ changes: { mobile: '12345' }, reason: '理由' }, 'changes.mobile', '手机号码须为11位手机号'],
    [{ changes: { email: 'not-mail' }, reason: '理由' }, 'changes.email', '电子邮箱格式不正确'],
    [{ changes: { title: '教授' }, reason: '理由' }, 'changes.title', '请选择职称'],
    [{ changes: { titleDate: '2999-01-01' }, reason: '理由' }, 'changes.titleDate', '职称取得时间不能晚于今天'],
    [{ changes: { physicianLevel: 'chief' }, reason: '理由' }, 'changes.physicianLevel', '请选择医师级别'],
  ])('answers 400 for %j naming the field', async (body, field, message) => {
    const res = await ctx.clients.physicianA.post(URL, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
  });

  it('checks 科室, 从事专业 and 执业范围 against the physician’s institution and 执业类别', async () => {
    const p = await physicianAtA();
    const institutionId = ctx.world.institutionA.institution.id;
    const disabled = await buildDepartment(ctx.t.db, { institutionId, status: 'disabled' });
    const foreign = await buildDepartment(ctx.t.db, { institutionId: ctx.world.institutionB.institution.id });
    const paediatrics = await buildDepartment(ctx.t.db, { institutionId, clinicalSubjects: ['07.01'] });
    const cases: [unknown, string, string][] = [
      [{ departmentId: disabled.id }, 'changes.departmentId', '请选择本机构启用的科室'],
      [{ departmentId: foreign.id }, 'changes.departmentId', '请选择本机构启用的科室'],
      [{ departmentId: 999999 }, 'changes.departmentId', '请选择本机构启用的科室'],
      [{ specialty: '07.01' }, 'changes.specialty', '从事专业须为所选科室关联的诊疗科目'],
      [{ departmentId: paediatrics.id }, 'changes.specialty', '更换科室后，请选择新科室关联的从事专业'],
      [{ practiceScope: '口腔专业' }, 'changes.practiceScope', '执业范围「口腔专业」不属于您的执业类别'],
      [{ specialty: '03.01', title: '初级（医师）' }, 'changes', '请至少修改一项信息'],
    ];
    for (const [changes, field, message] of cases) {
      const res = await p.client.post(URL, { changes, reason: '理由' });
      expect(res.statusCode, JSON.stringify(changes)).toBe(400);
      expect(res.json().error.fields[field]).toBe(message);
    }
    const ok = await p.client.post(URL, { changes: { departmentId: paediatrics.id, specialty: '07.01', practiceScope: '儿科专业' }, reason: '转岗儿科' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().requestedDepartmentName).toBe(paediatrics.name);
  });
});

describe('GET /api/v1/change-requests/mine (我的信息修改申请)', () => {
  it('is for physicians only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`${URL}/mine`), byRole({ physician: 200 }));
  });

  it('gives the record now, the requests, and why a new one cannot be asked while one is pending', async () => {
    const p = await physicianAtA();
    const fresh = (await p.client.get(`${URL}/mine`)).json();
    expect(fresh).toMatchObject({
      institutionName: ctx.world.institutionA.institution.name,
      practiceCategory: 'clinical',
      current: { departmentId: p.internal.id, departmentName: p.internal.name, specialty: '03.01', title: '初级（医师）', practiceScope: '内科专业' },
      canRequest: true,
      blockedReason: null,
      items: [],
    });
    await p.client.post(URL, { changes: { mobile: '13900000003' }, reason: '换号' });
    const after = (await p.client.get(`${URL}/mine`)).json();
    expect(after).toMatchObject({ canRequest: false, blockedReason: '已有待审核的修改申请，请等待机构审核后再提交' });
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ status: 'pending', changes: [{ field: 'mobile', from: null, to: '13900000003' }] });
  });
});

describe('GET /api/v1/change-requests (机构：信息修改申请列表)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ institution: 200 }));
  });

  it('lists only the institution’s own requests, filters by status and pages on the server', async () => {
    const first = await pendingRequest();
    const second = await pendingRequest();
    const list = (await A().get(`${URL}?status=pending&pageSize=10`)).json();
    const ids = list.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(first.request.id);
    expect(ids.indexOf(second.request.id)).toBeLessThan(ids.indexOf(first.request.id));
    const item = list.items.find((i: { id: number }) => i.id === first.request.id);
    expect(item).toMatchObject({
      departmentName: first.internal.name,
      requestedDepartmentName: first.surgery.name,
      changes: [
        { field: 'departmentId', label: '科室', from: first.internal.name, to: first.surgery.name },
        { field: 'specialty', label: '从事专业', from: '呼吸内科专业', to: '普通外科专业' },
      ],
      status: 'pending',
      actions: ['approve', 'reject'],
    });
    const b = (await B().get(URL)).json();
    expect(b.items.map((i: { id: number }) => i.id)).not.toContain(first.request.id);
    const page = (await A().get(`${URL}?status=pending&page=2&pageSize=10`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 10, total: list.total });
    expect((await A().get(`${URL}?status=approved`)).json().items.every((i: { status: string }) => i.status === 'approved')).toBe(true);
  });

  it('answers 400 for a bad filter', async () => {
    const res = await A().get(`${URL}?status=done`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('审核状态只能为待审核、已通过或已驳回');
    expect((await A().get(`${URL}?pageSize=7`)).json().error.message).toBe('每页条数只能为10、20、50或100');
  });
});

describe('POST /api/v1/change-requests/:id/approve (通过)', () => {
  it('is for the addressed institution only (another institution gets 404)', async () => {
    const { request } = await pendingRequest();
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/${request.id}/approve`), { ...byRole({ institution: 404 }), institutionA: 200 });
  });

  it('applies the change to the physician’s record and audits before/after', async () => {
    const { physician, internal, surgery, request } = await pendingRequest();
    const res = await A().post(`${URL}/${request.id}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', actions: [], departmentName: surgery.name });
    expect(res.json().reviewedAt).not.toBeNull();
    const [row] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, physician.id));
    expect(row).toMatchObject({ departmentId: surgery.id, specialty: '04.01' });
    const [audit] = await auditOf('changeRequest.approved', request.id);
    expect(audit).toMatchObject({
      actorAccountId: ctx.world.institutionA.account.id,
      before: { physicianId: physician.id, status: 'pending', departmentId: internal.id, specialty: '03.01' },
      after: { physicianId: physician.id, status: 'approved', departmentId: surgery.id, specialty: '04.01' },
    });
  });

  it('lets only one reviewer decide: the second approval or a later reject gets 409', async () => {
    const { request } = await pendingRequest();
    const both = await Promise.all([A().post(`${URL}/${request.id}/approve`), A().post(`${URL}/${request.id}/approve`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.message).toBe('该记录已被他人处理，请刷新');
    const reject = await A().post(`${URL}/${request.id}/reject`, { reason: '晚了' });
    expect(reject.statusCode).toBe(409);
    expect(await auditOf('changeRequest.approved', request.id)).toHaveLength(1);
  });

  it('refuses when the asked 科室 was disabled since, and leaves the request pending', async () => {
    const { physician, internal, surgery, request } = await pendingRequest();
    await ctx.t.db.update(departments).set({ status: 'disabled' }).where(eq(departments.id, surgery.id));
    const res = await A().post(`${URL}/${request.id}/approve`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('不能通过：请选择本机构启用的科室，请驳回');
    const [row] = await ctx.t.db.select().from(physicianChangeRequests).where(eq(physicianChangeRequests.id, request.id));
    expect(row.status).toBe('pending');
    const [p] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, physician.id));
    expect(p.departmentId).toBe(internal.id);
  });

  it('is closed by 调离: the request is 驳回 「医师已被原单位调离」, and the institution can act on it no more (404)', async () => {
    const { physician, request, client } = await pendingRequest();
    expect((await A().post(`/api/v1/physicians/${physician.id}/transfer-out`, { reason: 'resigned', detail: '已辞职' })).statusCode).toBe(204);
    const listed = (await A().get(`${URL}?status=rejected&pageSize=100`)).json().items.find((i: { id: number }) => i.id === request.id);
    expect(listed).toMatchObject({ status: 'rejected', rejectReason: '医师已被原单位调离', actions: [] });
    expect((await client.get(`${URL}/mine`)).json().items[0]).toMatchObject({ id: request.id, status: 'rejected', rejectReason: '医师已被原单位调离' });
    expect(await auditOf('changeRequest.rejected', request.id)).toHaveLength(1);
    for (const res of [await A().post(`${URL}/${request.id}/approve`), await A().post(`${URL}/${request.id}/reject`, { reason: '已调离' })]) {
      expect(res.statusCode).toBe(404);
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await A().post(`${URL}/999999/approve`)).statusCode).toBe(404);
    expect((await A().post(`${URL}/abc/approve`)).json().error.message).toBe('编号格式不正确');
  });
});

describe('POST /api/v1/change-requests/:id/reject (驳回)', () => {
  it('is for the addressed institution only (another institution gets 404)', async () => {
    const { request } = await pendingRequest();
    await checkAccessMatrix(ctx.clients, (c) => c.post(`${URL}/${request.id}/reject`, { reason: '信息有误' }), { ...byRole({ institution: 404 }), institutionA: 200 });
  });

  it('needs a reason, keeps the record unchanged, shows the reason to the physician, who may ask again', async () => {
    const { client, physician, internal, request } = await pendingRequest();
    for (const body of [{}, { reason: '   ' }]) {
      const res = await A().post(`${URL}/${request.id}/reject`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.reason).toBe('请输入驳回理由');
    }
    const res = await A().post(`${URL}/${request.id}/reject`, { reason: '外科调岗手续未办完' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '外科调岗手续未办完', actions: [] });
    const [p] = await ctx.t.db.select().from(physicians).where(eq(physicians.id, physician.id));
    expect(p.departmentId).toBe(internal.id);
    const [audit] = await auditOf('changeRequest.rejected', request.id);
    expect(audit).toMatchObject({ after: { status: 'rejected', reason: '外科调岗手续未办完' } });
    const mine = (await client.get(`${URL}/mine`)).json();
    expect(mine).toMatchObject({ canRequest: true, items: [{ id: request.id, status: 'rejected', rejectReason: '外科调岗手续未办完' }] });
    expect((await client.post(URL, { changes: { mobile: '13900000004' }, reason: '重新申请' })).statusCode).toBe(201);
  });
});

describe('医疗卫生机构首页: 医师信息修改申请', () => {
  it('counts the institution’s pending requests', async () => {
    const before = (await A().get('/api/v1/home/institution')).json().tasks.find((t: { key: string }) => t.key === 'infoChange');
    await pendingRequest();
    const after = (await A().get('/api/v1/home/institution')).json().tasks.find((t: { key: string }) => t.key === 'infoChange');
    expect(after).toMatchObject({ label: '医师信息修改申请', path: '/change-requests', count: before.count + 1 });
    const pending = (await A().get(`${URL}?status=pending`)).json().total;
    expect(after.count).toBe(pending);
  });
});
