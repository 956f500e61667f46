import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import { todayInChina } from '../../../common/schedule.js';
import { auditEvents, cycles, files } from '../../db/schema/index.js';
import { loginAs } from '../../test-support/app.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { PDF_BYTES, multipart, openPermission, postApplication, requiredSlots } from '../../test-support/assessor-factories.js';
import { TEST_PASSWORD } from '../../test-support/factories.js';

const ctx = setupTenantWorld();
const url = '/api/v1/assessors/my-application';

describe('GET /api/v1/assessors/my-application (申请考核机构)', () => {
  it('is for institutions only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(url), byRole({ institution: 200 }));
  });

  it('says why an institution whose authority has not opened the permission cannot apply', async () => {
    const body = (await ctx.clients.institutionB.get(url)).json();
    expect(body).toMatchObject({
      cycle: { name: '2024-2026年度' },
      window: { state: 'open' },
      permissionOpened: false,
      isAssessor: false,
      application: null,
      canApply: false,
      reason: '本机构未开通申请考核机构权限，请联系隶属卫生行政部门',
    });
  });
});

describe('POST /api/v1/assessors/my-application (提交申请)', () => {
  it('answers 401 without login and 403 for other roles (and for institutions not opened yet)', async () => {
    await checkAccessMatrix(ctx.clients, (c) => postApplication(c, requiredSlots()), byRole({}));
  });

  it('refuses an institution whose permission is not opened (403, nothing stored)', async () => {
    const res = await postApplication(ctx.clients.institutionB, requiredSlots());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('本机构未开通申请考核机构权限，请联系隶属卫生行政部门');
    expect(await ctx.t.db.select().from(files)).toHaveLength(0);
  });

  it('refuses an institution that already is 考核机构', async () => {
    const { world } = ctx;
    await openPermission(ctx.t.db, world.cycle.id, world.assessor.institution.id, world.cityA.account.id);
    const asInstitution = await loginAs(ctx.t.app, world.assessor.loginName, TEST_PASSWORD);
    const res = await postApplication(asInstitution, requiredSlots());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('本机构已是考核机构，无需再次申请');
    expect((await asInstitution.get(url)).json()).toMatchObject({ isAssessor: true, canApply: false, reason: '本机构已是考核机构，无需再次申请' });
  });

  it('needs a multipart body', async () => {
    await openPermission(ctx.t.db, ctx.world.cycle.id, ctx.world.institutionA.institution.id, ctx.world.cityA.account.id);
    const res = await ctx.clients.institutionA.post(url, { slot1: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请上传申请附件');
  });

  it('names the first missing required attachment', async () => {
    const { slot3: _omitted, ...rest } = requiredSlots();
    const res = await postApplication(ctx.clients.institutionA, rest);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请上传附件：3. 拟成立的医师定期考核委员会组织架构、成员名单及个人简历');
    expect(res.json().error.fields).toEqual({ slot3: '请上传拟成立的医师定期考核委员会组织架构、成员名单及个人简历' });
  });

  it('checks each file’s type by its content, not its name', async () => {
    const res = await postApplication(ctx.clients.institutionA, { ...requiredSlots(), slot4: { name: '实施方案.pdf', data: Buffer.from('just text, not a pdf') } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('4. 医师定期考核工作制度和具体实施方案：只能上传PDF、JPG、PNG、Word、Excel文件（按文件内容识别）');
    expect(res.json().error.fields).toEqual({ slot4: '只能上传PDF、JPG、PNG、Word、Excel文件' });
  });

  it('refuses files over 10 MB and unknown fields', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await postApplication(ctx.clients.institutionA, { ...requiredSlots(), slot1: { name: 'big.pdf', data: big } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toBe('1. 医师定期考核机构信息登记表：文件不能超过10MB');
    const unknown = await postApplication(ctx.clients.institutionA, { ...requiredSlots(), slot9: { name: 'x.pdf', data: PDF_BYTES } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('未知的附件：slot9');
    expect(await ctx.t.db.select().from(files)).toHaveLength(0);
  });

  it('stores the application with its files by slot, audited; the state shows 待审核', async () => {
    const { world } = ctx;
    const res = await postApplication(ctx.clients.institutionA, requiredSlots(true));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ permissionOpened: true, canApply: false, reason: '本机构的考核机构申请正在审核中，请勿重复提交' });
    expect(body.application).toMatchObject({ status: 'pending', cycleName: '2024-2026年度', reviewedAt: null, rejectReason: null });
    expect(body.application.files.map((f: { slot: number; name: string }) => [f.slot, f.name])).toEqual([
      [1, '考核机构信息登记表.pdf'],
      [2, '执业许可证.png'],
      [3, '考核委员会组织架构.pdf'],
      [4, '工作制度和实施方案.pdf'],
      [5, '其他材料.png'],
    ]);
    const stored = await ctx.t.db.select().from(files).where(eq(files.ownerId, body.application.id));
    expect(stored.map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'application/pdf', 'application/pdf', 'image/png', 'image/png']);
    const [audit] = await ctx.t.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessorApplication.submitted'));
    expect(audit).toMatchObject({ actorAccountId: world.institutionA.account.id, targetId: String(body.application.id) });
  });

  it('lets the applicant and the authorities above it download the files, nobody else', async () => {
    const fileId = (await ctx.clients.institutionA.get(url)).json().application.files[0].id;
    await checkAccessMatrix(ctx.clients, (c) => c.get(`/api/v1/files/${fileId}`), {
      anonymous: 404,
      provinceAuthority: 200,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 200,
      institutionB: 404,
      assessorOfA: 404,
      physicianA: 404,
      physicianB: 404,
    });
    const download = await ctx.clients.institutionA.get(`/api/v1/files/${fileId}`);
    expect(download.rawPayload.equals(PDF_BYTES)).toBe(true);
  });

  it('refuses a second application while one is pending', async () => {
    const res = await postApplication(ctx.clients.institutionA, requiredSlots());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('本机构的考核机构申请正在审核中，请勿重复提交');
  });

  it('refuses outside the 考核机构申请 window', async () => {
    const { world } = ctx;
    await openPermission(ctx.t.db, world.cycle.id, world.institutionB.institution.id, world.cityB.account.id);
    const yesterday = dayjs(todayInChina()).subtract(1, 'day').format('YYYY-MM-DD');
    const [before] = await ctx.t.db.select().from(cycles).where(eq(cycles.id, world.cycle.id));
    await ctx.t.db.update(cycles).set({ assessorApplicationEnd: yesterday, assessorApplicationStart: before.startDate }).where(eq(cycles.id, world.cycle.id));
    try {
      const res = await postApplication(ctx.clients.institutionB, requiredSlots());
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(`考核机构申请时间已结束（${before.startDate} 至 ${yesterday}）`);
      expect((await ctx.clients.institutionB.get(url)).json()).toMatchObject({ window: { state: 'ended' }, canApply: false });
    } finally {
      await ctx.t.db
        .update(cycles)
        .set({ assessorApplicationStart: before.assessorApplicationStart, assessorApplicationEnd: before.assessorApplicationEnd })
        .where(eq(cycles.id, world.cycle.id));
    }
    const { payload, headers } = await multipart(requiredSlots());
    expect((await ctx.clients.institutionB.post(url, payload, headers)).statusCode).toBe(200);
  });
});
