// An attempt as the examinee sees it (no key, no 解析 before it is submitted) and the saving of answers: each answer
// carries the page's sequence number, and an older one never overwrites a newer one. Answers are accepted until
// the deadline plus a short grace (the page's own "time up" is only a hint); after that nothing changes.
import { and, eq, sql } from 'drizzle-orm';
import { paperKindLabels, type PaperKind } from '../../../common/papers.js';
import { questionTypeLabels, type QuestionType } from '../../../common/question-bank.js';
import {
  submittedByLabels,
  type AttemptQuestion,
  type AttemptView,
  type ExamStage,
  type SaveAnswersInput,
  type SavedAnswers,
  type SubmittedBy,
} from '../../../common/schemas/exams.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { examAnswers, examAttempts, type AttemptRule, type DrawnQuestion } from '../../db/schema/index.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { pointsFor, toDisplayedLetters, toStoredLetters } from './scoring.js';

/** Answers reach the server this long after the deadline still count (the last answer in flight at zero). */
export const ANSWER_GRACE_SECONDS = 60;

export interface StoredQuestion {
  id: number;
  itemId: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: string;
  explanation: string;
  shared: string | null;
  sharedOptions: string[] | null;
}

export async function questionsOf(db: Database | Tx, draw: readonly DrawnQuestion[]): Promise<Map<number, StoredQuestion>> {
  const ids = `{${draw.map((d) => d.questionId).join(',')}}`;
  const result = await db.execute(sql`
    select q.id, q.item_id as "itemId", i.type, q.stem, q.options, q.answer, q.explanation, i.shared, i.shared_options as "sharedOptions"
    from questions q join question_items i on i.id = q.item_id
    where q.id = any(${ids}::int[])`);
  const rows = (result as unknown as { rows: StoredQuestion[] }).rows;
  return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), itemId: Number(r.itemId) }]));
}

const isGroupType = (type: string) => type === 'A3' || type === 'A4' || type === 'B1';

/** The drawn questions in the attempt's order, options shown in its shuffled order; never the key. */
export function attemptQuestions(draw: readonly DrawnQuestion[], stored: ReadonlyMap<number, StoredQuestion>): AttemptQuestion[] {
  const out: AttemptQuestion[] = [];
  let groupIndex = 0;
  draw.forEach((d, position) => {
    const q = stored.get(d.questionId)!;
    const shown = (list: string[]) => (d.order ? d.order.map((i) => list[i]) : list);
    let group: AttemptQuestion['group'] = null;
    if (isGroupType(q.type)) {
      const previous = out[position - 1];
      const sameGroup = previous?.group && draw[position - 1] && stored.get(draw[position - 1].questionId)!.itemId === q.itemId;
      if (sameGroup) {
        group = { ...previous.group! };
      } else {
        groupIndex += 1;
        let size = 1;
        while (draw[position + size] && stored.get(draw[position + size].questionId)!.itemId === q.itemId) size++;
        group = { index: groupIndex, shared: q.shared, sharedOptions: q.sharedOptions ? shown(q.sharedOptions) : null, first: position, size };
      }
    }
    out.push({
      position,
      type: q.type,
      typeLabel: questionTypeLabels[q.type],
      group,
      stem: q.stem,
      options: q.type === 'B1' ? [] : shown(q.options),
      points: d.points,
    });
  });
  return out;
}

type AttemptRow = typeof examAttempts.$inferSelect;

async function ownAttempt(db: Database | Tx, actor: Actor, attemptId: number): Promise<AttemptRow> {
  requireRole(actor, ['physician']);
  const [row] = await db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.id, attemptId), eq(examAttempts.physicianId, actor.orgId)));
  if (!row) throw notFound('考试记录不存在');
  return row;
}

/** Key, 解析 and whether the answer is right, in the attempt's letters. */
export function reviewOf(draw: readonly DrawnQuestion[], stored: ReadonlyMap<number, StoredQuestion>, answers: ReadonlyMap<number, string>, rule: AttemptRule, positions?: number[]) {
  return (positions ?? draw.map((_, i) => i)).map((position) => {
    const d = draw[position];
    const q = stored.get(d.questionId)!;
    const given = answers.get(position) ?? '';
    return {
      position,
      key: toDisplayedLetters(q.answer, d.order),
      explanation: q.explanation,
      correct: given !== '' && pointsFor(q.type, q.answer, toStoredLetters(given, d.order), d.points, rule.multipleScoring) === d.points,
    };
  });
}

