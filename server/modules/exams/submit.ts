// 提交试卷 (by the physician, by the page at zero, or by the sweeper past the deadline): scores the attempt once and,
// for an exam, moves the enrolment through the state machine — every required paper passed → 考核完成 合格; a
// failed paper → 待确认补考 where the province allows retakes, otherwise 考核完成 不合格. The attempt row is locked, so a
// second submission (double click, two devices, the sweeper) finds it submitted and changes nothing.
import { eq, sql } from 'drizzle-orm';
import { transition, type EnrolmentEvent } from '../../../common/enrolment-machine.js';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { paperKindLabels, type PaperKind, type Procedure } from '../../../common/papers.js';
import type { SubmittedBy } from '../../../common/schemas/exams.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { enrolments, examAnswers, examAttempts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { CERTIFICATE_READY, issueCertificates } from '../certificates/issue.js';
import { notifyPhysicians, type PendingSms } from '../messages/notify.js';
import { readPolicy } from '../policies/repository.js';
import { questionsOf } from './attempts.js';
import { requiredPapers } from './context.js';
import { pointsFor, result, toStoredLetters } from './scoring.js';

type AttemptRow = typeof examAttempts.$inferSelect;

/** Scores and closes a locked, in-progress attempt; returns the SMS to send after the commit. */
async function close(tx: Tx, attempt: AttemptRow, by: SubmittedBy, at: Date): Promise<PendingSms[]> {
  const [stored, answerRows] = await Promise.all([
    questionsOf(tx, attempt.draw),
    tx.select({ position: examAnswers.position, answer: examAnswers.answer }).from(examAnswers).where(eq(examAnswers.attemptId, attempt.id)),
  ]);
  const answers = new Map(answerRows.map((a) => [a.position, a.answer]));
  const earned = attempt.draw.map((d, position) => {
    const q = stored.get(d.questionId)!;
    return pointsFor(q.type, q.answer, toStoredLetters(answers.get(position) ?? '', d.order), d.points, attempt.rule.multipleScoring);
  });
  const { score, passed } = result(earned, attempt.rule);
  await tx.update(examAttempts).set({ status: 'submitted', submittedAt: at, submittedBy: by, score, passed }).where(eq(examAttempts.id, attempt.id));
  if (attempt.kind !== 'exam' || !attempt.enrolmentId) return [];
  await recordAudit(tx, { action: 'exam.submitted', actor: null, targetType: 'enrolment', targetId: attempt.enrolmentId, after: { attemptId: attempt.id, paper: attempt.paper, score, passed, by } });
  return applyOutcome(tx, attempt, score, passed);
}

async function applyOutcome(tx: Tx, attempt: AttemptRow, score: number, passed: boolean): Promise<PendingSms[]> {
  const found = await tx.execute(sql`
    select e.id, e.status, e.procedure, e.cycle_id as "cycleId", c.province_code as "provinceCode",
           coalesce(r.exemption_status = 'approved', false) as "exemptionApproved",
           array(select a.paper from exam_attempts a where a.enrolment_id = e.id and a.kind = 'exam' and a.passed) as "passedPapers"
    from enrolments e join cycles c on c.id = e.cycle_id left join registrations r on r.enrolment_id = e.id
    where e.id = ${attempt.enrolmentId} for update of e`);
  const enrolment = (found as unknown as { rows: { id: number; status: EnrolmentStatus; procedure: Procedure | null; provinceCode: string; exemptionApproved: boolean; passedPapers: string[] }[] }).rows[0];
  if (!enrolment?.procedure) return [];
  const policy = (await readPolicy(tx, enrolment.provinceCode)).fields;
  const paperLabel = paperKindLabels[attempt.paper as PaperKind];
  const retake = attempt.stage === 'retake';
  let event: EnrolmentEvent | null = null;
  let content: string;
  if (!passed) {
    event = retake ? 'retakeFailed' : 'testFailed';
    content = `您的${paperLabel}考试成绩为${score}分，未达到合格分数（${attempt.rule.passScore}分）。`;
  } else {
    const required = requiredPapers(policy, enrolment.procedure, enrolment.exemptionApproved);
    const passedPapers = new Set([...enrolment.passedPapers, attempt.paper]);
    if (required.every((p) => passedPapers.has(p))) event = retake ? 'retakePassed' : 'testPassed';
    const left = required.filter((p) => !passedPapers.has(p)).map((p) => paperKindLabels[p as PaperKind]);
    content = `您的${paperLabel}考试成绩为${score}分，合格。${left.length ? `请继续参加${left.join('、')}考试。` : ''}`;
  }
  if (event) {
    const outcome = transition(enrolment.status, event, 'system', { retakeAllowed: policy.retakeAllowed });
    if (outcome.ok && !outcome.unchanged) {
      await tx
        .update(enrolments)
        .set({ status: outcome.status, result: outcome.result, version: sql`${enrolments.version} + 1`, updatedAt: new Date() })
        .where(eq(enrolments.id, enrolment.id));
      await recordAudit(tx, {
        action: passed ? 'enrolment.testPassed' : 'enrolment.testFailed',
        actor: null,
        targetType: 'enrolment',
        targetId: enrolment.id,
        before: { status: enrolment.status },
        after: { status: outcome.status, result: outcome.result },
      });
      if (outcome.status === 'COMPLETED') content += `本周期定期考核结果：${outcome.result === 'passed' ? '合格' : '不合格'}。`;
      if (outcome.status === 'COMPLETED' && outcome.result === 'passed' && (await issueCertificates(tx, [enrolment.id])).length) content += CERTIFICATE_READY;
      else if (outcome.status === 'PENDING_RETAKE_CONFIRMATION') content += '请等待卫生行政部门确认补考安排。';
    }
  }
  return notifyPhysicians(tx, [attempt.physicianId], { title: '测评结果', content });
}

/** The physician's 提交试卷 (or the page at zero); a submitted attempt is returned as it is. */
export async function submitOwnAttempt(db: Database, actor: Actor, attemptId: number, reason: 'physician' | 'timeout', now = new Date()): Promise<PendingSms[]> {
  requireRole(actor, ['physician']);
  return db.transaction(async (tx) => {
    const [attempt] = await tx.select().from(examAttempts).where(eq(examAttempts.id, attemptId)).for('update');
    if (!attempt || attempt.physicianId !== actor.orgId) throw notFound('考试记录不存在');
    if (attempt.status === 'submitted') return [];
    // Past the deadline the attempt ends at the deadline, whoever closes it.
    const late = attempt.deadline && now > attempt.deadline;
    return close(tx, attempt, late ? 'timeout' : reason, late ? attempt.deadline! : now);
  });
}

/**
 * The sweeper's batch: attempts past their deadline plus the grace, oldest first, each closed at its deadline.
 * Rows another transaction holds (the physician submitting right now) are skipped, not waited for.
 */
export async function closeExpiredAttempts(tx: Tx, graceSeconds: number, limit: number): Promise<{ closed: number; sms: PendingSms[] }> {
  const due = await tx
    .select()
    .from(examAttempts)
    .where(sql`${examAttempts.status} = 'in_progress' and ${examAttempts.kind} = 'exam' and ${examAttempts.deadline} < clock_timestamp() - make_interval(secs => ${graceSeconds})`)
    .orderBy(examAttempts.deadline)
    .limit(limit)
    .for('update', { skipLocked: true });
  const sms: PendingSms[] = [];
  for (const attempt of due) sms.push(...(await close(tx, attempt, 'sweeper', attempt.deadline!)));
  return { closed: due.length, sms };
}
