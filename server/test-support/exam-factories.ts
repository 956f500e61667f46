// Factories for 测评 tests: a small bank whose keys the test knows, a paper rule, a physician waiting for the test,
// and the right (or wrong) answers of a drawn attempt, read from the database as the examinee could never do.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Procedure } from '../../common/papers.js';
import type { BankItem } from '../../common/question-bank.js';
import type { Database } from '../db/client.js';
import { examAttempts, paperRules, questions, registrations, type PaperRuleSection } from '../db/schema/index.js';
import type { Pii } from '../lib/pii.js';
import { toDisplayedLetters } from '../modules/exams/scoring.js';
import { insertBankItems } from '../modules/question-bank/store.js';
import { buildPhysician } from './factories.js';
import { buildEnrolment, buildRegistration } from './roster-factories.js';

const OPTIONS = ['选项一', '选项二', '选项三', '选项四', '选项五'];

/** A1 questions keyed A, X questions keyed ACD, 判断 keyed T, and one A3 case of 2 and one B1 group of 2. */
export function sampleItems(tag: string, counts: { a1?: number; x?: number; tf?: number; groups?: boolean } = {}): BankItem[] {
  const items: BankItem[] = [];
  for (let i = 0; i < (counts.a1 ?? 6); i++) items.push({ type: 'A1', stem: `${tag}单选题${i + 1}`, options: OPTIONS, answer: 'A', explanation: `${tag}单选解析${i + 1}`, difficulty: 1 });
  for (let i = 0; i < (counts.x ?? 2); i++) items.push({ type: 'X', stem: `${tag}多选题${i + 1}`, options: OPTIONS, answer: 'ACD', explanation: `${tag}多选解析${i + 1}`, difficulty: 2 });
  for (let i = 0; i < (counts.tf ?? 2); i++) items.push({ type: 'TF', stem: `${tag}判断题${i + 1}`, options: [], answer: 'T', explanation: `${tag}判断解析${i + 1}`, difficulty: 1 });
  if (counts.groups ?? true) {
    items.push({
      type: 'A3',
      shared: `${tag}病例：患者男，50岁。`,
      questions: [
        { stem: `${tag}病例问题一`, options: OPTIONS, answer: 'B', explanation: `${tag}病例解析一`, difficulty: 2 },
        { stem: `${tag}病例问题二`, options: OPTIONS, answer: 'C', explanation: `${tag}病例解析二`, difficulty: 2 },
      ],
    });
    items.push({
      type: 'B1',
      sharedOptions: OPTIONS,
      questions: [
        { stem: `${tag}配伍问题一`, answer: 'D', explanation: `${tag}配伍解析一`, difficulty: 2 },
        { stem: `${tag}配伍问题二`, answer: 'E', explanation: `${tag}配伍解析二`, difficulty: 2 },
      ],
    });
  }
  return items;
}

export async function buildBank(db: Database, provinceCode: string, paper: 'humanities' | 'proficiency', items: BankItem[] = sampleItems(paper === 'humanities' ? '人文' : '业务')) {
  return insertBankItems(db, provinceCode, items.map((item) => ({ item, paper, practiceCategory: paper === 'humanities' ? null : 'clinical', clinicalSubject: null })));
}

/** 4 A1 + 1 X + 1 判断 + the A3 case (2) + the B1 group (2): 10 questions of 10 points, 60 to pass. */
export const sampleSections: PaperRuleSection[] = [
  { type: 'A1', count: 4, points: 10 },
  { type: 'X', count: 1, points: 10 },
  { type: 'TF', count: 1, points: 10 },
  { type: 'A3', count: 2, points: 10 },
  { type: 'B1', count: 2, points: 10 },
];

export async function buildPaperRule(
  db: Database,
  cycleId: number,
  paper: 'humanities' | 'proficiency',
  overrides: Partial<typeof paperRules.$inferInsert> = {},
) {
  const [rule] = await db
    .insert(paperRules)
    .values({ cycleId, paper, practiceCategory: paper === 'humanities' ? '' : 'clinical', sections: sampleSections, passScore: 60, durationMinutes: 60, ...overrides })
    .returning();
  return rule;
}

