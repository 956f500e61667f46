import { pgTable, serial, varchar, integer, text, jsonb, boolean, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { cycles } from './cycles.js';
import { enrolments } from './enrolments.js';
import { institutions } from './organizations.js';
import { physicians } from './physicians.js';

/**
 * 报名: what a physician fills in for one enrolment, step by step (each step saved as it is completed, so it
 * resumes on any device). Steps 1–4 are kept as validated JSON (common/schemas/registration.ts); on 提交 the
 * registry fields are copied to the physician's record. 免考 has its own status beside the enrolment's.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id').notNull().references(() => enrolments.id),
    physicianId: integer('physician_id').notNull().references(() => physicians.id),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    basic: jsonb('basic'),
    practice: jsonb('practice'),
    experience: jsonb('experience'),
    conduct: jsonb('conduct'),
    procedure: jsonb('procedure'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    exemptionStatus: varchar('exemption_status', { length: 24 }).notNull().default('none'),
    exemptionRejectReason: varchar('exemption_reject_reason', { length: 200 }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_enrolment_uq').on(t.enrolmentId),
    index('registrations_physician_idx').on(t.physicianId),
    index('registrations_exemption_idx').on(t.cycleId, t.exemptionStatus),
  ],
);

/** 医师信息修改申请: a change of 科室, 从事专业 or other registry fields, approved or rejected by the institution. */
export const physicianChangeRequests = pgTable(
  'physician_change_requests',
  {
    id: serial('id').primaryKey(),
    physicianId: integer('physician_id').notNull().references(() => physicians.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    changes: jsonb('changes').notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    rejectReason: varchar('reject_reason', { length: 200 }),
    reviewedBy: integer('reviewed_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('physician_change_requests_institution_idx').on(t.institutionId, t.status), index('physician_change_requests_physician_idx').on(t.physicianId)],
);

/** Every SMS the product sends, whatever the provider: the default provider only writes here and to the log. */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: serial('id').primaryKey(),
    phone: varchar('phone', { length: 16 }).notNull(),
    content: text('content').notNull(),
    purpose: varchar('purpose', { length: 32 }).notNull(),
    provider: varchar('provider', { length: 32 }).notNull(),
    delivered: boolean('delivered').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_messages_phone_idx').on(t.phone, t.createdAt), index('sms_messages_created_idx').on(t.createdAt)],
);

/** One-time SMS codes (only their hash), valid 5 minutes, single use, with a count of wrong tries. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    phone: varchar('phone', { length: 16 }).notNull(),
    purpose: varchar('purpose', { length: 32 }).notNull(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    ip: varchar('ip', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_codes_account_idx').on(t.accountId, t.purpose, t.createdAt), index('sms_codes_phone_idx').on(t.phone, t.createdAt), index('sms_codes_ip_idx').on(t.ip, t.createdAt)],
);
