// 考核统计 for an institution (itself, by 科室), an assessor (its assigned institutions) and an authority (its
// jurisdiction, drilled province → city → district → institution → 科室); any cycle of the province, the current one
// by default. The scope and its drill-down are checked by the 考核进度 scope helper (`scopeOf`): a 机构 or 区划
// outside the actor's scope answers 404.
import { todayInChina } from '../../../common/schedule.js';
import { regionLevel } from '../../../common/regions.js';
import { allPapersExempted, procedures } from '../../../common/papers.js';
import {
  dailySeriesKeys,
  splitValueLabel,
  statisticsSplitValues,
  type DailySeriesKey,
  type Statistics,
  type StatisticsBreadcrumb,
  type StatisticsDaily,
  type StatisticsDailyQuery,
  type StatisticsFigures,
  type StatisticsPart,
  type StatisticsQuery,
  type StatisticsRow,
  type StatisticsSplit,
} from '../../../common/schemas/statistics.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import type { AuditAction } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { cachedPolicy } from '../policies/cache.js';
import { scopeOf } from '../progress/scope.js';
import {
  assignedInstitutions,
  childRegions,
  dailyCounts,
  departmentsNamed,
  figureGroups,
  institutionsNamed,
  provinceCycles,
  regionsByCode,
  type FigureGroup,
  type StatisticsNode,
} from './repository.js';

const statisticsRoles = ['institution', 'assessor', 'authority'] as const;

type Counts = Omit<FigureGroup, 'rowKey' | 'part'>;
const countKeys = [
  'enrolled', 'submitted', 'reviewed', 'exempted', 'awaitingTest', 'passed', 'failed', 'pendingRetakeConfirmation', 'awaitingRetake', 'completedUntested',
] as const satisfies readonly (keyof Counts)[];

const zero = (): Counts => Object.fromEntries(countKeys.map((k) => [k, 0])) as Counts;
function add(into: Counts, from: Counts): Counts {
  for (const key of countKeys) into[key] += Number(from[key]);
  return into;
}

const percent = (done: number, total: number) => (total === 0 ? null : Math.round((done * 1000) / total) / 10);

/** 已测评, 需测评 and the four rates from the raw counts (see `statisticsFigureHelp` / `statisticsRateHelp`). */
export function figuresOf(c: Counts): StatisticsFigures {
  const tested = c.pendingRetakeConfirmation + c.awaitingRetake + c.passed + c.failed - c.completedUntested;
  const toTest = c.reviewed - c.completedUntested;
  return {
    enrolled: c.enrolled,
    submitted: c.submitted,
    reviewed: c.reviewed,
    exempted: c.exempted,
    awaitingTest: c.awaitingTest,
    tested,
    passed: c.passed,
    failed: c.failed,
    pendingRetakeConfirmation: c.pendingRetakeConfirmation,
    awaitingRetake: c.awaitingRetake,
    toTest,
    rates: {
      registration: percent(c.submitted, c.enrolled),
      review: percent(c.reviewed, c.submitted),
      test: percent(tested, toTest),
      pass: percent(c.passed, c.passed + c.failed),
    },
  };
}

type CycleOption = Awaited<ReturnType<typeof provinceCycles>>[number];

/** The cycle asked for (one of the actor's province), else the current one; another province's cycle answers 404. */
async function cycleOf(db: Database, actor: Actor, cycleId: number | undefined): Promise<{ all: CycleOption[]; cycle: CycleOption | null }> {
  const all = await provinceCycles(db, actor.provinceCode);
  const cycle = cycleId ? all.find((c) => c.id === cycleId) : all.find((c) => c.isCurrent);
  if (cycleId && !cycle) throw notFound('未找到该考核周期');
  return { all, cycle: cycle ?? null };
}

interface Located {
  node: StatisticsNode;
  breadcrumb: StatisticsBreadcrumb[];
}

/** The regions from `from` down to `to` (both included), e.g. province, city, district. */
function regionChain(from: string, to: string): string[] {
  const chain = [from];
  if (regionLevel(from) === 'province' && regionLevel(to) === 'district') chain.push(`${to.slice(0, 4)}00`);
  if (to !== from && !chain.includes(to)) chain.push(to);
  return chain;
}

