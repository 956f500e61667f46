// Queries of 考核统计: one GROUP BY over the cycle's enrolments of a scope (joined to the physicians only for a split
// by 医师级别, or by 科室), folded by row and split value; the names of the rows; the daily line.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { submittedStatuses } from '../../../common/enums.js';
import { regionLevel } from '../../../common/regions.js';
import { reviewedStatuses, SPLIT_NONE, type StatisticsSplit } from '../../../common/schemas/statistics.js';
import { inReportTransaction } from '../../db/aggregate.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, auditEvents, cycles, departments, enrolments, evaluations, institutions, physicians, regions, registrations } from '../../db/schema/index.js';
import { scopeConditions, type ProgressScope } from '../progress/repository.js';

/** Where the rows come from: one institution's 科室, a set of institutions (an assessor's, a district's), or child regions. */
export type StatisticsNode =
  | { kind: 'institution'; institutionId: number }
  | { kind: 'assessor'; assessorId: number }
  | { kind: 'region'; regionCode: string };

/** One statement of 考核统计, with room (db/aggregate.ts); across a province or a city with parallel workers. */
async function aggregate<T>(db: Database, statement: SQL, node: StatisticsNode): Promise<T[]> {
  const wide = node.kind === 'region' && regionLevel(node.regionCode) !== 'district';
  return inReportTransaction(db, wide, async (tx) => ((await tx.execute(statement)) as unknown as { rows: T[] }).rows);
}

/** The raw counts of one (row, split value); the service derives 已测评, 需测评 and the rates. */
export interface FigureGroup {
  rowKey: string;
  part: string;
  enrolled: number;
  submitted: number;
  reviewed: number;
  exempted: number;
  awaitingTest: number;
  passed: number;
  failed: number;
  pendingRetakeConfirmation: number;
  awaitingRetake: number;
  /** 考核完成 without a test: every required paper exempted, or 工作成绩 / 职业道德 不合格. */
  completedUntested: number;
}

const textList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The split value as an expression on the enrolment or its physician (institution splits are taken after the fold). */
function enrolmentPart(split: StatisticsSplit): SQL {
  switch (split) {
    case 'practiceCategory':
      // The enrolment's copy (kept by triggers, migration 0018): the split needs no physician.
      return sql`${enrolments.practiceCategory}`;
    case 'physicianLevel':
      return sql`coalesce(${physicians.physicianLevel}, ${SPLIT_NONE})`;
    case 'procedure':
      return sql`coalesce(${enrolments.procedure}, ${SPLIT_NONE})`;
    default:
      return sql`''`;
  }
}

/** The key of a row, on the institution (`institutions`) and the inner group (`g`). */
function rowKeyOf(node: StatisticsNode): SQL {
  if (node.kind === 'institution') return sql`'d' || coalesce(g.department_id, 0)`;
  if (node.kind === 'assessor' || regionLevel(node.regionCode) === 'district') return sql`'i' || ${institutions.id}`;
  // A child region (its code: the next two digits, zeros after), or an institution sitting at the region itself.
  const digits = regionLevel(node.regionCode) === 'province' ? 4 : 6;
  const child = digits === 4 ? sql`left(${institutions.regionCode}, 4) || '00'` : sql`${institutions.regionCode}`;
  return sql`case when ${institutions.regionCode} = ${node.regionCode} then 'i' || ${institutions.id} else 'r' || ${child} end`;
}

export const scopeOfNode = (node: StatisticsNode): ProgressScope =>
  node.kind === 'institution' ? { institutionId: node.institutionId } : node.kind === 'assessor' ? { assessorId: node.assessorId } : { regionCode: node.regionCode };

/**
 * The figures of a scope in one statement. The inner `GROUP BY` reads the cycle's enrolments of the scope once
 * (with the approved 免考 and the failed evaluations as left joins of a few rows each; the physicians only when the
 * split or the 科室 rows need them) and counts them per institution (and 科室, and split value); the outer one folds
 * those few thousand groups into rows through the institutions (child region, 机构级别 / 机构类型).
 * `fullyExempt`: the procedures whose every required paper an approved 免考 exempts (the province's 考核政策).
 */
export async function figureGroups(db: Database, cycleId: number, node: StatisticsNode, split: StatisticsSplit, fullyExempt: readonly string[]): Promise<FigureGroup[]> {
  return aggregate<FigureGroup>(db, figureGroupsSql(cycleId, node, split, fullyExempt), node);
}

