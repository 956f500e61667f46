import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, date, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { enrolments } from './enrolments.js';
import { institutions } from './organizations.js';

/**
 * 医疗卫生机构评定意见: the institution's 工作成绩 and 职业道德 verdicts on one enrolment (合格 / 不合格, a reason for
 * 不合格). Written when the institution passes the registration; a later pass after the assessor's 驳回 replaces it.
 */
export const evaluations = pgTable('evaluations', {
  enrolmentId: integer('enrolment_id').primaryKey().references(() => enrolments.id, { onDelete: 'cascade' }),
  /** passed | failed */
  workPerformance: varchar('work_performance', { length: 8 }).notNull(),
  workPerformanceReason: varchar('work_performance_reason', { length: 200 }),
  ethics: varchar('ethics', { length: 8 }).notNull(),
  ethicsReason: varchar('ethics_reason', { length: 200 }),
  evaluatedBy: integer('evaluated_by').references(() => accounts.id),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // 考核统计 sets apart the enrolments completed without a test because an evaluation was 不合格: a few rows.
  index('evaluations_failed_idx').on(t.enrolmentId).where(sql`${t.workPerformance} = 'failed' or ${t.ethics} = 'failed'`),
]);

/**
 * 医疗机构考核 by a 多点执业 site (seed 000 §8, FAQ 11.2; 考核政策 「所有多点执业机构均须评价」): that institution's
 * 职业道德 and 工作业绩 verdicts on the enrolment (合格 / 不合格, a reason for 不合格), one row per site; a later 保存 replaces it.
 */
export const multiSiteEvaluations = pgTable(
  'multi_site_evaluations',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id').notNull().references(() => enrolments.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    /** passed | failed */
    workPerformance: varchar('work_performance', { length: 8 }).notNull(),
    workPerformanceReason: varchar('work_performance_reason', { length: 200 }),
    ethics: varchar('ethics', { length: 8 }).notNull(),
    ethicsReason: varchar('ethics_reason', { length: 200 }),
    evaluatedBy: integer('evaluated_by').references(() => accounts.id),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('multi_site_evaluations_enrolment_institution_uq').on(t.enrolmentId, t.institutionId),
    index('multi_site_evaluations_institution_idx').on(t.institutionId),
  ],
);

/** 多执业机构其他意见: another practice site's opinion on the physician, recorded by the reviewing institution. */
export const reviewOpinions = pgTable(
  'review_opinions',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id').notNull().references(() => enrolments.id, { onDelete: 'cascade' }),
    institutionName: varchar('institution_name', { length: 128 }).notNull(),
    opinion: varchar('opinion', { length: 500 }).notNull(),
    opinionDate: date('opinion_date').notNull(),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_opinions_enrolment_idx').on(t.enrolmentId)],
);

/** 站内消息: what the product tells an account (a 驳回 with its reason, a pass, a 退回). */
export const messages = pgTable(
  'messages',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 64 }).notNull(),
    content: varchar('content', { length: 500 }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_account_idx').on(t.accountId, t.createdAt)],
);
