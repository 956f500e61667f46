import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, files, notices } from '../../db/schema/index.js';
import { rowsWorkbook } from '../../lib/excel.js';
import type { Client } from '../../test-support/app.js';
import { checkAccessMatrix, setupTenantWorld, byRole } from '../../test-support/access-matrix.js';
import { buildNotice } from '../../test-support/departments-factories.js';

const ctx = setupTenantWorld();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b6d0f60000000049454e44ae426082', 'hex');

interface Attachment {
  name: string;
  data: Buffer;
}

function noticeForm(fields: Record<string, string | string[]>, attachments: Attachment[] = []): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  for (const file of attachments) form.append('attachments', new Blob([new Uint8Array(file.data)]), file.name);
  return form;
}

const valid = (title = '医师定期考核管理办法') => ({ category: 'policy', title, publishedOn: '2026-03-01' });
const send = (client: Client, method: 'POST' | 'PUT', url: string, form: FormData) => client.request(method, url, form);
const create = (client: Client, fields: Record<string, string | string[]>, attachments: Attachment[] = []) =>
  send(client, 'POST', '/api/v1/notices', noticeForm(fields, attachments));
const auditOf = (action: string, targetId: number) =>
  ctx.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, String(targetId))));

describe('POST /api/v1/notices (新建通知公告)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => create(c, valid('矩阵'), [{ name: '办法.pdf', data: PDF }]), byRole({ authority: 201 }));
  });

  it('creates a draft with several attachments (PDF and Excel by content) and an audit row', async () => {
    const xlsx = await rowsWorkbook('名单', ['姓名'], [['张三']]);
    const res = await create(ctx.clients.cityAAuthority, valid('关于做好2026年医师定期考核工作的通知'), [
      { name: '通知.pdf', data: PDF },
      { name: '名单.xlsx', data: xlsx },
    ]);
    expect(res.statusCode).toBe(201);
    const notice = res.json();
    expect(notice).toMatchObject({ category: 'policy', title: '关于做好2026年医师定期考核工作的通知', publishedOn: '2026-03-01', status: 'draft', actions: ['edit', 'publish', 'delete'] });
    expect(notice.files.map((f: { name: string; mimeType: string }) => [f.name, f.mimeType])).toEqual([
      ['通知.pdf', 'application/pdf'],
      ['名单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const stored = await ctx.t.db.select().from(files).where(and(eq(files.ownerType, 'notice'), eq(files.ownerId, notice.id)));
    expect(stored).toHaveLength(2);
    const [audit] = await auditOf('notice.created', notice.id);
    expect(audit).toMatchObject({ actorAccountId: ctx.world.cityA.account.id, after: { title: '关于做好2026年医师定期考核工作的通知', files: ['通知.pdf', '名单.xlsx'] } });
  });

  it.each([
    [{ category: 'policy', publishedOn: '2026-03-01' }, 'title', '请输入标题'],
    [{ ...valid(), title: '题'.repeat(101) }, 'title', '标题不能超过100个字符'],
    [{ ...valid(), category: 'news' }, 'category', '请选择类别'],
    [{ ...valid(), publishedOn: '2026-02-30' }, 'publishedOn', '发布日期不是有效日期'],
    [{ category: 'policy', title: '无日期' }, 'publishedOn', '请选择发布日期'],
  ])('answers 400 for fields %j, naming the field', async (fields, field, message) => {
    const res = await create(ctx.clients.cityAAuthority, fields);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message);
    expect(res.json().error.fields[field]).toBe(message);
  });

  it('checks attachments by content: a picture or text named .pdf is refused and nothing is saved', async () => {
    const before = (await ctx.t.db.select().from(notices)).length;
    for (const data of [PNG, Buffer.from('just text')]) {
      const res = await create(ctx.clients.cityAAuthority, valid('伪装文件'), [{ name: '办法.pdf', data }]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe('附件「办法.pdf」：只能上传PDF、Word、Excel文件（按文件内容识别）');
      expect(res.json().error.fields.attachments).toBe('只能上传PDF、Word、Excel文件');
    }
    expect((await ctx.t.db.select().from(notices)).length).toBe(before);
  });

  it('refuses a file over 20 MB', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const res = await create(ctx.clients.cityAAuthority, valid('大文件'), [{ name: '大.pdf', data: big }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('附件：文件不能超过20MB');
  });

  it('accepts a file of a few MB (larger than the JSON body limit)', async () => {
    const res = await create(ctx.clients.cityAAuthority, valid('较大文件'), [{ name: '手册.pdf', data: Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]) }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().files[0].size).toBe(PDF.length + 3 * 1024 * 1024);
  });

  it('answers 400 to a body that is not a form', async () => {
    const res = await ctx.clients.cityAAuthority.post('/api/v1/notices', valid());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请以 multipart/form-data 表单提交');
  });
});

describe('GET /api/v1/notices (通知公告列表)', () => {
  it('is for authorities only', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get('/api/v1/notices'), byRole({ authority: 200 }));
  });

  it('lists only the authority’s own notices, newest first, filtered and paged', async () => {
    const authorityId = ctx.world.cityB.authority.id;
    await buildNotice(ctx.t.db, { authorityId, category: 'manual', title: '医师个人操作手册', publishedOn: '2026-01-02' });
    await buildNotice(ctx.t.db, { authorityId, category: 'manual', title: '机构操作手册', publishedOn: '2026-02-02', status: 'published' });
    await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id, category: 'manual', title: '别家的手册' });
    const body = (await ctx.clients.cityBAuthority.get('/api/v1/notices?category=manual')).json();
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['机构操作手册', '医师个人操作手册']);
    expect(body.items[0].actions).toEqual(['edit', 'withdraw', 'delete']);
    const published = (await ctx.clients.cityBAuthority.get('/api/v1/notices?status=published&title=机构')).json();
    expect(published.total).toBe(1);
    const page = (await ctx.clients.cityBAuthority.get('/api/v1/notices?category=manual&pageSize=10&page=2')).json();
    expect(page).toMatchObject({ items: [], total: 2, page: 2 });
  });

  it('answers 400 for a bad filter', async () => {
    const res = await ctx.clients.cityBAuthority.get('/api/v1/notices?category=x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('类别只能为政策、通知或手册');
  });
});

