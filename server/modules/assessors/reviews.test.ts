import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assessors, auditEvents } from '../../db/schema/index.js';
import { loginAs } from '../../test-support/app.js';
import { checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { openPermission, postApplication, requiredSlots } from '../../test-support/assessor-factories.js';
import { TEST_PASSWORD, buildInstitution } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const authorityOnly = { anonymous: 401, institutionA: 403, institutionB: 403, assessorOfA: 403, physicianA: 403, physicianB: 403 } as const;
let applicationId: number;

beforeAll(async () => {
  const { world } = ctx;
  await openPermission(ctx.t.db, world.cycle.id, world.institutionA.institution.id, world.cityA.account.id);
  const res = await postApplication(ctx.clients.institutionA, requiredSlots());
  applicationId = res.json().application.id;
});

describe('GET /api/v1/assessors/applications (考核机构审核 list)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/assessors/applications'), { ...authorityOnly, provinceAuthority: 200, cityAAuthority: 200, cityBAuthority: 200 });
  });

  it('rejects an unknown 审核状态', async () => {
    const res = await ctx.clients.provinceAuthority.get('/api/v1/assessors/applications?status=done');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('审核状态不正确');
  });

  it('shows the jurisdiction’s applications only, filtered by status', async () => {
    const cityA = (await ctx.clients.cityAAuthority.get('/api/v1/assessors/applications?status=pending')).json();
    expect(cityA.total).toBe(1);
    expect(cityA.items[0]).toMatchObject({
      id: applicationId,
      name: ctx.world.institutionA.institution.name,
      account: ctx.world.institutionA.loginName,
      regionName: '演示省 长河市 东城区',
      status: 'pending',
      canReview: true,
    });
    expect((await ctx.clients.cityAAuthority.get('/api/v1/assessors/applications?status=approved')).json().total).toBe(0);
    expect((await ctx.clients.cityBAuthority.get('/api/v1/assessors/applications')).json().total).toBe(0);
  });
});

describe('GET /api/v1/assessors/applications/:id (详情)', () => {
  it('answers 400 for a malformed id', async () => {
    const res = await ctx.clients.provinceAuthority.get('/api/v1/assessors/applications/abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('编号格式不正确');
  });

  it('is for the authorities above the applicant', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/assessors/applications/${applicationId}`), {
      ...authorityOnly,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
    });
  });

  it('lists the attachments by slot', async () => {
    const body = (await ctx.clients.provinceAuthority.get(`/api/v1/assessors/applications/${applicationId}`)).json();
    expect(body.files.map((f: { slot: number }) => f.slot)).toEqual([1, 2, 3, 4]);
    const download = await ctx.clients.provinceAuthority.get(`/api/v1/files/${body.files[1].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
  });
});

describe('POST /api/v1/assessors/applications/:id/reject and /approve (驳回 / 通过)', () => {
  it('needs a reason of at most 200 characters to reject', async () => {
    const empty = await ctx.clients.cityAAuthority.post(`/api/v1/assessors/applications/${applicationId}/reject`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('请输入驳回理由');
    const long = await ctx.clients.cityAAuthority.post(`/api/v1/assessors/applications/${applicationId}/reject`, { reason: '长'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe('驳回理由不能超过200个字符');
  });

  it('rejects with the reason; the institution sees it and may apply again', async () => {
    const res = await ctx.clients.cityAAuthority.post(`/api/v1/assessors/applications/${applicationId}/reject`, { reason: '登记表未盖章' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '登记表未盖章', canReview: false });
    const mine = (await ctx.clients.institutionA.get('/api/v1/assessors/my-application')).json();
    expect(mine).toMatchObject({ canApply: true, reason: null, application: { status: 'rejected', rejectReason: '登记表未盖章' } });
    expect(mine.application.reviewedAt).not.toBeNull();
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessorApplication.rejected'));
    expect(audit).toMatchObject({ actorAccountId: ctx.world.cityA.account.id, targetId: String(applicationId) });
  });

  it('answers 409 to any review of an application that is no longer pending', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/assessors/applications/${applicationId}/approve`), {
      ...authorityOnly,
      provinceAuthority: 409,
      cityAAuthority: 409,
      cityBAuthority: 404,
    });
    const res = await ctx.clients.provinceAuthority.post(`/api/v1/assessors/applications/${applicationId}/approve`);
    expect(res.json().error.message).toBe('该申请已被审核，请刷新后查看');
  });

  it('approves a new application: the institution is 考核机构 at once and may switch', async () => {
    const again = await postApplication(ctx.clients.institutionA, requiredSlots());
    expect(again.statusCode).toBe(200);
    const newId = again.json().application.id;
    expect(newId).not.toBe(applicationId);
    const before = (await ctx.clients.institutionA.get('/api/v1/auth/me')).json();
    expect(before.switchableTo).toBeNull();

    const res = await ctx.clients.provinceAuthority.post(`/api/v1/assessors/applications/${newId}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', canReview: false });
    const rows = await ctx.t.db.select().from(assessors).where(and(eq(assessors.cycleId, ctx.world.cycle.id), eq(assessors.institutionId, ctx.world.institutionA.institution.id)));
    expect(rows).toHaveLength(1);
    expect((await ctx.clients.institutionA.get('/api/v1/auth/me')).json().switchableTo).toBe('assessor');
    const switched = await ctx.clients.institutionA.post('/api/v1/auth/switch-role', { role: 'assessor' });
    expect(switched.json().role).toBe('assessor');
    await ctx.clients.institutionA.post('/api/v1/auth/switch-role', { role: 'institution' });
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessorApplication.approved'));
    expect(audit).toMatchObject({ actorAccountId: ctx.world.province.account.id, targetId: String(newId) });
    expect((await ctx.clients.institutionA.get('/api/v1/assessors/my-application')).json()).toMatchObject({ isAssessor: true, canApply: false });
  });

  it('lets only one of two reviewers acting at once decide (the other gets 409)', async () => {
    const { world } = ctx;
    const other = await buildInstitution(ctx.t.db, { authorityId: world.cityA.authority.id, regionCode: '990101' });
    await openPermission(ctx.t.db, world.cycle.id, other.institution.id, world.cityA.account.id);
    const client = await loginAs(ctx.t.app, other.loginName, TEST_PASSWORD);
    const id = (await postApplication(client, requiredSlots())).json().application.id;
    const [a, b] = await Promise.all([
      ctx.clients.provinceAuthority.post(`/api/v1/assessors/applications/${id}/approve`),
      ctx.clients.cityAAuthority.post(`/api/v1/assessors/applications/${id}/reject`, { reason: '材料不全' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const final = (await ctx.clients.provinceAuthority.get(`/api/v1/assessors/applications/${id}`)).json();
    const isAssessor = (await ctx.t.db.select().from(assessors).where(eq(assessors.institutionId, other.institution.id))).length === 1;
    expect(isAssessor).toBe(final.status === 'approved');
  });
});