/** Where the page is, checked against the actor's scope, and the way back up to the actor's own scope. */
async function locate(db: Database, actor: Actor, query: { regionCode?: string; institutionId?: number }): Promise<Located> {
  const scope = await scopeOf(db, actor, query);
  const [institution] = query.institutionId ? await institutionsNamed(db, { ids: [query.institutionId] }) : [];
  const institutionCrumb = institution ? [{ label: institution.name, institutionId: institution.id }] : [];
  if (actor.role === 'institution') {
    const [own] = await institutionsNamed(db, { ids: [actor.orgId] });
    return { node: { kind: 'institution', institutionId: actor.orgId }, breadcrumb: [{ label: own?.name ?? '本机构', institutionId: actor.orgId }] };
  }
  if (actor.role === 'assessor') {
    const root = { label: '全部委托机构' };
    return institution
      ? { node: { kind: 'institution', institutionId: institution.id }, breadcrumb: [root, ...institutionCrumb] }
      : { node: { kind: 'assessor', assessorId: actor.orgId }, breadcrumb: [root] };
  }
  const regionCode = 'regionCode' in scope ? scope.regionCode : actor.regionCode;
  // An institution is reached through the regions above it, inside the jurisdiction.
  const target = institution ? institution.regionCode : regionCode;
  const codes = regionChain(actor.regionCode, target);
  const names = new Map((await regionsByCode(db, codes)).map((r) => [r.code, r.name]));
  const breadcrumb = [...codes.map((code) => ({ label: names.get(code) ?? code, regionCode: code })), ...institutionCrumb];
  return { node: institution ? { kind: 'institution', institutionId: institution.id } : { kind: 'region', regionCode }, breadcrumb };
}

interface RowSpec {
  key: string;
  kind: StatisticsRow['kind'];
  label: string;
  drill: StatisticsRow['drill'];
}

/** The rows a node lists, in order: child regions and the institutions at the region itself; institutions; 科室. */
async function rowSpecs(db: Database, node: StatisticsNode, cycleId: number, drillable: boolean, groupKeys: string[]): Promise<{ header: string; specs: RowSpec[] }> {
  const institutionRow = (i: { id: number; name: string }): RowSpec => ({ key: `i${i.id}`, kind: 'institution', label: i.name, drill: drillable ? { institutionId: i.id } : null });
  const idsOf = (prefix: string) => groupKeys.filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(1)));
  if (node.kind === 'institution') {
    const named = new Map((await departmentsNamed(db, idsOf('d').filter((id) => id > 0))).map((d) => [d.id, d.name]));
    const specs = groupKeys
      .filter((k) => k.startsWith('d'))
      .map((key): RowSpec => ({ key, kind: 'department', label: key === 'd0' ? '未分科室' : (named.get(Number(key.slice(1))) ?? '未分科室'), drill: null }))
      .sort((a, b) => (a.key === 'd0' ? 1 : b.key === 'd0' ? -1 : a.label.localeCompare(b.label, 'zh-CN')));
    return { header: '科室', specs };
  }
  if (node.kind === 'assessor') return { header: '机构', specs: (await assignedInstitutions(db, cycleId, node.assessorId)).map(institutionRow) };
  if (regionLevel(node.regionCode) === 'district') return { header: '机构', specs: (await institutionsNamed(db, { regionCode: node.regionCode })).map(institutionRow) };
  const [children, direct] = await Promise.all([childRegions(db, node.regionCode), institutionsNamed(db, { ids: idsOf('i') })]);
  const specs: RowSpec[] = [
    ...children.map((r): RowSpec => ({ key: `r${r.code}`, kind: 'region', label: r.name, drill: { regionCode: r.code } })),
    ...direct.map((i) => ({ ...institutionRow(i), label: `${i.name}（本级）` })),
  ];
  return { header: '区划 / 机构', specs };
}

function partsOf(split: StatisticsSplit, byPart: Map<string, Counts>): StatisticsPart[] {
  if (split === 'none') return [];
  const order = statisticsSplitValues[split].map((v) => v.value);
  const values = [...order.filter((v) => byPart.has(v)), ...[...byPart.keys()].filter((v) => !order.includes(v))];
  return values.map((value) => ({ value, label: splitValueLabel(split, value), figures: figuresOf(byPart.get(value)!) }));
}

/** The procedures whose every required paper an approved 免考 exempts under the province's 考核政策. */
async function fullyExemptProcedures(db: Database, provinceCode: string): Promise<string[]> {
  const required = (await cachedPolicy(db, provinceCode)).fields.papersByProcedure;
  return procedures.filter((p) => allPapersExempted(required[p], p));
}