describe('PUT /api/v1/notices/:id (编辑)', () => {
  it('lets only the owning authority edit (others get 404)', async () => {
    const notice = await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id });
    await checkAccessMatrix(ctx.clients, (c) => send(c, 'PUT', `/api/v1/notices/${notice.id}`, noticeForm(valid('改过的标题'))), {
      anonymous: 401,
      provinceAuthority: 404,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('changes the fields, removes chosen attachments and adds new ones in one go', async () => {
    const created = (await create(ctx.clients.cityAAuthority, valid('待编辑'), [{ name: '旧.pdf', data: PDF }])).json();
    const oldFile = created.files[0].id;
    const res = await send(
      ctx.clients.cityAAuthority,
      'PUT',
      `/api/v1/notices/${created.id}`,
      noticeForm({ category: 'notice', title: '已编辑', publishedOn: '2026-04-01', removeFileIds: oldFile }, [{ name: '新.pdf', data: PDF }]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ category: 'notice', title: '已编辑', publishedOn: '2026-04-01' });
    expect(res.json().files.map((f: { name: string }) => f.name)).toEqual(['新.pdf']);
    expect((await ctx.clients.cityAAuthority.get(`/api/v1/files/${oldFile}`)).statusCode).toBe(404);
    const [audit] = await auditOf('notice.updated', created.id);
    expect(audit).toMatchObject({ before: { title: '待编辑', files: ['旧.pdf'] }, after: { title: '已编辑', files: ['新.pdf'] } });
  });

  it('refuses to remove a file of another notice', async () => {
    const other = (await create(ctx.clients.cityAAuthority, valid('另一个'), [{ name: 'a.pdf', data: PDF }])).json();
    const target = await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id });
    const res = await send(ctx.clients.cityAAuthority, 'PUT', `/api/v1/notices/${target.id}`, noticeForm({ ...valid(), removeFileIds: other.files[0].id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.removeFileIds).toBe('要删除的附件不属于该通知公告');
    expect((await ctx.clients.cityAAuthority.get(`/api/v1/files/${other.files[0].id}`)).statusCode).toBe(200);
  });

  it('answers 400 for a malformed id or fields', async () => {
    expect((await send(ctx.clients.cityAAuthority, 'PUT', '/api/v1/notices/abc', noticeForm(valid()))).json().error.message).toBe('编号格式不正确');
    const notice = await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id });
    const res = await send(ctx.clients.cityAAuthority, 'PUT', `/api/v1/notices/${notice.id}`, noticeForm({ ...valid(), title: ' ' }));
    expect(res.json().error.fields.title).toBe('请输入标题');
  });
});