/** A physician at the institution whose enrolment waits at 待参加考核 (or `status`) under `procedure`. */
export async function buildExaminee(
  db: Database,
  pii: Pii,
  input: { cycleId: number; institutionId: number; procedure?: Procedure; exemptionApproved?: boolean; status?: 'AWAITING_TEST' | 'PENDING_INSTITUTION_REVIEW' },
) {
  const p = await buildPhysician(db, pii, { institutionId: input.institutionId });
  const procedure = input.procedure ?? 'standard';
  const enrolment = await buildEnrolment(db, { cycleId: input.cycleId, physicianId: p.physician.id, institutionId: input.institutionId, status: input.status ?? 'AWAITING_TEST', procedure });
  const registration = await buildRegistration(db, enrolment, { exemptionStatus: input.exemptionApproved ? 'approved' : 'none' });
  await db
    .update(registrations)
    .set({ procedure: { procedure, simplifiedReason: procedure === 'simplified' ? 'fiveYearsGood' : null, statement: null, exemptionRequested: !!input.exemptionApproved, exemptionReason: input.exemptionApproved ? '援外医疗' : null } })
    .where(eq(registrations.id, registration.id));
  return { ...p, enrolment };
}

/** The right answer of every drawn question, in the letters the attempt shows (position → answer). */
export async function rightAnswers(db: Database, attemptId: number): Promise<Map<number, string>> {
  const [attempt] = await db.select().from(examAttempts).where(eq(examAttempts.id, attemptId));
  const rows = await db.select({ id: questions.id, answer: questions.answer }).from(questions).where(inArray(questions.id, attempt.draw.map((d) => d.questionId)));
  const keys = new Map(rows.map((r) => [r.id, r.answer]));
  return new Map(attempt.draw.map((d, position) => [position, toDisplayedLetters(keys.get(d.questionId)!, d.order)]));
}

/** Answers that are all right, or wrong for the first `wrong` positions. */
export async function answersFor(db: Database, attemptId: number, wrong = 0) {
  const keys = await rightAnswers(db, attemptId);
  return [...keys].map(([position, key], i) => ({ position, answer: i < wrong ? (key === 'T' ? 'F' : key === 'A' ? 'B' : 'A') : key, seq: 1 }));
}

/** Moves an attempt's deadline into the past (the clock cannot be turned, the row can). */
export async function expireAttempt(db: Database, attemptId: number, secondsAgo: number) {
  await db.execute(sql`update exam_attempts set deadline = now() - make_interval(secs => ${secondsAgo}), started_at = now() - interval '2 hours' where id = ${attemptId}`);
}

/**
 * An exam attempt written straight into the table (no draw): in progress, or submitted with a score. For lists that
 * only read an attempt's state, times and score (测评进度); the engine's own tests go through the routes.
 */
export async function buildAttempt(
  db: Database,
  input: {
    enrolment: { id: number; physicianId: number; cycleId: number };
    paper: 'humanities' | 'proficiency';
    stage?: 'first' | 'retake';
    score?: number;
    startedAt?: Date;
    submittedBy?: 'physician' | 'timeout' | 'sweeper';
  },
) {
  const startedAt = input.startedAt ?? new Date(Date.now() - 30 * 60_000);
  const submitted = input.score !== undefined;
  const [attempt] = await db
    .insert(examAttempts)
    .values({
      physicianId: input.enrolment.physicianId,
      enrolmentId: input.enrolment.id,
      cycleId: input.enrolment.cycleId,
      kind: 'exam',
      paper: input.paper,
      stage: input.stage ?? 'first',
      status: submitted ? 'submitted' : 'in_progress',
      draw: [],
      questionCount: 10,
      rule: { passScore: 60, totalPoints: 100, durationMinutes: 60, multipleScoring: 'all_or_nothing', reviewAllowed: true },
      startedAt,
      deadline: new Date(startedAt.getTime() + 60 * 60_000),
      submittedAt: submitted ? new Date(startedAt.getTime() + 20 * 60_000) : null,
      submittedBy: submitted ? (input.submittedBy ?? 'physician') : null,
      score: input.score ?? null,
      passed: submitted ? input.score! >= 60 : null,
    })
    .returning();
  return attempt;
}
