// Queries of 考核进度 and 考核情况综合查询: the current cycle's enrolments (never 未确认参加) of a scope, filtered on
// the enrolment, the physician and the registration's 免考 status; paged in two steps; counted in one aggregate.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, like, ne, sql, type SQL } from 'drizzle-orm';
import type { PhysicianLevel, PracticeCategory } from '../../../common/enums.js';
import type { ExemptionStatus } from '../../../common/schemas/registration.js';
import type { ProgressFilters, ProgressProcedure, ProgressResult, ProgressStatus } from '../../../common/schemas/assessment-progress.js';
import { regionLevel, regionPrefix } from '../../../common/regions.js';
import type { Database } from '../../db/client.js';
import { escapeLike } from '../../lib/sql.js';
import { assessorAssignments, departments, enrolments, institutions, physicians, registrations } from '../../db/schema/index.js';
import { birthDateBounds, nameContains, physicianConditions } from '../physicians/repository.js';

/**
 * Whose enrolments: one institution's, those of the institutions assigned to an assessor in the cycle, or those of
 * every institution in a region (an authority's jurisdiction or a region inside it).
 */
export type ProgressScope = { institutionId: number } | { assessorId: number } | { regionCode: string };

/** `institution_id = any(<ids>)`: the ids are computed once, so PostgreSQL reads the scope through the enrolment index. */
const amongInstitutions = (ids: SQL): SQL => sql`${enrolments.institutionId} = any((select array_agg(x.id) from (${ids}) x)::int[])`;

/**
 * The enrolments of the cycle inside the scope, as conditions on `enrolments` alone. A whole province is every
 * enrolment of its cycle held by an institution. A set of institutions (an assessor's, a city's, a
 * district's) is handed over as an array: joined as a subquery, PostgreSQL read all of the cycle's enrolments to
 * keep 5% of them (an assessor with 400 institutions, filtered by 医师级别: 120–135 ms, as an array 50–60 ms).
 */
export function scopeConditions(cycleId: number, scope: ProgressScope): SQL[] {
  const base = [eq(enrolments.cycleId, cycleId), ne(enrolments.status, 'NOT_ENROLLED')];
  if ('institutionId' in scope) return [...base, eq(enrolments.institutionId, scope.institutionId)];
  if ('assessorId' in scope) {
    return [
      ...base,
      amongInstitutions(
        sql`select ${assessorAssignments.institutionId} as id from ${assessorAssignments} where ${assessorAssignments.cycleId} = ${cycleId} and ${assessorAssignments.assignedAssessorId} = ${scope.assessorId}`,
      ),
    ];
  }
  // A cycle is one province's, and 调入 never crosses a province: every enrolment of the cycle that has an institution
  // is in the province. Joining its 20k institutions instead (a hash probed by all 276k enrolments) was about half of
  // a province's 综合查询 and most of a capped count that an index answers.
  if (regionLevel(scope.regionCode) === 'province') return [...base, isNotNull(enrolments.institutionId)];
  const inRegion = sql`select ${institutions.id} as id from ${institutions} where ${institutions.regionCode} like ${`${regionPrefix(scope.regionCode)}%`}`;
  return [...base, amongInstitutions(inRegion)];
}

/** What the filters need joined besides `enrolments`, and whether they pick out few physicians (姓名, 证件号码). */
export interface ProgressWhere {
  conditions: SQL[];
  physicians: boolean;
  registrations: boolean;
  selective: boolean;
}

export const exemptionSql = sql<ExemptionStatus>`coalesce(${registrations.exemptionStatus}, 'none')`;

/**
 * The conditions of a 考核进度 filter on top of the scope. `idNumber` is what the service resolved the 证件号码 filter
 * to (the blind index cannot be queried with a partial number). Ages become birth-date bounds. `narrow`: the scope is
 * one institution or an assessor's institutions.
 */
