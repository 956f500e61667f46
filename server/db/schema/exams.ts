import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, smallint, text, jsonb, boolean, numeric, timestamp, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { cycles } from './cycles.js';
import { enrolments } from './enrolments.js';
import { physicians } from './physicians.js';

/**
 * 题库: one row per drawable item of a province — a single question (A1/A2/X/判断) or a group (A3/A4 case, B1 shared
 * options) whose questions are drawn together. An item an attempt has drawn is never changed in place: editing makes
 * a new version (`previous_id` → the old row, whose status becomes `replaced`), so attempts keep what they drew.
 */
export const questionItems = pgTable(
  'question_items',
  {
    id: serial('id').primaryKey(),
    provinceCode: varchar('province_code', { length: 6 }).notNull().references(() => regions.code),
    type: varchar('type', { length: 4 }).notNull(),
    paper: varchar('paper', { length: 16 }).notNull(),
    /** Null for the humanities paper (one bank for all 执业类别). */
    practiceCategory: varchar('practice_category', { length: 16 }),
    clinicalSubject: varchar('clinical_subject', { length: 16 }),
    /** A3/A4: the shared case. */
    shared: text('shared'),
    /** B1: the shared option list. */
    sharedOptions: jsonb('shared_options').$type<string[]>(),
    /** enabled | disabled | replaced (an older version). */
    status: varchar('status', { length: 12 }).notNull().default('enabled'),
    version: integer('version').notNull().default(1),
    previousId: integer('previous_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('question_items_bank_idx').on(t.provinceCode, t.paper, t.practiceCategory, t.type, t.status)],
);

/** The questions of an item: one for a single question, 2–6 (A3/A4) or ≥ 2 (B1) for a group, in `position` order. */
export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id').notNull().references(() => questionItems.id),
    position: smallint('position').notNull(),
    stem: text('stem').notNull(),
    /** The question's own options (empty for 判断 and B1 children). */
    options: jsonb('options').$type<string[]>().notNull(),
    /** The key in the stored option order: one letter, several in order (X), or T / F. */
    answer: varchar('answer', { length: 8 }).notNull(),
    explanation: text('explanation').notNull(),
    difficulty: smallint('difficulty').notNull(),
  },
  (t) => [uniqueIndex('questions_item_position_uq').on(t.itemId, t.position)],
);

/** Bumped by every write to a province's bank, so each instance's cached bank index knows when it is stale. */
export const questionBankRevisions = pgTable('question_bank_revisions', {
  provinceCode: varchar('province_code', { length: 6 }).primaryKey().references(() => regions.code),
  revision: integer('revision').notNull().default(1),
});

/** One section of a paper rule: how many questions of a type, and the points of each. */
export interface PaperRuleSection {
  type: string;
  count: number;
  points: number;
}

/** 试卷规则 per cycle × paper × 执业类别 ('' for the humanities paper, one rule for all). */
export const paperRules = pgTable(
  'paper_rules',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    paper: varchar('paper', { length: 16 }).notNull(),
    practiceCategory: varchar('practice_category', { length: 16 }).notNull().default(''),
    sections: jsonb('sections').$type<PaperRuleSection[]>().notNull(),
    passScore: numeric('pass_score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** X型题: all_or_nothing (default) or partial (a share of the points when no wrong option is chosen). */
    multipleScoring: varchar('multiple_scoring', { length: 16 }).notNull().default('all_or_nothing'),
    /** After submission the physician may review the answers with the key and 解析. */
    reviewAllowed: boolean('review_allowed').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('paper_rules_cycle_paper_category_uq').on(t.cycleId, t.paper, t.practiceCategory)],
);

/** One drawn question of an attempt: its id and, when shuffled, the stored option index shown at each place. */
export interface DrawnQuestion {
  questionId: number;
  order: number[] | null;
  points: number;
}

/** The rule as it was when the attempt started (a later edit of the rule never changes a running attempt). */
export interface AttemptRule {
  passScore: number;
  totalPoints: number;
  durationMinutes: number;
  multipleScoring: 'all_or_nothing' | 'partial';
  reviewAllowed: boolean;
}

/**
 * 测评 attempts (Moodle's storage): the frozen draw and rule, the times, and the result. An exam attempt belongs to
 * an enrolment and a stage (首次考核 / 补考); one per (enrolment, paper, stage), so a second start returns it. A
 * practice attempt (练习) has no enrolment and never counts.
 */
export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: serial('id').primaryKey(),
    physicianId: integer('physician_id').notNull().references(() => physicians.id),
    enrolmentId: integer('enrolment_id').references(() => enrolments.id),
    cycleId: integer('cycle_id').references(() => cycles.id),
    /** exam | practice */
    kind: varchar('kind', { length: 8 }).notNull(),
    paper: varchar('paper', { length: 16 }).notNull(),
    /** first (首次考核) | retake (补考); null for practice. */
    stage: varchar('stage', { length: 8 }),
    /** in_progress | submitted */
    status: varchar('status', { length: 12 }).notNull().default('in_progress'),
    draw: jsonb('draw').$type<DrawnQuestion[]>().notNull(),
    questionCount: smallint('question_count').notNull(),
    rule: jsonb('rule').$type<AttemptRule>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** start + minutes, never past the window's end; null for practice. */
    deadline: timestamp('deadline', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** physician | timeout (the page at zero) | sweeper */
    submittedBy: varchar('submitted_by', { length: 12 }),
    score: numeric('score', { precision: 6, scale: 1, mode: 'number' }),
    passed: boolean('passed'),
  },
  (t) => [
    uniqueIndex('exam_attempts_enrolment_paper_stage_uq').on(t.enrolmentId, t.paper, t.stage).where(sql`${t.kind} = 'exam'`),
    index('exam_attempts_physician_idx').on(t.physicianId, t.kind),
    index('exam_attempts_due_idx').on(t.deadline).where(sql`${t.status} = 'in_progress' and ${t.kind} = 'exam'`),
    // 题库管理 asks whether any attempt drew a question (`draw @> '[{"questionId": n}]'`) before editing it in place.
    index('exam_attempts_draw_idx').using('gin', sql`${t.draw} jsonb_path_ops`),
    // 测评进度 across a province filtered by 测评状态 / 测评结果: the matching attempts are read first.
    index('exam_attempts_cycle_status_idx').on(t.cycleId, t.status, t.passed).where(sql`${t.kind} = 'exam'`),
  ],
);

/** The physician's answer to one drawn question, in the letters they saw; newer `seq` wins, older never overwrites. */
export const examAnswers = pgTable(
  'exam_answers',
  {
    attemptId: integer('attempt_id').notNull().references(() => examAttempts.id),
    position: smallint('position').notNull(),
    answer: varchar('answer', { length: 8 }).notNull(),
    seq: integer('seq').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] })],
);
