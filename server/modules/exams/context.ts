// What the physician's 考核管理 and 开始考试 need, read in one query: the current cycle and its 测评考核 window, the
// enrolment (status, 考核程序, 免考), the physician's 执业类别, the bank's revision, the enrolment's exam attempts and
// the cycle's paper rules for them. Then the papers the procedure requires and the state of each.
import { sql } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { exemptedPaper, normalizePapers, paperKindLabels, type PaperKind, type Procedure } from '../../../common/papers.js';
import { paperStateLabels, type ExamPaper, type ExamStage, type PaperState } from '../../../common/schemas/exams.js';
import { windowState } from '../../../common/schedule.js';
import type { Actor } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import type { PaperRuleSection } from '../../db/schema/index.js';
import { cachedPolicy } from '../policies/cache.js';
import type { PolicyFields } from '../../../common/schemas/policy.js';
import { siteEvaluationBlock } from '../multi-site-evaluations/gate.js';

export interface AttemptSummary {
  id: number;
  paper: PaperKind;
  stage: ExamStage;
  status: 'in_progress' | 'submitted';
  score: number | null;
  passed: boolean | null;
  startedAt: string;
  submittedAt: string | null;
  deadline: string;
}

export interface RuleRow {
  id: number;
  paper: PaperKind;
  practiceCategory: string;
  sections: PaperRuleSection[];
  passScore: number;
  durationMinutes: number;
  multipleScoring: 'all_or_nothing' | 'partial';
  reviewAllowed: boolean;
}

export interface ExamContext {
  physicianId: number;
  practiceCategory: string;
  transferredOut: boolean;
  cycle: { id: number; name: string; testStart: string; testEnd: string; retakeStart: string | null; retakeEnd: string | null } | null;
  enrolment: { id: number; status: EnrolmentStatus; procedure: Procedure | null; exemptionApproved: boolean } | null;
  bankRevision: number;
  attempts: AttemptSummary[];
  rules: RuleRow[];
}

export async function loadExamContext(db: Database | Tx, actor: Actor, lockEnrolment = false): Promise<ExamContext> {
  const result = await db.execute(sql`
    select p.id as "physicianId", p.practice_category as "practiceCategory", p.transferred_out_at is not null as "transferredOut",
           c.id as "cycleId", c.name as "cycleName", c.test_start::text as "testStart", c.test_end::text as "testEnd",
           c.retake_start::text as "retakeStart", c.retake_end::text as "retakeEnd",
           e.id as "enrolmentId", e.status, e.procedure, coalesce(r.exemption_status = 'approved', false) as "exemptionApproved",
           coalesce((select b.revision from question_bank_revisions b where b.province_code = ${actor.provinceCode}), 0) as "bankRevision",
           coalesce((select json_agg(json_build_object('id', a.id, 'paper', a.paper, 'stage', a.stage, 'status', a.status,
                       'score', a.score, 'passed', a.passed, 'startedAt', a.started_at, 'submittedAt', a.submitted_at, 'deadline', a.deadline) order by a.id)
                     from exam_attempts a where a.enrolment_id = e.id and a.kind = 'exam'), '[]') as attempts,
           coalesce((select json_agg(json_build_object('id', pr.id, 'paper', pr.paper, 'practiceCategory', pr.practice_category, 'sections', pr.sections,
                       'passScore', pr.pass_score, 'durationMinutes', pr.duration_minutes, 'multipleScoring', pr.multiple_scoring, 'reviewAllowed', pr.review_allowed))
                     from paper_rules pr where pr.cycle_id = c.id and pr.practice_category in ('', p.practice_category)), '[]') as rules
    from physicians p
    left join cycles c on c.province_code = ${actor.provinceCode} and c.is_current
    left join enrolments e on e.cycle_id = c.id and e.physician_id = p.id
    left join registrations r on r.enrolment_id = e.id
    where p.id = ${actor.orgId}
    ${lockEnrolment ? sql`for update of e` : sql``}`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) throw new Error('physician of the session not found');
  const attempts = (row.attempts as AttemptSummary[]).map((a) => ({ ...a, score: a.score === null ? null : Number(a.score) }));
  const rules = (row.rules as RuleRow[]).map((r) => ({ ...r, passScore: Number(r.passScore) }));
  return {
    physicianId: Number(row.physicianId),
    practiceCategory: String(row.practiceCategory),
    transferredOut: Boolean(row.transferredOut),
    cycle: row.cycleId
      ? {
          id: Number(row.cycleId),
          name: String(row.cycleName),
          testStart: String(row.testStart),
          testEnd: String(row.testEnd),
          retakeStart: (row.retakeStart as string | null) ?? null,
          retakeEnd: (row.retakeEnd as string | null) ?? null,
        }
      : null,
    enrolment: row.enrolmentId
      ? { id: Number(row.enrolmentId), status: row.status as EnrolmentStatus, procedure: (row.procedure as Procedure | null) ?? null, exemptionApproved: Boolean(row.exemptionApproved) }
      : null,
    bankRevision: Number(row.bankRevision),
    attempts,
    rules,
  };
}

/** The papers the enrolment must pass: the procedure's (考核政策) without the one an approved 免考 exempts. */
export function requiredPapers(policy: PolicyFields, procedure: Procedure, exemptionApproved: boolean): PaperKind[] {
  const papers = normalizePapers(policy.papersByProcedure[procedure] ?? []);
  return exemptionApproved ? papers.filter((p) => p !== exemptedPaper[procedure]) : papers;
}