describe('发布 / 撤回 and downloading the attachments', () => {
  it('lets only the owning authority publish', async () => {
    const notice = await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id });
    await checkAccessMatrix(ctx.clients, (c) => c.post(`/api/v1/notices/${notice.id}/publish`), {
      anonymous: 401,
      provinceAuthority: 404,
      cityAAuthority: 200,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('keeps a draft’s files private; publishing makes them downloadable without login; withdrawing hides them again', async () => {
    const created = (await create(ctx.clients.cityAAuthority, valid('公开下载'), [{ name: '考核办法.pdf', data: PDF }])).json();
    const url = `/api/v1/files/${created.files[0].id}`;
    expect((await ctx.clients.anonymous.get(url)).statusCode).toBe(404);
    expect((await ctx.clients.cityBAuthority.get(url)).statusCode).toBe(404);
    expect((await ctx.clients.institutionA.get(url)).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.get(url)).statusCode).toBe(200);

    const published = await ctx.clients.cityAAuthority.post(`/api/v1/notices/${created.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', actions: ['edit', 'withdraw', 'delete'] });
    const download = await ctx.clients.anonymous.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('考核办法.pdf'));
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const again = await ctx.clients.cityAAuthority.post(`/api/v1/notices/${created.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该通知公告已发布');

    expect((await ctx.clients.cityAAuthority.post(`/api/v1/notices/${created.id}/withdraw`)).json().status).toBe('draft');
    expect((await ctx.clients.anonymous.get(url)).statusCode).toBe(404);
    expect((await ctx.clients.cityAAuthority.post(`/api/v1/notices/${created.id}/withdraw`)).statusCode).toBe(409);
    expect(await auditOf('notice.published', created.id)).toHaveLength(1);
    expect(await auditOf('notice.withdrawn', created.id)).toHaveLength(1);
  });

  it('answers 400 for a malformed id', async () => {
    expect((await ctx.clients.cityAAuthority.post('/api/v1/notices/-3/withdraw')).statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/notices/:id (删除)', () => {
  it('lets only the owning authority delete', async () => {
    const notice = await buildNotice(ctx.t.db, { authorityId: ctx.world.cityA.authority.id });
    await checkAccessMatrix(ctx.clients, (c) => c.request('DELETE', `/api/v1/notices/${notice.id}`), {
      anonymous: 401,
      provinceAuthority: 404,
      cityAAuthority: 204,
      cityBAuthority: 404,
      institutionA: 403,
      institutionB: 403,
      assessorOfA: 403,
      physicianA: 403,
      physicianB: 403,
    });
  });

  it('deletes the notice with its files and records it', async () => {
    const created = (await create(ctx.clients.cityAAuthority, valid('要删除的'), [{ name: 'x.pdf', data: PDF }])).json();
    await ctx.clients.cityAAuthority.post(`/api/v1/notices/${created.id}/publish`);
    expect((await ctx.clients.cityAAuthority.request('DELETE', `/api/v1/notices/${created.id}`)).statusCode).toBe(204);
    expect((await ctx.clients.anonymous.get(`/api/v1/files/${created.files[0].id}`)).statusCode).toBe(404);
    expect(await ctx.t.db.select().from(files).where(eq(files.id, created.files[0].id))).toHaveLength(0);
    const [audit] = await auditOf('notice.deleted', created.id);
    expect(audit.before).toMatchObject({ title: '要删除的', status: 'published' });
    expect((await ctx.clients.cityAAuthority.request('DELETE', `/api/v1/notices/${created.id}`)).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    expect((await ctx.clients.cityAAuthority.request('DELETE', '/api/v1/notices/1.5')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/notices/public (登录页 政策 / 通知 / 手册)', () => {
  it('lists published notices without login, newest first, each category up to the limit, with file ids', async () => {
    const province = ctx.world.province.authority.id;
    for (let i = 1; i <= 3; i++) await buildNotice(ctx.t.db, { authorityId: province, category: 'notice', title: `公开通知${i}`, publishedOn: `2027-01-0${i}`, status: 'published' });
    await buildNotice(ctx.t.db, { authorityId: province, category: 'notice', title: '未发布的通知', publishedOn: '2027-02-01' });
    const withFile = (await create(ctx.clients.provinceAuthority, { category: 'manual', title: '医疗卫生机构操作手册', publishedOn: '2027-01-05' }, [{ name: '手册.pdf', data: PDF }])).json();
    await ctx.clients.provinceAuthority.post(`/api/v1/notices/${withFile.id}/publish`);

    const res = await ctx.clients.anonymous.get('/api/v1/notices/public?limit=2');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { title: string; category: string; authorityName: string; files: { id: string; name: string }[] }[];
    expect(items.filter((n) => n.category === 'notice').map((n) => n.title)).toEqual(['公开通知3', '公开通知2']);
    expect(items.map((n) => n.title)).not.toContain('未发布的通知');
    const manual = items.find((n) => n.title === '医疗卫生机构操作手册')!;
    expect(manual).toMatchObject({ category: 'manual', authorityName: ctx.world.province.authority.name, files: [{ id: withFile.files[0].id, name: '手册.pdf' }] });
    expect((await ctx.clients.anonymous.get(`/api/v1/files/${manual.files[0].id}`)).statusCode).toBe(200);

    const onlyNotices = (await ctx.clients.anonymous.get('/api/v1/notices/public?category=notice&limit=10')).json().items;
    expect(onlyNotices.every((n: { category: string }) => n.category === 'notice')).toBe(true);
    expect(onlyNotices.length).toBeGreaterThanOrEqual(3);
  });

  it('limits the list to one province when asked', async () => {
    expect((await ctx.clients.anonymous.get('/api/v1/notices/public?province=990000')).json().items.length).toBeGreaterThan(0);
    expect((await ctx.clients.anonymous.get('/api/v1/notices/public?province=430000')).json().items).toEqual([]);
  });

  it('answers 400 for a bad query', async () => {
    const category = await ctx.clients.anonymous.get('/api/v1/notices/public?category=news');
    expect(category.statusCode).toBe(400);
    expect(category.json().error.message).toBe('类别只能为policy、notice或manual');
    expect((await ctx.clients.anonymous.get('/api/v1/notices/public?province=990100')).json().error.message).toBe('省份代码须为6位省级行政区划代码');
    expect((await ctx.clients.anonymous.get('/api/v1/notices/public?limit=0')).json().error.message).toBe('条数须为1到50的整数');
  });
});
