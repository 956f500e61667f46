import { sql } from 'drizzle-orm';
import { pgTable, serial, varchar, integer, smallint, text, jsonb, uuid, timestamp, index } from 'drizzle-orm/pg-core';
import { cycles } from './cycles.js';
import { enrolments } from './enrolments.js';
import { examAttempts } from './exams.js';
import { physicians } from './physicians.js';

/** What 认定作弊 replaced, so that 撤销认定 puts it back. */
export interface ProctoringPrevious {
  status: string;
  result: string | null;
  /** The attempt's own result before it counted as failed. */
  passed: boolean | null;
  /** 标记状态 before 认定 (无 or 疑似). */
  mark: string;
  /** The 合格证书 认定作弊 revoked, given back by 撤销认定. */
  revokedCertificateId?: number | null;
}

/**
 * 监考 of one exam attempt: the physician's separate consent (taken with 开始考试 when the province has 监考 on), the
 * summary of its snapshots (the lowest similarity: a snapshot without a face counts 0), camera problems reported by
 * the page, and the review: 查看状态, 标记疑似 by the institution, 认定作弊 / 撤销认定 by the provincial authority.
 */
export const proctoringCases = pgTable(
  'proctoring_cases',
  {
    attemptId: integer('attempt_id').primaryKey().references(() => examAttempts.id),
    enrolmentId: integer('enrolment_id').notNull().references(() => enrolments.id),
    physicianId: integer('physician_id').notNull().references(() => physicians.id),
    cycleId: integer('cycle_id').notNull().references(() => cycles.id),
    paper: varchar('paper', { length: 16 }).notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    consentIp: varchar('consent_ip', { length: 64 }),
    snapshotCount: smallint('snapshot_count').notNull().default(0),
    /** Lowest similarity of the scored snapshots (no face = 0); null until one is scored. */
    lowestSimilarity: smallint('lowest_similarity'),
    noFaceCount: smallint('no_face_count').notNull().default(0),
    severalFacesCount: smallint('several_faces_count').notNull().default(0),
    /** The registration photo shows no usable face. */
    referenceUnusable: smallint('reference_unusable').notNull().default(0),
    /** denied | busy | absent | lost: the last camera problem the page reported (the attempt goes on). */
    cameraIssue: varchar('camera_issue', { length: 12 }),
    cameraIssueAt: timestamp('camera_issue_at', { withTimezone: true }),
    /** none | suspected | confirmed */
    mark: varchar('mark', { length: 12 }).notNull().default('none'),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    suspectedNote: text('suspected_note'),
    suspectedAt: timestamp('suspected_at', { withTimezone: true }),
    confirmedReason: text('confirmed_reason'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    previous: jsonb('previous').$type<ProctoringPrevious>(),
    revokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proctoring_cases_cycle_similarity_idx').on(t.cycleId, t.lowestSimilarity), index('proctoring_cases_enrolment_idx').on(t.enrolmentId)],
);

/**
 * One snapshot of an attempt; its bytes are a `files` row (owner `proctoringSnapshot`). The row is also the job of
 * the similarity worker: `pending` rows are claimed with FOR UPDATE SKIP LOCKED (a claim older than a few minutes is
 * taken again: its worker died), then `done` with the score, or `failed` after three tries.
 */
export const proctoringSnapshots = pgTable(
  'proctoring_snapshots',
  {
    id: serial('id').primaryKey(),
    attemptId: integer('attempt_id').notNull().references(() => proctoringCases.attemptId),
    fileId: uuid('file_id').notNull(),
    /** start | random */
    trigger: varchar('trigger', { length: 8 }).notNull(),
    /** When the page took it (it may arrive later, from the offline queue). */
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** pending | processing | done | failed */
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    tries: smallint('tries').notNull().default(0),
    faces: smallint('faces'),
    similarity: smallint('similarity'),
    /** matched | noFace | severalFaces | noReference | unreadable */
    outcome: varchar('outcome', { length: 16 }),
    error: text('error'),
  },
  (t) => [
    index('proctoring_snapshots_attempt_idx').on(t.attemptId, t.takenAt),
    index('proctoring_snapshots_queue_idx').on(t.id).where(sql`${t.status} in ('pending', 'processing')`),
  ],
);
