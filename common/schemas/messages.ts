// 站内消息: what the product tells an account (a 驳回 with its reason, a pass, a 退回); the account reads its own.
import { z } from 'zod';
import { pageOf, pageQueryFields } from './pagination.js';

export const messageItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  content: z.string(),
  createdAt: z.string(),
  /** When the account first read it; null while unread. */
  readAt: z.string().nullable(),
});
export type MessageItem = z.infer<typeof messageItemSchema>;

export const messageListQuerySchema = z.object({ ...pageQueryFields });
export type MessageListQuery = z.input<typeof messageListQuerySchema>;

/** One page of the account's messages, newest first, and how many of all of them are unread. */
export const messagePageSchema = pageOf(messageItemSchema).extend({ unread: z.number() });
export type MessagePage = z.infer<typeof messagePageSchema>;

/** 全部标为已读: how many were marked now. */
export const readAllResultSchema = z.object({ marked: z.number() });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;
