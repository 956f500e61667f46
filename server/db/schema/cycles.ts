import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, boolean, date, jsonb, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { institutions } from './organizations.js';

/** 考核周期 of a province with its 考核安排 windows (inclusive dates). */
export const cycles = pgTable(
  'cycles',
  {
    id: serial('id').primaryKey(),
    provinceCode: varchar('province_code', { length: 6 }).notNull().references(() => regions.code),
    name: varchar('name', { length: 64 }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    assessorApplicationStart: date('assessor_application_start').notNull(),
    assessorApplicationEnd: date('assessor_application_end').notNull(),
    registrationStart: date('registration_start').notNull(),
    registrationEnd: date('registration_end').notNull(),
    reviewStart: date('review_start').notNull(),
    reviewEnd: date('review_end').notNull(),
    testStart: date('test_start').notNull(),
    testEnd: date('test_end').notNull(),
    /** 补考时间: optional, after 测评考核. */
    retakeStart: date('retake_start'),
    retakeEnd: date('retake_end'),
    isCurrent: boolean('is_current').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One current cycle per province.
  (t) => [index('cycles_province_idx').on(t.provinceCode), uniqueIndex('cycles_one_current_uq').on(t.provinceCode).where(sql`${t.isCurrent}`)],
);

/** The province's policy (DESIGN §1): what differs between provinces is data. */
export const policies = pgTable('policies', {
  provinceCode: varchar('province_code', { length: 6 }).primaryKey().references(() => regions.code),
  initialPasswordRule: varchar('initial_password_rule', { length: 16 }).notNull().default('fixed666666'),
  lockoutMaxFailures: integer('lockout_max_failures').notNull().default(5),
  lockoutMinutes: integer('lockout_minutes').notNull().default(15),
  retakeAllowed: boolean('retake_allowed').notNull().default(true),
  /** Which papers each procedure takes: { standard: PaperKind[], simplified: PaperKind[] }. */
  papersByProcedure: jsonb('papers_by_procedure').notNull().default({ standard: ['humanities', 'proficiency'], simplified: ['humanities'] }),
  proctoringEnabled: boolean('proctoring_enabled').notNull().default(false),
  /** Face similarity (%) below which a snapshot goes to human review. */
  proctoringThreshold: integer('proctoring_threshold').notNull().default(40),
  /** 监考: snapshots at random moments of an attempt, besides the one at its start. */
  proctoringSnapshots: integer('proctoring_snapshots').notNull().default(3),
  /** 监考照片保存期限: days after the cycle's end, then the snapshots are deleted. */
  proctoringRetentionDays: integer('proctoring_retention_days').notNull().default(180),
  /** 打回报名 (seed 000 §6): the institution returns a submitted registration before reviewing it. */
  institutionReturnEnabled: boolean('institution_return_enabled').notNull().default(false),
  /** 隐藏 / 医师暂存 (seed 000 §6, seed 001 FAQ 3.1): the institution hides a physician, who then cannot log in. */
  physicianHidingEnabled: boolean('physician_hiding_enabled').notNull().default(false),
  /** 修改密码 asks for an SMS code to the bound phone (seed 001 §1.6). */
  passwordChangeSmsRequired: boolean('password_change_sms_required').notNull().default(false),
  /** 所有多点执业机构均须评价 (seed 000 FAQ 11.2, §8): no test until every 多点执业 site recorded 职业道德 / 工作业绩. */
  multiSiteEvaluationRequired: boolean('multi_site_evaluation_required').notNull().default(false),
  settings: jsonb('settings').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 考核周期起止日期告知栏: an institution confirmed it has seen the cycle's dates (【去确认】, seed 002 §1.2). */
export const cycleConfirmations = pgTable(
  'cycle_confirmations',
  {
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.institutionId] })],
);

/** An institution approved as 考核机构 for a cycle. */
export const assessors = pgTable(
  'assessors',
  {
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.institutionId] })],
);

/** 指定考核机构: which assessor re-reviews an institution's physicians in a cycle. */
export const assessorAssignments = pgTable(
  'assessor_assignments',
  {
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    assignedAssessorId: integer('assigned_assessor_id').notNull().references(() => institutions.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.institutionId] }),
    index('assessor_assignments_assessor_idx').on(t.cycleId, t.assignedAssessorId),
  ],
);
