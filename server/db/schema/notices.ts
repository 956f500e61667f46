import { pgTable, serial, varchar, integer, date, timestamp, index } from 'drizzle-orm/pg-core';
import { authorities } from './organizations.js';

/** 通知公告: 政策 / 通知 / 手册 entries an authority publishes, with attached files (files.owner_type = 'notice'). */
export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    authorityId: integer('authority_id').notNull().references(() => authorities.id),
    /** policy (政策) | notice (通知) | manual (手册) */
    category: varchar('category', { length: 16 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    publishedOn: date('published_on').notNull(),
    /** draft | published */
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notices_authority_idx').on(t.authorityId, t.status, t.publishedOn)],
);
