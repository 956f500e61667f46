// 考核进度 (list, 导出) and 考核情况综合查询 for an institution (its own enrolments), an assessor (the institutions
// assigned to it in the current cycle) and an authority (its jurisdiction, or a 机构 / 区划 inside it).
import { eq } from 'drizzle-orm';
import { practiceCategories, submittedStatuses } from '../../../common/enums.js';
import { regionLevel } from '../../../common/regions.js';
import {
  PROGRESS_COUNT_CAP,
  progressProcedures,
  progressResults,
  progressStatuses,
  type ProgressFilters,
  type ProgressList,
  type ProgressListQuery,
  type ProgressSummary,
  type ProgressSummaryQuery,
} from '../../../common/schemas/assessment-progress.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { enrolments } from '../../db/schema/index.js';
import { currentCycle } from '../cycles/service.js';
import { ageOn } from '../physicians/roster.js';
import { allProgressRows, progressPage, progressWhere, scopeConditions, scopeInstitutions, summaryGroups, type ProgressRow } from './repository.js';
import { idNumberCondition, ownScope, progressRoles, scopeOf, type ProgressDeps } from './scope.js';

const cycleOf = (cycle: { id: number; name: string } | null) => (cycle ? { id: cycle.id, name: cycle.name } : null);

/** The conditions of a filter, and whether its page may walk the primary key (a whole province's list). Also 补考管理's. */
export async function whereOf(deps: ProgressDeps, actor: Actor, cycleId: number, filters: ProgressFilters) {
  const within = await scopeOf(deps.db, actor, filters);
  const scope = scopeConditions(cycleId, within);
  const { idNumber, regionCode: _region, ...rest } = filters;
  const where = progressWhere(scope, rest, await idNumberCondition(deps, scope, idNumber), !('regionCode' in within));
  const wholeProvince = !filters.institutionId && 'regionCode' in within && regionLevel(within.regionCode) === 'province';
  return { where, wholeProvince };
}

export type ProgressExportRow = Omit<ProgressRow, 'birthDate'> & { age: number | null };

const withAge = ({ birthDate, ...row }: ProgressRow): ProgressExportRow => ({ ...row, age: ageOn(birthDate) });

/** 考核进度: one page of the scope's enrolments in the current cycle. */
export async function listProgress(deps: ProgressDeps, actor: Actor, query: ProgressListQuery): Promise<ProgressList> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) {
    await scopeOf(deps.db, actor, query);
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, cycle: null, totalCapped: false };
  }
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, query);
  // An authority's list across a region counts up to a cap; one institution's (or an assessor's) exactly.
  const wide = actor.role === 'authority' && !query.institutionId;
  const { rows, total, totalCapped } = await progressPage(deps.db, where, { ...query, wholeProvince }, wide ? PROGRESS_COUNT_CAP : undefined);
  return { items: rows.map(withAge), total, page: query.page, pageSize: query.pageSize, cycle: cycleOf(cycle), totalCapped };
}

/** 导出: every row the filters match, in batches. */
export async function exportProgress(deps: ProgressDeps, actor: Actor, filters: ProgressFilters): Promise<AsyncIterable<ProgressExportRow[]>> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  if (!cycle) {
    await scopeOf(deps.db, actor, filters);
    return (async function* () {})();
  }
  const { where, wholeProvince } = await whereOf(deps, actor, cycle.id, filters);
  const batches = allProgressRows(deps.db, where, wholeProvince);
  return (async function* () {
    for await (const batch of batches) yield batch.map(withAge);
  })();
}

/** 考核情况综合查询: the scope's enrolments by 考核状态, 考核程序, 考核结果 and 执业类别, from one aggregate query. */
export async function progressSummary(deps: ProgressDeps, actor: Actor, query: ProgressSummaryQuery): Promise<ProgressSummary> {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  const scope = await scopeOf(deps.db, actor, query);
  const conditions = scopeConditions(cycle?.id ?? 0, scope);
  if (query.institutionId) conditions.push(eq(enrolments.institutionId, query.institutionId));
  const groups = cycle ? await summaryGroups(deps.db, conditions) : [];

  const byStatus = new Map(progressStatuses.map((s) => [s, 0]));
  const byProcedure = new Map(progressProcedures.map((p) => [p, 0]));
  const byResult = new Map(progressResults.map((r) => [r, 0]));
  const byCategory = new Map(practiceCategories.map((c) => [c, { practiceCategory: c, total: 0, completed: 0, passed: 0, failed: 0 }]));
  let total = 0;
  let submitted = 0;
  for (const g of groups) {
    total += g.count;
    if (submittedStatuses.includes(g.status)) submitted += g.count;
    byStatus.set(g.status, (byStatus.get(g.status) ?? 0) + g.count);
    byProcedure.set(g.procedure, (byProcedure.get(g.procedure) ?? 0) + g.count);
    byResult.set(g.result, (byResult.get(g.result) ?? 0) + g.count);
    const category = byCategory.get(g.practiceCategory);
    if (category) {
      category.total += g.count;
      if (g.status === 'COMPLETED') category.completed += g.count;
      if (g.result === 'passed') category.passed += g.count;
      if (g.result === 'failed') category.failed += g.count;
    }
  }
  return {
    cycle: cycleOf(cycle),
    total,
    submitted,
    byStatus: [...byStatus].map(([status, n]) => ({ status, count: n })),
    byProcedure: [...byProcedure].map(([procedure, n]) => ({ procedure, count: n })),
    byResult: [...byResult].map(([result, n]) => ({ result, count: n })),
    byCategory: [...byCategory.values()],
  };
}

/** The 卫生机构 / 机构 picker: institutions of the actor's scope by name (the first 20). */
export async function progressInstitutions(deps: ProgressDeps, actor: Actor, name: string | undefined) {
  requireRole(actor, progressRoles);
  const cycle = await currentCycle(deps.db, actor.provinceCode);
  return { items: await scopeInstitutions(deps.db, cycle?.id ?? null, ownScope(actor), name) };
}