export function progressWhere(scope: SQL[], filters: Omit<ProgressFilters, 'idNumber' | 'regionCode'>, idNumber?: SQL, narrow = false): ProgressWhere {
  const conditions = [...scope];
  // 执业类别, 姓名, 医师级别 and 年龄 are read from the enrolment's copies (kept equal to the physician's by triggers):
  // the filter and its count stay on the enrolments and their indexes. Only 科室 and 证件号码 join the physicians.
  const { practiceCategory, name, physicianLevel, ageMin, ageMax, ...onPhysicianFilters } = filters;
  const oneInstitution = narrow || Boolean(filters.institutionId);
  const onPhysician = physicianConditions(onPhysicianFilters, idNumber, oneInstitution);
  if (practiceCategory) conditions.push(eq(enrolments.practiceCategory, practiceCategory));
  if (name) conditions.push(...nameContains(name, oneInstitution, { name: enrolments.name, chars: enrolments.nameChars }));
  if (physicianLevel) conditions.push(eq(enrolments.physicianLevel, physicianLevel));
  conditions.push(...birthDateBounds(enrolments.birthDate, ageMin, ageMax));
  if (filters.institutionId) conditions.push(eq(enrolments.institutionId, filters.institutionId));
  if (filters.status) conditions.push(eq(enrolments.status, filters.status));
  if (filters.procedure) conditions.push(filters.procedure === 'none' ? sql`${enrolments.procedure} is null` : eq(enrolments.procedure, filters.procedure));
  if (filters.result) conditions.push(filters.result === 'none' ? sql`${enrolments.result} is null` : eq(enrolments.result, filters.result));
  // 未申请 includes enrolments without a registration yet; any other 免考状态 is a plain equality that
  // `registrations_exemption_idx (cycle_id, exemption_status)` serves.
  const onRegistration: SQL[] = [];
  if (filters.exemptionStatus === 'none') onRegistration.push(sql`(${registrations.exemptionStatus} is null or ${registrations.exemptionStatus} = 'none')`);
  else if (filters.exemptionStatus) onRegistration.push(eq(registrations.exemptionStatus, filters.exemptionStatus), sql`${registrations.cycleId} = ${enrolments.cycleId}`);
  return {
    conditions: [...conditions, ...onPhysician, ...onRegistration],
    physicians: onPhysician.length > 0,
    registrations: onRegistration.length > 0,
    selective: Boolean(filters.name || idNumber),
  };
}

/** The ids of the matching enrolments, with only the joins the filter needs. */
function matchingIds(db: Database, where: ProgressWhere) {
  let query = db.select({ id: enrolments.id }).from(enrolments).$dynamic();
  if (where.physicians) query = query.innerJoin(physicians, eq(physicians.id, enrolments.physicianId));
  if (where.registrations) query = query.leftJoin(registrations, eq(registrations.enrolmentId, enrolments.id));
  return query.where(and(...where.conditions));
}

export interface ProgressRow {
  enrolmentId: number;
  physicianId: number;
  institutionId: number;
  institutionName: string;
  departmentName: string | null;
  name: string;
  birthDate: string | null;
  idNumberMasked: string;
  practiceCategory: PracticeCategory;
  physicianLevel: PhysicianLevel | null;
  procedure: ProgressProcedure;
  status: ProgressStatus;
  exemptionStatus: ExemptionStatus;
  result: ProgressResult;
  submitted: boolean;
}