export async function attemptView(db: Database, actor: Actor, attemptId: number, now = new Date()): Promise<AttemptView> {
  const row = await ownAttempt(db, actor, attemptId);
  const [stored, answerRows] = await Promise.all([
    questionsOf(db, row.draw),
    db.select({ position: examAnswers.position, answer: examAnswers.answer, seq: examAnswers.seq }).from(examAnswers).where(eq(examAnswers.attemptId, row.id)),
  ]);
  const submitted = row.status === 'submitted';
  const answers = new Map(answerRows.map((a) => [a.position, a.answer]));
  return {
    id: row.id,
    kind: row.kind as 'exam' | 'practice',
    paper: row.paper as PaperKind,
    paperLabel: paperKindLabels[row.paper as PaperKind],
    stage: (row.stage as ExamStage | null) ?? null,
    status: row.status as 'in_progress' | 'submitted',
    startedAt: row.startedAt.toISOString(),
    deadline: row.deadline?.toISOString() ?? null,
    serverNow: now.toISOString(),
    durationMinutes: row.rule.durationMinutes,
    totalPoints: row.rule.totalPoints,
    passScore: row.rule.passScore,
    questions: attemptQuestions(row.draw, stored),
    answers: answerRows.sort((a, b) => a.position - b.position),
    result: submitted
      ? {
          score: row.score ?? 0,
          passed: row.passed ?? false,
          submittedAt: row.submittedAt!.toISOString(),
          submittedBy: row.submittedBy as SubmittedBy,
          submittedByLabel: submittedByLabels[row.submittedBy as SubmittedBy],
          answeredCount: answerRows.filter((a) => a.answer !== '').length,
          review: row.rule.reviewAllowed || row.kind === 'practice' ? reviewOf(row.draw, stored, answers, row.rule) : null,
        }
      : null,
  };
}

/** Saves a batch of answers (the page's queue); a position given twice keeps its newest. */
export async function saveAnswers(db: Database, actor: Actor, attemptId: number, input: SaveAnswersInput, now = new Date()): Promise<SavedAnswers> {
  requireRole(actor, ['physician']);
  const newest = new Map<number, { answer: string; seq: number }>();
  for (const a of input.answers) {
    const seen = newest.get(a.position);
    if (!seen || seen.seq < a.seq) newest.set(a.position, { answer: a.answer, seq: a.seq });
  }
  const positions = [...newest.keys()];
  const result = await db.execute(sql`
    with attempt as (
      select id, question_count, deadline, kind from exam_attempts
      where id = ${attemptId} and physician_id = ${actor.orgId} and status = 'in_progress'
        and (deadline is null or clock_timestamp() <= deadline + make_interval(secs => ${ANSWER_GRACE_SECONDS}))
        and ${Math.max(...positions)}::int < question_count),
    input as (
      select * from unnest(${sql.param(positions)}::int[], ${sql.param(positions.map((p) => newest.get(p)!.answer))}::text[],
                           ${sql.param(positions.map((p) => newest.get(p)!.seq))}::int[]) as u(position, answer, seq)),
    saved as (
      insert into exam_answers (attempt_id, position, answer, seq, saved_at)
      select attempt.id, input.position, input.answer, input.seq, clock_timestamp() from attempt, input
      on conflict (attempt_id, position) do update set answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at
      where exam_answers.seq < excluded.seq
      returning position)
    select attempt.id as accepted, attempt.deadline, attempt.kind, (select count(*) from saved)::int as written
    from (select 1) one left join attempt on true`);
  const outcome = (result as unknown as { rows: { accepted: number | null; deadline: string | Date | null; kind: string | null }[] }).rows[0];
  const row = outcome?.accepted ? null : await ownAttempt(db, actor, attemptId);
  if (row) {
    if (row.status === 'submitted') throw conflict('试卷已提交，答案未保存');
    if (Math.max(...positions) >= row.questionCount) throw badRequest('题号不正确', { position: '题号不正确' });
    throw conflict('考试时间已结束，答案未保存');
  }
  let keys: SavedAnswers['keys'] = null;
  if (outcome.kind === 'practice') {
    const attempt = await ownAttempt(db, actor, attemptId);
    const stored = await questionsOf(db, positions.map((p) => attempt.draw[p]));
    keys = reviewOf(attempt.draw, stored, new Map(positions.map((p) => [p, newest.get(p)!.answer])), attempt.rule, positions.filter((p) => newest.get(p)!.answer !== ''));
  }
  return {
    saved: positions.map((position) => ({ position, seq: newest.get(position)!.seq })),
    serverNow: now.toISOString(),
    deadline: outcome.deadline ? new Date(outcome.deadline).toISOString() : null,
    keys,
  };
}
