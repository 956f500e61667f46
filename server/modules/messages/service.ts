// 站内消息, the reader's side: the signed-in account's own messages (newest first) with the unread count,
// 标为已读 one (only its own: another account's message answers 404) or all of them.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { roles } from '../../../common/enums.js';
import type { MessageItem, MessagePage, ReadAllResult } from '../../../common/schemas/messages.js';
import type { Paging } from '../../../common/schemas/pagination.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { messages } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';

type MessageRow = typeof messages.$inferSelect;

const toItem = (row: MessageRow): MessageItem => ({
  id: row.id,
  title: row.title,
  content: row.content,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** One page of the account's messages (index on account_id, created_at), and the totals in one aggregate. */
export async function listMessages(db: Database, actor: Actor, paging: Paging): Promise<MessagePage> {
  requireRole(actor, roles);
  const own = eq(messages.accountId, actor.accountId);
  const [[totals], rows] = await Promise.all([
    db.select({ total: count(), unread: sql<number>`count(*) filter (where ${messages.readAt} is null)`.mapWith(Number) }).from(messages).where(own),
    db
      .select()
      .from(messages)
      .where(own)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
  ]);
  return { items: rows.map(toItem), total: totals.total, unread: totals.unread, page: paging.page, pageSize: paging.pageSize };
}

/** 标为已读: keeps the time it was first read; another account's message is not found. */
export async function markMessageRead(db: Database, actor: Actor, id: number): Promise<MessageItem> {
  requireRole(actor, roles);
  const [row] = await db
    .update(messages)
    .set({ readAt: sql`coalesce(${messages.readAt}, now())` })
    .where(and(eq(messages.id, id), eq(messages.accountId, actor.accountId)))
    .returning();
  if (!row) throw notFound('消息不存在');
  return toItem(row);
}

/** 全部标为已读: every unread message of the account, in one statement. */
export async function markAllMessagesRead(db: Database, actor: Actor): Promise<ReadAllResult> {
  requireRole(actor, roles);
  const rows = await db
    .update(messages)
    .set({ readAt: sql`now()` })
    .where(and(eq(messages.accountId, actor.accountId), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return { marked: rows.length };
}