/** The row of each enrolment: physician, institution, department and registration joined. */
function selectRows(db: Database) {
  return db
    .select({
      enrolmentId: enrolments.id,
      physicianId: enrolments.physicianId,
      institutionId: enrolments.institutionId,
      institutionName: institutions.name,
      departmentName: departments.name,
      name: physicians.name,
      birthDate: physicians.birthDate,
      idNumberMasked: physicians.idNumberMasked,
      practiceCategory: sql<PracticeCategory>`${physicians.practiceCategory}`,
      physicianLevel: sql<PhysicianLevel | null>`${physicians.physicianLevel}`,
      procedure: sql<ProgressProcedure>`coalesce(${enrolments.procedure}, 'none')`,
      status: sql<ProgressStatus>`${enrolments.status}`,
      exemptionStatus: exemptionSql,
      result: sql<ProgressResult>`coalesce(${enrolments.result}, 'none')`,
      submitted: sql<boolean>`${registrations.submittedAt} is not null`,
    })
    .from(enrolments)
    .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
    .innerJoin(institutions, eq(institutions.id, enrolments.institutionId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .leftJoin(registrations, eq(registrations.enrolmentId, enrolments.id));
}

/**
 * One page, newest enrolment first, and the number of rows the filter matches (up to `countCap` when given). The
 * page's ids are cut from the filtered enrolments first; the other joins then run for those rows only.
 *
 * A whole province's list walks the primary key backwards and stops at the page, checking each enrolment (and its
 * physician or registration when the filter asks) as it passes: with a broad filter (考核状态, 执业类别, 免考状态 …)
 * a page comes after a few hundred rows, where joining every match first and sorting took 2–3 times as long.
 * Anything else sorts by an expression no index provides, so that PostgreSQL reads the rows the filter selects and
 * sorts those: a narrower scope (an institution, an assessor's institutions, a city) through
 * `enrolments_institution_status_idx` — ids follow the order in which institutions enrolled their physicians, so
 * walking the key for one institution could read the whole table before it finds a page (120 ms for the
 * 400k-physician province's flagship, against 2 ms) —, and a province searched by 姓名 or 证件号码 from the few
 * enrolments or physicians it matches (the GIN index of the enrolments' name characters; walking the key looked up
 * the physician of 160k enrolments: 550 → 250 ms).
 */
export async function progressPage(
  db: Database,
  where: ProgressWhere,
  page: { page: number; pageSize: number; wholeProvince: boolean },
  countCap?: number,
): Promise<{ rows: ProgressRow[]; total: number; totalCapped: boolean }> {
  const walkIdIndex = page.wholeProvince && !where.selective;
  const pageIds = matchingIds(db, where)
    .orderBy(walkIdIndex ? desc(enrolments.id) : sql`${enrolments.id} + 0 desc`)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const matching = matchingIds(db, where);
  // Counting a whole province exactly costs more than the page itself; past the cap a lower bound serves.
  const counting = countCap
    ? db.select({ total: count() }).from(matching.limit(countCap + 1).as('capped'))
    : db.select({ total: count() }).from(matching.as('all_rows'));
  const [rows, [{ total }]] = await Promise.all([
    selectRows(db).where(inArray(enrolments.id, pageIds)).orderBy(desc(enrolments.id)) as Promise<ProgressRow[]>,
    counting,
  ]);
  const totalCapped = countCap !== undefined && total > countCap;
  return { rows, total: totalCapped ? countCap : total, totalCapped };
}

/**
 * Every row the filter matches, `batchSize` at a time by keyset on the enrolment id: an export never holds the table.
 * A whole province's batches walk the primary key (one pass over the cycle's enrolments for the whole export, whatever
 * the filter); a narrower scope's rows are read through its index and sorted, batch by batch.
 */
export async function* allProgressRows(db: Database, where: ProgressWhere, walkIdIndex: boolean, batchSize = 2000): AsyncGenerator<ProgressRow[]> {
  let after = 0;
  for (;;) {
    const batch = (await selectRows(db)
      .where(and(...where.conditions, gt(enrolments.id, after)))
      .orderBy(walkIdIndex ? asc(enrolments.id) : sql`${enrolments.id} + 0`)
      .limit(batchSize)) as ProgressRow[];
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].enrolmentId;
  }
}

/** Physicians of the scope whose 证件号码 ends with the same four characters (the keyed tail index), with their ciphers. */
export async function tailCandidates(db: Database, scope: SQL[], tailHash: string, limit = 5000) {
  return db
    .select({ id: physicians.id, cipher: physicians.idNumberCipher })
    .from(enrolments)
    .innerJoin(physicians, eq(physicians.id, enrolments.physicianId))
    .where(and(...scope, eq(physicians.idNumberTailHash, tailHash)))
    .limit(limit);
}

export interface SummaryGroup {
  status: ProgressStatus;
  procedure: ProgressProcedure;
  result: ProgressResult;
  practiceCategory: PracticeCategory;
  count: number;
}

/**
 * 考核情况综合查询: the scope's enrolments counted by 考核状态 × 考核程序 × 考核结果 × 执业类别 in one aggregate (at
 * most a few hundred groups); the service folds them into the four breakdowns. The 执业类别 is the enrolment's copy, so
 * a province is one pass over its enrolments (joining the physicians for it took 0.5–2 s). Grouped on the bare
 * columns, in the order of `enrolments_summary_idx`: a province is then counted from that index alone, group after
 * group as it is read (grouping on `coalesce(…)` hashed every row of the table: 2.5× the time).
 */
export async function summaryGroups(db: Database, scope: SQL[]): Promise<SummaryGroup[]> {
  const columns = [enrolments.status, enrolments.procedure, enrolments.result, enrolments.practiceCategory] as const;
  const rows = await db
    .select({ status: columns[0], procedure: columns[1], result: columns[2], practiceCategory: columns[3], count: count() })
    .from(enrolments)
    .where(and(...scope))
    .groupBy(...columns);
  return rows.map((r) => ({
    status: r.status as ProgressStatus,
    procedure: (r.procedure ?? 'none') as ProgressProcedure,
    result: (r.result ?? 'none') as ProgressResult,
    practiceCategory: r.practiceCategory as PracticeCategory,
    count: r.count,
  }));
}

/** Up to `limit` institutions of the scope, by name (the 卫生机构 / 机构 picker). */
export async function scopeInstitutions(db: Database, cycleId: number | null, scope: ProgressScope, name: string | undefined, limit = 20) {
  const conditions: SQL[] = [];
  if ('institutionId' in scope) conditions.push(eq(institutions.id, scope.institutionId));
  else if ('assessorId' in scope) {
    conditions.push(
      inArray(
        institutions.id,
        sql`(select ${assessorAssignments.institutionId} from ${assessorAssignments} where ${assessorAssignments.cycleId} = ${cycleId ?? 0} and ${assessorAssignments.assignedAssessorId} = ${scope.assessorId})`,
      ),
    );
  } else conditions.push(like(institutions.regionCode, `${regionPrefix(scope.regionCode)}%`));
  if (name) conditions.push(sql`${institutions.name} like ${`%${escapeLike(name)}%`}`);
  return db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(...conditions))
    .orderBy(asc(institutions.name), asc(institutions.id))
    .limit(limit);
}
