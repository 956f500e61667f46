// 开始考试: checks that the paper can be taken now, draws it by the rule, and freezes the draw and the deadline in
// one insert. A second start (another tab, another device, a double click) returns the same attempt: one exam
// attempt per (enrolment, paper, stage) is a unique index.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { sql } from 'drizzle-orm';
import { CHINA_TZ, todayInChina } from '../../../common/schedule.js';
import type { PaperKind } from '../../../common/papers.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import type { AttemptRule } from '../../db/schema/index.js';
import { TooManyRequestsError, conflict, unprocessable } from '../../lib/errors.js';
import { cachedPolicy } from '../policies/cache.js';
import { hitRateLimit } from '../../lib/rate-limit-store.js';
import { auditActions } from '../../lib/audit.js';
import { bankIndex } from './bank-index.js';
import { drawPaper } from './draw.js';
import { examPapers, loadExamContext, ruleFor, stageWindow, totalPoints } from './context.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The end of the window's last day in Beijing time. */
export function windowEnd(testEnd: string): Date {
  return dayjs.tz(`${testEnd} 00:00`, CHINA_TZ).add(1, 'day').toDate();
}

/**
 * Admits new starts at `rate` per second across all instances (one shared counter per province and second). The
 * n-th start over the rate is told to come back in about n / rate seconds, so the retries spread out instead of
 * returning together; the page shows 排队中 with that wait.
 */
async function admitStart(db: Database, provinceCode: string, rate: number): Promise<void> {
  const { current } = await hitRateLimit(db, `exam-start:${provinceCode}`, 1000);
  if (current <= rate) return;
  const waitSeconds = Math.min(60, Math.ceil((current - rate) / rate) + 1);
  throw new TooManyRequestsError(`考试开始人数较多，正在排队，约${waitSeconds}秒后自动进入`, waitSeconds);
}

export const PROCTORING_CONSENT_REQUIRED = '本省测评开启了人脸识别监考，请先阅读并同意监考告知';

export interface StartOptions {
  ip: string | null;
  /** The physician agreed to 监考 (checked only when the province has it on). */
  proctoringConsent?: boolean;
  /** Starts admitted per second (config EXAM_START_RATE). */
  rate: number;
  now?: Date;
}

export async function startExam(db: Database, actor: Actor, paper: PaperKind, options: StartOptions): Promise<{ attemptId: number }> {
  const { ip, rate, proctoringConsent = false, now = new Date() } = options;
  requireRole(actor, ['physician']);
  const ctx = await loadExamContext(db, actor);
  const { papers } = await examPapers(db, actor, ctx, todayInChina(now));
  const entry = papers.find((p) => p.paper === paper);
  if (!entry) throw conflict(papers.length === 0 ? '当前不能参加测评' : '您无需参加该试卷的考试');
  if (entry.state === 'inProgress') return { attemptId: entry.attemptId! };
  if (entry.blockedReason) throw conflict(entry.blockedReason);
  // 监考 needs the physician's separate consent, recorded with the attempt it covers (the same statement below).
  const proctored = (await cachedPolicy(db, actor.provinceCode)).fields.proctoringEnabled;
  if (proctored && !proctoringConsent) throw unprocessable(PROCTORING_CONSENT_REQUIRED, { proctoringConsent: '请阅读并同意监考告知' });
  await admitStart(db, actor.provinceCode, rate);
  const rule = ruleFor(ctx, paper)!;
  const index = await bankIndex(db, actor.provinceCode, paper, paper === 'humanities' ? null : ctx.practiceCategory, ctx.bankRevision);
  const draw = drawPaper(index, rule.sections);
  if (!draw) throw conflict('题库中的题目不足以组卷，请联系卫生行政部门');
  const frozen: AttemptRule = {
    passScore: rule.passScore,
    totalPoints: totalPoints(rule.sections),
    durationMinutes: rule.durationMinutes,
    multipleScoring: rule.multipleScoring,
    reviewAllowed: rule.reviewAllowed,
  };
  const window = stageWindow(ctx.cycle!, entry.stage)!;
  const deadline = new Date(Math.min(now.getTime() + rule.durationMinutes * 60_000, windowEnd(window.end).getTime()));
  // One statement: the attempt, or nothing when another start won the race; the audit row comes with it.
  const result = await db.execute(sql`
    with started as (
      insert into exam_attempts (physician_id, enrolment_id, cycle_id, kind, paper, stage, draw, question_count, rule, started_at, deadline)
      select ${ctx.physicianId}::int, e.id, e.cycle_id, 'exam', ${paper}::text, ${entry.stage}::text, ${JSON.stringify(draw)}::jsonb,
             ${draw.length}::int, ${JSON.stringify(frozen)}::jsonb, ${now.toISOString()}::timestamptz, ${deadline.toISOString()}::timestamptz
      -- The status is read under a share lock: a 退回报名 racing this start either waits and then sees the attempt,
      -- or has committed and this start inserts nothing.
      from enrolments e where e.id = ${ctx.enrolment!.id} and e.status = ${ctx.enrolment!.status} for share of e
      on conflict (enrolment_id, paper, stage) where kind = 'exam' do nothing
      returning id),
    audited as (
      insert into audit_events (actor_account_id, actor_role, action, target_type, target_id, after, ip)
      select ${actor.accountId}::int, ${actor.role}::text, ${'exam.started' satisfies keyof typeof auditActions}::text, 'enrolment', ${String(ctx.enrolment!.id)}::text,
             jsonb_build_object('attemptId', id, 'paper', ${paper}::text, 'stage', ${entry.stage}::text), ${ip}::text
      from started),
    consented as (
      insert into proctoring_cases (attempt_id, enrolment_id, physician_id, cycle_id, paper, consented_at, consent_ip)
      select id, ${ctx.enrolment!.id}::int, ${ctx.physicianId}::int, ${ctx.cycle!.id}::int, ${paper}::text, ${now.toISOString()}::timestamptz, ${ip}::text
      from started where ${proctored}::boolean)
    select id from started`);
  const inserted = (result as unknown as { rows: { id: number }[] }).rows[0];
  if (inserted) return { attemptId: Number(inserted.id) };
  const again = await loadExamContext(db, actor);
  const existing = again.attempts.find((a) => a.paper === paper && a.stage === entry.stage);
  if (!existing) throw conflict('考核状态已变化，请刷新后重试');
  if (existing.status !== 'in_progress') throw conflict('本试卷已完成');
  return { attemptId: existing.id };
}