/** The stage an enrolment's status tests in; null when it tests in none. */
export function stageOf(status: EnrolmentStatus): ExamStage | null {
  if (status === 'AWAITING_TEST') return 'first';
  if (status === 'AWAITING_RETAKE') return 'retake';
  return null;
}

/** The window a stage tests in: 测评考核 for the first test, 补考时间 for the retake (null while not set). */
export function stageWindow(cycle: NonNullable<ExamContext['cycle']>, stage: ExamStage): { label: string; start: string; end: string } | null {
  if (stage === 'first') return { label: '测评考核', start: cycle.testStart, end: cycle.testEnd };
  return cycle.retakeStart && cycle.retakeEnd ? { label: '补考', start: cycle.retakeStart, end: cycle.retakeEnd } : null;
}

export const ruleFor = (ctx: ExamContext, paper: PaperKind) =>
  ctx.rules.find((r) => r.paper === paper && r.practiceCategory === (paper === 'humanities' ? '' : ctx.practiceCategory)) ?? null;

export const totalPoints = (sections: readonly PaperRuleSection[]) => sections.reduce((sum, s) => sum + s.count * s.points, 0);

/** Why no test can be taken now, or null. */
export function examNotice(ctx: ExamContext, today: string): string | null {
  if (ctx.transferredOut) return '您已被原单位调离，调入新单位后方可参加考核';
  if (!ctx.cycle) return '当前没有进行中的考核周期';
  if (!ctx.enrolment || ctx.enrolment.status === 'NOT_ENROLLED') return '您未纳入本周期考核，请联系您的主要执业机构';
  const status = ctx.enrolment.status;
  if (status === 'COMPLETED') return '本周期考核已完成';
  if (status === 'PENDING_RETAKE_CONFIRMATION') return '测评未通过，等待卫生行政部门确认补考';
  const stage = stageOf(status);
  if (!stage) return '报名信息审核通过（待参加考核）后方可参加测评';
  const window = stageWindow(ctx.cycle, stage);
  if (!window) return '卫生行政部门尚未安排补考时间，请关注通知';
  const state = windowState(window.start, window.end, today);
  if (state === 'notStarted') return `${window.label}时间未开始（${window.start} 至 ${window.end}）`;
  if (state === 'ended') return `${window.label}时间已结束（${window.start} 至 ${window.end}）`;
  return null;
}

/** 待参加的考试: each required paper with its state and, when it cannot be started, why. */
export async function examPapers(db: Database | Tx, actor: Actor, ctx: ExamContext, today: string): Promise<{ notice: string | null; papers: ExamPaper[] }> {
  const notice = examNotice(ctx, today);
  if (!ctx.enrolment?.procedure || !stageOf(ctx.enrolment.status) || ctx.transferredOut) return { notice, papers: [] };
  const stage = stageOf(ctx.enrolment.status)!;
  const policy = (await cachedPolicy(db as Database, actor.provinceCode)).fields;
  const passedAny = (paper: PaperKind) => ctx.attempts.some((a) => a.paper === paper && a.passed);
  // 补考 takes only the papers not passed in the first test.
  const required = requiredPapers(policy, ctx.enrolment.procedure, ctx.enrolment.exemptionApproved).filter((p) => stage === 'first' || !passedAny(p));
  // 所有多点执业机构均须评价: read only when the 考核政策 asks for it and nothing else already blocks.
  const siteBlock = policy.multiSiteEvaluationRequired && !notice ? await siteEvaluationBlock(db, ctx.enrolment.id) : null;
  const humanitiesPassed = !required.includes('humanities') || ctx.attempts.some((a) => a.paper === 'humanities' && a.passed);
  const papers = required.map((paper): ExamPaper => {
    const attempt = ctx.attempts.find((a) => a.paper === paper && a.stage === stage) ?? null;
    const rule = ruleFor(ctx, paper);
    let state: PaperState;
    if (attempt?.status === 'in_progress') state = 'inProgress';
    else if (attempt) state = attempt.passed ? 'passed' : 'failed';
    else if (paper === 'proficiency' && !humanitiesPassed) state = 'locked';
    else state = 'notStarted';
    let blockedReason: string | null = null;
    if (state === 'passed' || state === 'failed') blockedReason = '本试卷已完成';
    else if (notice) blockedReason = notice;
    else if (siteBlock) blockedReason = siteBlock;
    else if (state === 'locked') blockedReason = '须先通过医学人文·法律法规考试';
    else if (!rule) blockedReason = '卫生行政部门尚未设置本试卷的试卷规则，请稍后再试';
    return {
      paper,
      paperLabel: paperKindLabels[paper],
      stage,
      state,
      stateLabel: paperStateLabels[state],
      attemptId: attempt?.id ?? null,
      score: attempt?.score ?? null,
      questionCount: rule ? rule.sections.reduce((n, s) => n + s.count, 0) : null,
      totalPoints: rule ? totalPoints(rule.sections) : null,
      passScore: rule?.passScore ?? null,
      durationMinutes: rule?.durationMinutes ?? null,
      blockedReason,
    };
  });
  return { notice, papers };
}

/** Whether a test attempt of the enrolment has begun (the authority can then no longer return the registration). */
export async function hasExamAttempt(db: Database | Tx, enrolmentId: number): Promise<boolean> {
  const result = await db.execute(sql`select exists (select 1 from exam_attempts where enrolment_id = ${enrolmentId} and kind = 'exam') as started`);
  return Boolean((result as unknown as { rows: { started: boolean }[] }).rows[0]?.started);
}