/** 考核统计: the rows of the node (with a totals row), each optionally split, from one aggregate statement. */
export async function statistics(db: Database, actor: Actor, query: StatisticsQuery): Promise<Statistics> {
  requireRole(actor, statisticsRoles);
  const { all, cycle } = await cycleOf(db, actor, query.cycleId);
  const { node, breadcrumb } = await locate(db, actor, query);
  const groups = cycle ? await figureGroups(db, cycle.id, node, query.split, await fullyExemptProcedures(db, actor.provinceCode)) : [];

  const byRow = new Map<string, { counts: Counts; parts: Map<string, Counts> }>();
  const totalParts = new Map<string, Counts>();
  const total = zero();
  for (const g of groups) {
    const row = byRow.get(g.rowKey) ?? { counts: zero(), parts: new Map<string, Counts>() };
    byRow.set(g.rowKey, row);
    add(row.counts, g);
    add(total, g);
    row.parts.set(g.part, add(row.parts.get(g.part) ?? zero(), g));
    totalParts.set(g.part, add(totalParts.get(g.part) ?? zero(), g));
  }
  // An assessor's earlier cycle lists the institutions it had then; it may open only those it has now.
  const drillable = !(actor.role === 'assessor' && cycle && !cycle.isCurrent);
  const { header, specs } = await rowSpecs(db, node, cycle?.id ?? 0, drillable, [...byRow.keys()]);
  const rows: StatisticsRow[] = specs.map((spec) => {
    const found = byRow.get(spec.key);
    return { ...spec, figures: figuresOf(found?.counts ?? zero()), parts: partsOf(query.split, found?.parts ?? new Map()) };
  });
  return {
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    cycles: all.map(({ id, name, isCurrent }) => ({ id, name, isCurrent })),
    breadcrumb,
    rowHeader: header,
    split: query.split,
    rows,
    total: { key: 'total', kind: node.kind === 'institution' ? 'department' : 'institution', label: '合计', drill: null, figures: figuresOf(total), parts: partsOf(query.split, totalParts) },
  };
}

/**
 * The audit actions each daily series counts: 报名 every 提交, 审核 the 考核机构's 复核通过 (the step that makes the
 * registration 已审核), 测评 every 提交试卷 (the physician's or the sweeper's, first test or 补考).
 */
export const dailyActions: Record<DailySeriesKey, AuditAction[]> = {
  submitted: ['enrolment.submitted'],
  reviewed: ['enrolment.approvedByAssessor'],
  tested: ['exam.submitted'],
};

const MAX_DAYS = 731;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The daily 报名 / 审核 / 测评 line of the node, from the 医师报名 window's first day to the 测评考核 window's last (or today). */
export async function statisticsDaily(db: Database, actor: Actor, query: StatisticsDailyQuery): Promise<StatisticsDaily> {
  requireRole(actor, statisticsRoles);
  const { cycle } = await cycleOf(db, actor, query.cycleId);
  const { node } = await locate(db, actor, query);
  if (!cycle) return { cycle: null, from: null, to: null, days: [] };
  const today = todayInChina();
  const to = cycle.testEnd < today ? cycle.testEnd : today;
  let from = cycle.registrationStart;
  if (to < from) return { cycle: { id: cycle.id, name: cycle.name }, from: null, to: null, days: [] };
  if (addDays(from, MAX_DAYS) < to) from = addDays(to, -MAX_DAYS);
  const seriesOf = new Map<string, DailySeriesKey>(dailySeriesKeys.flatMap((key) => dailyActions[key].map((action) => [action, key] as [string, DailySeriesKey])));
  const counts = await dailyCounts(db, cycle.id, node, [...seriesOf.keys()], from, to);
  const byDay = new Map<string, Record<DailySeriesKey, number>>();
  for (const c of counts) {
    const day = byDay.get(c.day) ?? { submitted: 0, reviewed: 0, tested: 0 };
    day[seriesOf.get(c.action)!] += Number(c.count);
    byDay.set(c.day, day);
  }
  const days: StatisticsDaily['days'] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push({ date: day, ...(byDay.get(day) ?? { submitted: 0, reviewed: 0, tested: 0 }) });
  return { cycle: { id: cycle.id, name: cycle.name }, from, to, days };
}

/** One line of the 导出: a row, or one of its split values under it (the row's label repeated). */
export interface StatisticsLine {
  label: string;
  part: string;
  figures: StatisticsFigures;
}

/** The table as the screen shows it: each row, then its split values; the totals row last. */
export function statisticsLines(result: Statistics): StatisticsLine[] {
  const lines: StatisticsLine[] = [];
  for (const row of [...result.rows, result.total]) {
    lines.push({ label: row.label, part: result.split === 'none' ? '' : '全部', figures: row.figures });
    for (const part of row.parts) lines.push({ label: row.label, part: part.label, figures: part.figures });
  }
  return lines;
}

/** A file name for the 导出 that says what it holds: cycle and the last step of the breadcrumb. */
export function exportFilename(result: Statistics): string {
  const where = result.breadcrumb[result.breadcrumb.length - 1]?.label ?? '';
  return `考核统计-${result.cycle?.name ?? '无考核周期'}-${where}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
}
