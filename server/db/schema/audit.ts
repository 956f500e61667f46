import { sql } from 'drizzle-orm';
import { pgTable, bigserial, varchar, integer, jsonb, timestamp, index } from 'drizzle-orm/pg-core';

/** Append-only audit trail; rows are written in the same transaction as the change they describe. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: integer('actor_account_id'),
    actorRole: varchar('actor_role', { length: 16 }),
    action: varchar('action', { length: 48 }).notNull(),
    targetType: varchar('target_type', { length: 32 }),
    targetId: varchar('target_id', { length: 64 }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [
    index('audit_target_idx').on(t.targetType, t.targetId, t.at),
    index('audit_actor_idx').on(t.actorAccountId, t.at),
    // 考核统计's daily line over a province: the enrolment events of a few actions in a date range, read from the index alone.
    index('audit_enrolment_action_idx').on(t.action, t.at, t.targetId).where(sql`${t.targetType} = 'enrolment'`),
  ],
);
