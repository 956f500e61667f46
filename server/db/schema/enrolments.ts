import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, timestamp, index, uniqueIndex, text, date } from 'drizzle-orm/pg-core';
import { cycles } from './cycles.js';
import { institutions } from './organizations.js';
import { physicians } from './physicians.js';

/** One row per (cycle, physician); `status` changes only through the state machine in common/. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    physicianId: integer('physician_id').notNull().references(() => physicians.id),
    /**
     * The institution that holds the enrolment: the physician's. Null while the physician is 调离 and no other
     * institution has 调入 them (the current cycle's enrolment then belongs to nobody; 调入 gives it to the new one).
     */
    institutionId: integer('institution_id').references(() => institutions.id),
    status: varchar('status', { length: 32 }).notNull(),
    result: varchar('result', { length: 16 }),
    /** The reason of the last 取消参加 (or 调离), shown in 未确认参加. */
    cancelReason: varchar('cancel_reason', { length: 200 }),
    /** 考核程序 (standard | simplified), copied from the registration on 提交: the review lists and 考核进度 filter on it. */
    procedure: varchar('procedure', { length: 16 }),
    /**
     * The physician's 执业类别, kept equal to `physicians.practice_category` by two triggers (migration 0018, 0022 for
     * the copies below): set on insert, and rewritten on every enrolment of the physician when it changes, in the same
     * transaction.
     * 考核进度 filters and 综合查询 groups on it without joining 400k physicians. Never written by the app.
     */
    practiceCategory: varchar('practice_category', { length: 16 }),
    /**
     * The physician's 姓名 (and its characters), 医师级别 and 出生日期, kept equal to the physician's by the same two
     * triggers (migration 0022): 考核进度 filters on them from the enrolment alone. A province searched by 姓名
     * fetched every physician with the character (8,000 heap pages for 王) to keep the 1,700 enrolled; counting by
     * 医师级别 or 年龄 probed a physician for each of 10,000 enrolments. Never written by the app.
     */
    name: varchar('name', { length: 64 }),
    nameChars: text('name_chars').array(),
    physicianLevel: varchar('physician_level', { length: 16 }),
    birthDate: date('birth_date'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_cycle_physician_uq').on(t.cycleId, t.physicianId),
    index('enrolments_institution_status_idx').on(t.cycleId, t.institutionId, t.status),
    // By physician across cycles; with the cycle and status in it, the trigger that keeps physicians.confirmed_cycle_ids
    // and the roster's 「ever enrolled」 check read the index alone.
    index('enrolments_physician_idx').on(t.physicianId, t.cycleId, t.status),
    index('enrolments_category_idx').on(t.cycleId, t.practiceCategory, t.status, t.institutionId),
    index('enrolments_name_chars_idx').using('gin', t.nameChars),
    index('enrolments_level_idx').on(t.cycleId, t.physicianLevel, t.status, t.institutionId),
    index('enrolments_birth_date_idx').on(t.cycleId, t.birthDate, t.status, t.institutionId),
    // 考核情况综合查询 of a province counts its groups from this index alone, in its order (no heap, no hash): 2 MB at
    // 276k enrolments, the same rows as the summary's scope (a province's enrolments are those with an institution).
    index('enrolments_summary_idx')
      .on(t.cycleId, t.status, t.procedure, t.result, t.practiceCategory)
      .where(sql`${t.status} <> 'NOT_ENROLLED' and ${t.institutionId} is not null`),
    // 合格 enrolments still without a certificate are found through it (certificates/issue-job.ts).
    index('enrolments_completed_passed_idx').on(t.id).where(sql`${t.status} = 'COMPLETED' and ${t.result} = 'passed'`),
  ],
);
