import { pgTable, uuid, varchar, integer, timestamp, index } from 'drizzle-orm/pg-core';

/**
 * An uploaded file: the bytes sit in storage (lib/storage.ts) under `storageKey`; the row says whose it is.
 * `ownerType`/`ownerId`/`slot` tie it to a record (e.g. an assessor application's attachment slot 1–5).
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    ownerType: varchar('owner_type', { length: 32 }).notNull(),
    ownerId: integer('owner_id').notNull(),
    slot: integer('slot').notNull().default(0),
    originalName: varchar('original_name', { length: 255 }).notNull(),
    mimeType: varchar('mime_type', { length: 128 }).notNull(),
    size: integer('size').notNull(),
    storageKey: varchar('storage_key', { length: 255 }).notNull(),
    uploadedBy: integer('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId, t.slot)],
);
