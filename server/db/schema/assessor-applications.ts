import { pgTable, serial, varchar, integer, text, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { cycles } from './cycles.js';
import { institutions } from './organizations.js';

/** 开通申请权限: only institutions the authority opened may apply to be 考核机构 in a cycle (seed 004). */
export const assessorApplicationPermissions = pgTable(
  'assessor_application_permissions',
  {
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    openedBy: integer('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.institutionId] })],
);

/** 申请考核机构: one row per submission; a rejected one may be followed by a new one. */
export const assessorApplications = pgTable(
  'assessor_applications',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    /** pending | approved | rejected */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by'),
    rejectReason: text('reject_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('assessor_applications_cycle_status_idx').on(t.cycleId, t.status), index('assessor_applications_institution_idx').on(t.institutionId, t.cycleId)],
);

/** 考核委员会 / 考核办公室 members of an institution that is (or applies to be) 考核机构 (seed 000 §5). */
export const assessorCommitteeMembers = pgTable(
  'assessor_committee_members',
  {
    id: serial('id').primaryKey(),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    /** committee (考核委员会) | office (考核办公室) */
    body: varchar('body', { length: 16 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    title: varchar('title', { length: 32 }),
    position: varchar('position', { length: 64 }),
    committeeRole: varchar('committee_role', { length: 32 }),
    phone: varchar('phone', { length: 32 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessor_committee_institution_idx').on(t.institutionId, t.body)],
);
