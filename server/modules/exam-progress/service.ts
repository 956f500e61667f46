// 测评进度 (list, 导出, 查看) for an institution (its own physicians), an assessor (the physicians of the institutions
// assigned to it: 考核机构考核, seed 000 §9) and an authority (its jurisdiction, or a 机构 / 区划 inside it). The scope
// is 考核进度's; the rows are the papers each enrolment past review must take.
import { eq } from 'drizzle-orm';
import type { PaperKind, Procedure } from '../../../common/papers.js';
import {
  EXAM_PROGRESS_COUNT_CAP,
  type ExamProgressFilters,
  type ExamProgressItem,
  type ExamProgressList,
  type ExamProgressListQuery,
  type ExamProgressRecord,
} from '../../../common/schemas/exam-progress.js';
import type { ExamStage, SubmittedBy } from '../../../common/schemas/exams.js';
import { regionLevel } from '../../../common/regions.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { enrolments } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import { requiredPapers } from '../exams/context.js';
import { physicianConditions } from '../physicians/repository.js';
import { cachedPolicy } from '../policies/cache.js';
import { scopeConditions } from '../progress/repository.js';
import { idNumberCondition, ownScope, progressRoles, scopeOf, type ProgressDeps } from '../progress/scope.js';
import { allExamProgressRows, examProgressPage, examProgressRow, examProgressWhere, paperAttempts, type RequiredPapers } from './repository.js';

export type ExamProgressDeps = ProgressDeps;

/** The papers the tab's enrolments must take under the 考核政策 (narrowed to 试卷名称), and the one 免考 takes away. */
async function requiredOf(deps: ExamProgressDeps, actor: Actor, filters: Pick<ExamProgressFilters, 'procedure' | 'paper'>): Promise<RequiredPapers> {
  const policy = (await cachedPolicy(deps.db, actor.provinceCode)).fields;
  const papers = requiredPapers(policy, filters.procedure, false);
  const kept = requiredPapers(policy, filters.procedure, true);
  return {
    papers: papers.filter((paper) => !filters.paper || paper === filters.paper),
    exemptedAway: papers.find((paper) => !kept.includes(paper)) ?? null,
  };
}

/** The conditions of a filter, and whether its page may walk the primary key (a whole province's list). */
async function whereOf(deps: ExamProgressDeps, actor: Actor, cycleId: number, filters: ExamProgressFilters) {
  const within = await scopeOf(deps.db, actor, filters);
  const scope = scopeConditions(cycleId, within);
  const idNumber = await idNumberCondition(deps, scope, filters.idNumber);
  const onPhysician = physicianConditions({ departmentId: filters.departmentId, name: filters.name, practiceCategory: filters.practiceCategory, physicianLevel: filters.physicianLevel }, idNumber);
  const where = examProgressWhere(scope, onPhysician, { ...filters, cycleId, selective: Boolean(filters.name || idNumber) }, await requiredOf(deps, actor, filters));
  const wholeProvince = !filters.institutionId && 'regionCode' in within && regionLevel(within.regionCode) === 'province';
  return { where, wholeProvince };
}

const cycleOf = (cycle: { id: number; name: string } | null) => (cycle ? { id: cycle.id, name: cycle.name } : null);

/** 测评进度: one page of the scope's required papers in the current cycle. */
export async function listExamProgress(deps: ExamProgressDeps, actor: Actor, query: ExamProgressListQuery): Promise<ExamProgressList> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) {
    await scopeOf(deps.db, actor, query);
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, cycle: null, totalCapped: false };
  }
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, query);
  // An authority's list across a region counts up to a cap (as 考核进度); one institution's or an assessor's exactly.
  const wide = actor.role === 'authority' && !query.institutionId;
  const { rows, total, totalCapped } = await examProgressPage(deps.db, where, { ...query, wholeProvince }, wide ? EXAM_PROGRESS_COUNT_CAP : undefined);
  return { items: rows, total, page: query.page, pageSize: query.pageSize, cycle: cycleOf(cycle), totalCapped };
}

/** 导出: every row the filters match, in batches. */
export async function exportExamProgress(deps: ExamProgressDeps, actor: Actor, filters: ExamProgressFilters): Promise<AsyncIterable<ExamProgressItem[]>> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) {
    await scopeOf(deps.db, actor, filters);
    return (async function* () {})();
  }
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, filters);
  return allExamProgressRows(deps.db, where, wholeProvince);
}

const recordNotFound = () => notFound('未找到该测评记录');

/**
 * 查看: the row of one enrolment's paper and its attempts' times and scores (never the questions or answers). An
 * enrolment outside the actor's scope, or a paper it need not take, is not found.
 */
export async function examProgressRecord(deps: ExamProgressDeps, actor: Actor, enrolmentId: number, paper: PaperKind): Promise<ExamProgressRecord> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) throw recordNotFound();
  const [enrolment] = await deps.db.select({ procedure: enrolments.procedure }).from(enrolments).where(eq(enrolments.id, enrolmentId));
  if (!enrolment?.procedure) throw recordNotFound();
  const procedure = enrolment.procedure as Procedure;
  const scope = scopeConditions(cycle.id, ownScope(actor));
  const where = examProgressWhere(scope, [], { cycleId: cycle.id, procedure, selective: true }, await requiredOf(deps, actor, { procedure, paper }));
  const item = await examProgressRow(deps.db, where, enrolmentId, paper);
  if (!item) throw recordNotFound();
  const attempts = await paperAttempts(deps.db, enrolmentId, paper);
  return {
    item,
    attempts: attempts.map((a) => ({
      id: a.id,
      stage: a.stage as ExamStage,
      status: a.status as 'in_progress' | 'submitted',
      startedAt: a.startedAt.toISOString(),
      deadline: a.deadline?.toISOString() ?? null,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      submittedBy: (a.submittedBy as SubmittedBy | null) ?? null,
      score: a.score,
      passed: a.passed,
      passScore: a.rule.passScore,
      totalPoints: a.rule.totalPoints,
      questionCount: a.questionCount,
    })),
  };
}