/** The statement of `figureGroups` (bench/statistics.ts also sends it bare, as its anchor). */
export function figureGroupsSql(cycleId: number, node: StatisticsNode, split: StatisticsSplit, fullyExempt: readonly string[]): SQL {
  const byDepartment = node.kind === 'institution';
  const withPhysicians = byDepartment || split === 'physicianLevel';
  const submitted = textList(submittedStatuses);
  const reviewed = textList(reviewedStatuses);
  const exempt = sql`x.enrolment_id is not null`;
  const untested = fullyExempt.length
    ? sql`(v.enrolment_id is not null or (${exempt} and ${enrolments.procedure} in (${textList(fullyExempt)})))`
    : sql`v.enrolment_id is not null`;
  const inner = sql`
    select ${enrolments.institutionId} as institution_id,
      ${byDepartment ? sql`${physicians.departmentId}` : sql`null::int`} as department_id,
      ${enrolmentPart(split)} as part,
      count(*) as enrolled,
      count(*) filter (where ${enrolments.status} in (${submitted})) as submitted,
      count(*) filter (where ${enrolments.status} in (${reviewed})) as reviewed,
      count(*) filter (where ${exempt}) as exempted,
      count(*) filter (where ${enrolments.status} = 'AWAITING_TEST') as awaiting_test,
      count(*) filter (where ${enrolments.status} = 'COMPLETED' and ${enrolments.result} = 'passed') as passed,
      count(*) filter (where ${enrolments.status} = 'COMPLETED' and ${enrolments.result} = 'failed') as failed,
      count(*) filter (where ${enrolments.status} = 'PENDING_RETAKE_CONFIRMATION') as pending_retake_confirmation,
      count(*) filter (where ${enrolments.status} = 'AWAITING_RETAKE') as awaiting_retake,
      count(*) filter (where ${enrolments.status} = 'COMPLETED' and ${untested}) as completed_untested
    from ${enrolments}
    ${withPhysicians ? sql`join ${physicians} on ${physicians.id} = ${enrolments.physicianId}` : sql``}
    left join ${registrations} x on x.enrolment_id = ${enrolments.id} and x.cycle_id = ${cycleId} and x.exemption_status = 'approved'
    left join ${evaluations} v on v.enrolment_id = ${enrolments.id} and (v.work_performance = 'failed' or v.ethics = 'failed')
    where ${and(...scopeConditions(cycleId, scopeOfNode(node)))}
    group by 1, 2, 3`;
  const part = split === 'institutionLevel' ? sql`${institutions.level}` : split === 'institutionType' ? sql`${institutions.type}` : sql`g.part`;
  const sum = (column: string) => sql`sum(g.${sql.raw(column)})::int`;
  return sql`
    select ${rowKeyOf(node)} as "rowKey", ${part} as "part",
      ${sum('enrolled')} as "enrolled", ${sum('submitted')} as "submitted", ${sum('reviewed')} as "reviewed",
      ${sum('exempted')} as "exempted", ${sum('awaiting_test')} as "awaitingTest", ${sum('passed')} as "passed",
      ${sum('failed')} as "failed", ${sum('pending_retake_confirmation')} as "pendingRetakeConfirmation",
      ${sum('awaiting_retake')} as "awaitingRetake", ${sum('completed_untested')} as "completedUntested"
    from (${inner}) g
    join ${institutions} on ${institutions.id} = g.institution_id
    group by 1, 2`;
}

/** The province's cycles, newest first. */
export function provinceCycles(db: Database, provinceCode: string) {
  return db
    .select({ id: cycles.id, name: cycles.name, isCurrent: cycles.isCurrent, registrationStart: cycles.registrationStart, testEnd: cycles.testEnd })
    .from(cycles)
    .where(eq(cycles.provinceCode, provinceCode))
    .orderBy(desc(cycles.startDate), desc(cycles.id));
}

export function regionsByCode(db: Database, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
}

export function childRegions(db: Database, parentCode: string) {
  return db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.parentCode, parentCode)).orderBy(asc(regions.code));
}

/** Institutions by id, or every institution of a district (its rows, also those with nobody enrolled). */
export function institutionsNamed(db: Database, where: { ids: number[] } | { regionCode: string }) {
  const condition = 'ids' in where ? inArray(institutions.id, where.ids.length ? where.ids : [0]) : eq(institutions.regionCode, where.regionCode);
  return db
    .select({ id: institutions.id, name: institutions.name, regionCode: institutions.regionCode })
    .from(institutions)
    .where(condition)
    .orderBy(asc(institutions.name), asc(institutions.id));
}

/** The institutions an assessor was assigned in a cycle (its rows, also those with nobody enrolled). */
export function assignedInstitutions(db: Database, cycleId: number, assessorId: number) {
  return db
    .select({ id: institutions.id, name: institutions.name, regionCode: institutions.regionCode })
    .from(assessorAssignments)
    .innerJoin(institutions, eq(institutions.id, assessorAssignments.institutionId))
    .where(and(eq(assessorAssignments.cycleId, cycleId), eq(assessorAssignments.assignedAssessorId, assessorId)))
    .orderBy(asc(institutions.name), asc(institutions.id));
}

export function departmentsNamed(db: Database, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids));
}

export interface DailyCount {
  day: string;
  action: string;
  count: number;
}

/**
 * The daily line: audit events of the scope's enrolments with one of `actions`, per day in Beijing time (UTC+8, no
 * daylight saving) from `from` to `to` inclusive, each enrolment counted once a day and action. A small scope goes
 * from its enrolments to `audit_target_idx`; a province reads `audit_enrolment_action_idx` (action, at, target_id).
 */
export async function dailyCounts(db: Database, cycleId: number, node: StatisticsNode, actions: string[], from: string, to: string): Promise<DailyCount[]> {
  if (actions.length === 0) return [];
  const day = sql`(${auditEvents.at} at time zone 'UTC' + interval '8 hours')::date`;
  return aggregate<DailyCount>(
    db,
    sql`
    select to_char(d.day, 'YYYY-MM-DD') as "day", d.action as "action", count(*)::int as "count"
    from (
      select distinct ${day} as day, ${auditEvents.action} as action, ${enrolments.id} as enrolment_id
      from ${enrolments}
      join ${auditEvents} on ${auditEvents.targetType} = 'enrolment' and ${auditEvents.targetId} = ${enrolments.id}::text
      where ${and(...scopeConditions(cycleId, scopeOfNode(node)))}
        and ${auditEvents.action} in (${textList(actions)})
        and ${auditEvents.at} >= (${from}::timestamp at time zone 'UTC') - interval '8 hours'
        and ${auditEvents.at} < (${to}::timestamp at time zone 'UTC') + interval '16 hours'
    ) d
    group by d.day, d.action`,
    node,
  );
}
