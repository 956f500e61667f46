import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '../../db/schema/index.js';
import { byRole, checkAccessMatrix, setupTenantWorld } from '../../test-support/access-matrix.js';
import { loginAs } from '../../test-support/app.js';
import { TEST_PASSWORD, buildPhysician } from '../../test-support/factories.js';
import { notifyPhysicians } from './notify.js';

const ctx = setupTenantWorld();
const URL = '/api/v1/messages';

/** A physician of institution A, signed in, with `count` messages written by the review chain's writer (oldest first). */
async function physicianWithMessages(count: number) {
  const built = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id });
  for (let i = 1; i <= count; i++) {
    await notifyPhysicians(ctx.t.db, [built.physician.id], { title: `报名审核结果${i}`, content: `第${i}条：您的报名信息已被驳回，驳回理由：照片不清晰` });
    // Distinct times, so "newest first" is decided by created_at and not by chance.
    await ctx.t.db
      .update(messages)
      .set({ createdAt: sql`now() - make_interval(mins => ${count - i})` })
      .where(and(eq(messages.accountId, built.account.id), eq(messages.title, `报名审核结果${i}`)));
  }
  const client = await loginAs(ctx.t.app, built.idNumber, TEST_PASSWORD, 'physician');
  return { ...built, client };
}

const messagesOf = (accountId: number) => ctx.t.db.select().from(messages).where(eq(messages.accountId, accountId)).orderBy(messages.id);

describe('GET /api/v1/messages (站内消息)', () => {
  it('needs a session; every signed-in role reads its own', async () => {
    await checkAccessMatrix(ctx.clients, (c) => c.get(URL), byRole({ authority: 200, institution: 200, assessor: 200, physician: 200 }));
    const anonymous = await ctx.clients.anonymous.get(URL);
    expect(anonymous.json().error.message).toBe('请先登录');
  });

  it('lists the account’s own messages newest first, with the unread count, and none of another account’s', async () => {
    const p = await physicianWithMessages(3);
    await physicianWithMessages(2);
    const body = (await p.client.get(URL)).json();
    expect(body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 10 });
    expect(body.items.map((m: { title: string }) => m.title)).toEqual(['报名审核结果3', '报名审核结果2', '报名审核结果1']);
    expect(body.items[0]).toMatchObject({ content: '第3条：您的报名信息已被驳回，驳回理由：照片不清晰', readAt: null });
    expect(Date.parse(body.items[0].createdAt)).toBeGreaterThan(Date.parse(body.items[1].createdAt));
  });

  it('pages: the unread count covers every message, not only the page', async () => {
    const p = await physicianWithMessages(12);
    const second = (await p.client.get(`${URL}?page=2&pageSize=10`)).json();
    expect(second).toMatchObject({ total: 12, unread: 12, page: 2, pageSize: 10 });
    expect(second.items.map((m: { title: string }) => m.title)).toEqual(['报名审核结果2', '报名审核结果1']);
  });

  it('answers 400 for a page size the lists do not offer', async () => {
    const res = await ctx.clients.physicianA.get(`${URL}?pageSize=7`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.pageSize).toBe('每页条数只能为10、20、50或100');
  });

  it('is refused before the initial password is changed', async () => {
    const built = await buildPhysician(ctx.t.db, ctx.t.pii, { institutionId: ctx.world.institutionA.institution.id, initialPassword: true });
    const client = await loginAs(ctx.t.app, built.idNumber, '666666', 'physician');
    const res = await client.get(URL);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('首次登录请先修改初始密码');
  });
});

describe('POST /api/v1/messages/:id/read (标为已读)', () => {
  it('marks the account’s own message read, once: the unread count drops and a second read keeps the first time', async () => {
    const p = await physicianWithMessages(2);
    const [first] = await messagesOf(p.account.id);
    const res = await p.client.post(`${URL}/${first.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.id, title: first.title });
    expect(res.json().readAt).not.toBeNull();
    expect((await p.client.get(URL)).json().unread).toBe(1);
    const again = await p.client.post(`${URL}/${first.id}/read`);
    expect(again.json().readAt).toBe(res.json().readAt);
    expect((await p.client.get(URL)).json().unread).toBe(1);
  });

  it('answers 404 for another account’s message, and leaves it unread', async () => {
    const owner = await physicianWithMessages(1);
    const [message] = await messagesOf(owner.account.id);
    for (const client of [ctx.clients.physicianA, ctx.clients.institutionA, ctx.clients.provinceAuthority]) {
      const res = await client.post(`${URL}/${message.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('消息不存在');
    }
    expect((await messagesOf(owner.account.id))[0].readAt).toBeNull();
    expect((await ctx.clients.anonymous.post(`${URL}/${message.id}/read`)).statusCode).toBe(401);
  });

  it('answers 404 for a message that does not exist and 400 for an id that is not a number', async () => {
    expect((await ctx.clients.physicianA.post(`${URL}/999999/read`)).statusCode).toBe(404);
    const bad = await ctx.clients.physicianA.post(`${URL}/abc/read`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('编号格式不正确');
  });

  it('needs the CSRF header: without it nothing is marked', async () => {
    const p = await physicianWithMessages(1);
    const [message] = await messagesOf(p.account.id);
    const res = await p.client.request('POST', `${URL}/${message.id}/read`, {}, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('页面已过期，请刷新页面后重试');
    expect((await messagesOf(p.account.id))[0].readAt).toBeNull();
  });
});

describe('POST /api/v1/messages/read-all (全部标为已读)', () => {
  it('marks every unread message of the account and no one else’s', async () => {
    const p = await physicianWithMessages(3);
    const other = await physicianWithMessages(2);
    const [first] = await messagesOf(p.account.id);
    await p.client.post(`${URL}/${first.id}/read`);
    const res = await p.client.post(`${URL}/read-all`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 2 });
    expect((await p.client.get(URL)).json().unread).toBe(0);
    expect((await other.client.get(URL)).json().unread).toBe(2);
    expect((await p.client.post(`${URL}/read-all`)).json()).toEqual({ marked: 0 });
  });

  it('works for an organisation account too (its messages are its own)', async () => {
    await ctx.t.db.insert(messages).values({ accountId: ctx.world.institutionB.account.id, title: '系统通知', content: '请及时完善本机构信息' });
    expect((await ctx.clients.institutionB.get(URL)).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await ctx.clients.institutionB.post(`${URL}/read-all`)).json()).toEqual({ marked: 1 });
  });

  it('needs a session and the CSRF header', async () => {
    expect((await ctx.clients.anonymous.post(`${URL}/read-all`)).statusCode).toBe(401);
    const p = await physicianWithMessages(1);
    const res = await p.client.request('POST', `${URL}/read-all`, {}, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect((await p.client.get(URL)).json().unread).toBe(1);
  });
});
