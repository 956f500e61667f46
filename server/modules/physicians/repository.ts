// Queries of the 医师列表: one row per physician on a roster with their enrolment in the current cycle;
// filters, sorting and paging happen in the database, on the partial roster indexes.
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import dayjs from 'dayjs';
import type { EnrolmentStatus, PhysicianLevel, PracticeCategory } from '../../../common/enums.js';
import { regionPrefix } from '../../../common/regions.js';
import type { RosterFilters, RosterSortField, RosterTab } from '../../../common/schemas/physician.js';
import type { Database, Tx } from '../../db/client.js';
import { cycles, departments, enrolments, institutions, physicians } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/sql.js';

/** Whose roster: one institution, or every institution of a jurisdiction. */
export type RosterScope = { institutionId: number } | { regionCode: string };

/** No cycle has id 0: without a current cycle nobody is enrolled. */
const cycleOrNone = (cycleId: number | null) => cycleId ?? 0;

/** Which enrolment a roster row shows: the current cycle's; `oneInstitution` when the list is one institution's. */
export interface CurrentEnrolment {
  cycleId: number | null;
  oneInstitution: boolean;
}

/**
 * The current cycle's enrolment of a roster row. It always carries the physician's current institution (参加
 * writes it, 调入 moves it). For one institution's list, saying so lets PostgreSQL reach it through
 * (cycle, institution, status); across a province the extra condition makes it misjudge the join, so not there.
 */
export const currentEnrolmentJoin = ({ cycleId, oneInstitution }: CurrentEnrolment) =>
  and(
    eq(enrolments.cycleId, cycleOrNone(cycleId)),
    oneInstitution ? eq(enrolments.institutionId, physicians.institutionId) : undefined,
    eq(enrolments.physicianId, physicians.id),
  );


export const statusSql = sql<EnrolmentStatus>`coalesce(${enrolments.status}, 'NOT_ENROLLED')`;

/** Enrolled in some cycle at some time (a cancelled enrolment keeps its reason): such a physician cannot be deleted. */
// Qualified by hand: in a single-table select drizzle writes columns unqualified, and a bare "id" would bind to the subquery's table.
export const everEnrolledSql = sql<boolean>`exists (select 1 from ${enrolments} ever where ever.physician_id = "physicians"."id" and (ever.status <> 'NOT_ENROLLED' or ever.cancel_reason is not null))`;

export function scopeCondition(scope: RosterScope): SQL {
  if ('institutionId' in scope) return eq(physicians.institutionId, scope.institutionId);
  return inArray(
    physicians.institutionId,
    sql`(select ${institutions.id} from ${institutions} where ${institutions.regionCode} like ${`${regionPrefix(scope.regionCode)}%`})`,
  );
}

/**
 * The current cycle of a roster, and whether it is the newest cycle with a confirmed enrolment: no cycle created after
 * it has one (see tabCondition). A later cycle without enrolments (an earlier 年度 entered afterwards) does not count.
 */
export interface RosterCycle {
  id: number;
  newest: boolean;
}

export async function rosterCycle(db: Database | Tx, provinceCode: string): Promise<RosterCycle | null> {
  const [row] = await db
    // Qualified by hand, as everEnrolledSql: drizzle writes a single-table select's columns unqualified.
    .select({
      id: cycles.id,
      later: sql<number[]>`array(select later.id from ${cycles} later where later.province_code = "cycles"."province_code" and later.id > "cycles"."id")`,
    })
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), eq(cycles.isCurrent, true)))
    .limit(1);
  if (!row) return null;
  // Usually there is no later cycle, and the enrolments are not asked. Asked in one statement with the cycles, the
  // planner scanned all of them for a later cycle that did not exist (30–170 ms on every 医师列表 request at 400k).
  if (row.later.length === 0) return { id: row.id, newest: true };
  const [{ taken }] = (
    (await db.execute(
      sql`select exists (select 1 from ${enrolments} where ${enrolments.cycleId} = any(${sql.param(row.later)}::int4[]) and ${enrolments.status} <> 'NOT_ENROLLED') as taken`,
    )) as unknown as { rows: { taken: boolean }[] }
  ).rows;
  return { id: row.id, newest: !taken };
}

/**
 * 已确认参加 / 未确认参加. While no later cycle has a confirmed enrolment, a physician is confirmed in the current
 * one exactly when their latest confirmed cycle (physicians.latest_confirmed_cycle_id, kept by triggers on enrolments)
 * is it, so the tab is one more column of physicians_roster_cover_idx and a jurisdiction's filtered list does not
 * merge its matches with the cycle's 276k enrolments (bench/README, 2026-12-05). Once a later cycle has one (an older
 * cycle made current again) the enrolments decide, as a merge anti-join or semi-join that stops at the count's cap.
 * Without a current cycle nobody is confirmed.
 */
function tabCondition(tab: RosterTab, cycle: RosterCycle | null): SQL {
  const cycleId = cycleOrNone(cycle?.id ?? null);
  if (!cycle || cycle.newest) {
    return tab === 'confirmed'
      ? sql`${physicians.latestConfirmedCycleId} = ${cycleId}`
      : sql`${physicians.latestConfirmedCycleId} is distinct from ${cycleId}`;
  }
  const taken = sql`exists (select 1 from ${enrolments} taken where taken.cycle_id = ${cycleId} and taken.physician_id = "physicians"."id" and taken.status <> 'NOT_ENROLLED')`;
  return tab === 'confirmed' ? taken : sql`not ${taken}`;
}

/**
 * The conditions of a roster filter in the current cycle (null without one). `idNumber` is what the
 * service resolved the 证件号码 filter to (the blind index cannot be queried with a partial number directly).
 */
export function rosterConditions(
  scope: RosterScope,
  cycle: RosterCycle | null,
  filters: Partial<Omit<RosterFilters, 'idNumber'>> & { tab: RosterTab },
  idNumber?: SQL,
): SQL[] {
  // 隐藏 (医师暂存) physicians are off the list to assess until the institution 取消隐藏.
  const conditions: SQL[] = [scopeCondition(scope), isNull(physicians.transferredOutAt), isNull(physicians.hiddenAt), tabCondition(filters.tab, cycle)];
  if (filters.institutionId) conditions.push(eq(physicians.institutionId, filters.institutionId));
  return [...conditions, ...physicianConditions(filters, idNumber, 'institutionId' in scope || Boolean(filters.institutionId))];
}

/** The filters on the physician's own fields, shared by 医师列表, the 审核 lists and 考核进度. */
export interface PhysicianFilters {
  departmentId?: number;
  name?: string;
  ageMin?: number;
  ageMax?: number;
  firstRegistrationFrom?: string;
  firstRegistrationTo?: string;
  practiceCategory?: string;
  physicianLevel?: string;
}

/**
 * 姓名 「contains」: the GIN index on the name's characters finds the names holding all of them (a search of 1–2
 * characters across a province reads a few thousand rows, not 400k), the LIKE keeps those with them in order.
 * Within one institution (or an assessor's institutions) only the LIKE: offered the index, PostgreSQL fetched the
 * province's 2,563 physicians named 康 to keep the 31 of one hospital (580 ms), where checking the hospital's 5,000
 * took 89 ms (both on a busy machine). The columns are the physician's, or an enrolment's copy of them (考核进度).
 */
export function nameContains(name: string, narrow: boolean, columns: { name: AnyPgColumn; chars: AnyPgColumn } = { name: physicians.name, chars: physicians.nameChars }): SQL[] {
  const like = sql`${columns.name} like ${`%${escapeLike(name)}%`}`;
  return narrow ? [like] : [sql`${columns.chars} @> ${sql.param([...new Set(name)])}::text[]`, like];
}

/** 年龄 from–to as bounds on a birth date (the physician's, or an enrolment's copy), so an index on the date serves them. */
export function birthDateBounds(column: AnyPgColumn, ageMin?: number, ageMax?: number): SQL[] {
  const today = dayjs();
  const bounds: SQL[] = [];
  if (ageMin !== undefined) bounds.push(sql`${column} <= ${today.subtract(ageMin, 'year').format('YYYY-MM-DD')}`);
  if (ageMax !== undefined) bounds.push(sql`${column} > ${today.subtract(ageMax + 1, 'year').format('YYYY-MM-DD')}`);
  return bounds;
}

/**
 * Conditions on `physicians` for the filters given. `idNumber` is what the service resolved the 证件号码 filter to
 * (the blind index cannot be queried with a partial number directly). `narrow`: the scope is one institution or an
 * assessor's institutions (see nameContains).
 */
export function physicianConditions(filters: PhysicianFilters, idNumber?: SQL, narrow = false): SQL[] {
  const conditions: SQL[] = [];
  if (filters.departmentId) conditions.push(eq(physicians.departmentId, filters.departmentId));
  if (filters.name) conditions.push(...nameContains(filters.name, narrow));
  if (idNumber) conditions.push(idNumber);
  // The (institution, birth_date) index serves the ages' bounds.
  conditions.push(...birthDateBounds(physicians.birthDate, filters.ageMin, filters.ageMax));
  if (filters.firstRegistrationFrom) conditions.push(sql`${physicians.firstRegistrationDate} >= ${filters.firstRegistrationFrom}`);
  if (filters.firstRegistrationTo) conditions.push(sql`${physicians.firstRegistrationDate} <= ${filters.firstRegistrationTo}`);
  if (filters.practiceCategory) conditions.push(eq(physicians.practiceCategory, filters.practiceCategory));
  if (filters.physicianLevel) conditions.push(eq(physicians.physicianLevel, filters.physicianLevel));
  return conditions;
}

export interface RosterRow {
  id: number;
  institutionId: number;
  institutionName: string;
  departmentName: string | null;
  name: string;
  birthDate: string | null;
  idNumberMasked: string;
  practiceCategory: PracticeCategory;
  physicianLevel: PhysicianLevel | null;
  licenseDate: string | null;
  firstRegistrationDate: string | null;
  enrolmentStatus: EnrolmentStatus;
  cancelReason: string | null;
  everEnrolled: boolean;
}

function selectRows(db: Database | Tx, current: CurrentEnrolment) {
  return db
    .select({
      id: physicians.id,
      institutionId: physicians.institutionId,
      institutionName: institutions.name,
      departmentName: departments.name,
      name: physicians.name,
      birthDate: physicians.birthDate,
      idNumberMasked: physicians.idNumberMasked,
      practiceCategory: sql<PracticeCategory>`${physicians.practiceCategory}`,
      physicianLevel: sql<PhysicianLevel | null>`${physicians.physicianLevel}`,
      licenseDate: physicians.licenseDate,
      firstRegistrationDate: physicians.firstRegistrationDate,
      enrolmentStatus: statusSql,
      cancelReason: enrolments.cancelReason,
      everEnrolled: everEnrolledSql,
    })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .leftJoin(enrolments, currentEnrolmentJoin(current));
}

const sortColumns: Record<RosterSortField, SQL | AnyPgColumn> = {
  name: physicians.name,
  // Not used directly: age ascending is birth date descending (see rosterPage).
  age: physicians.birthDate,
  licenseDate: physicians.licenseDate,
  firstRegistrationDate: physicians.firstRegistrationDate,
};

/**
 * The same order as an expression no index provides. The province-wide sort indexes serve a whole
 * jurisdiction's list; with a filter (or inside one institution) walking them and checking each row costs
 * far more than sorting the few matching rows, which PostgreSQL may not foresee — so it is not offered them.
 */
const unindexedSort: Record<RosterSortField, SQL | AnyPgColumn> = {
  name: sql`(${physicians.name} || '')`,
  age: sql`(${physicians.birthDate} + 0)`,
  licenseDate: sql`(${physicians.licenseDate} + 0)`,
  firstRegistrationDate: sql`(${physicians.firstRegistrationDate} + 0)`,
};

export async function rosterPage(
  db: Database,
  where: SQL[],
  current: CurrentEnrolment,
  page: { page: number; pageSize: number; sortField?: RosterSortField; sortOrder?: 'ascend' | 'descend'; walkSortIndex?: boolean },
  countCap?: number,
): Promise<{ rows: RosterRow[]; total: number; totalCapped: boolean }> {
  const direction = page.sortOrder === 'ascend' ? asc : desc;
  const columns = page.walkSortIndex ? sortColumns : unindexedSort;
  let order: SQL[];
  if (page.sortField === 'age') order = [page.sortOrder === 'ascend' ? desc(columns.age) : asc(columns.age), asc(physicians.id)];
  else order = page.sortField ? [direction(columns[page.sortField]), asc(physicians.id)] : [desc(physicians.id)];
  const counted = db
    .select({ id: physicians.id })
    .from(physicians)
    .where(and(...where));
  // Counting a whole province exactly costs more than the page itself; past the cap a lower bound serves.
  const counting = countCap
    ? db.select({ total: count() }).from(counted.limit(countCap + 1).as('capped'))
    : db.select({ total: count() }).from(counted.as('all_rows'));
  // The page's ids first, from physicians and enrolments only; the other joins then run for those rows alone,
  // not for every row the sort must see (a province sorted by name: 900 → 200 ms).
  const pageIds = db
    .select({ id: physicians.id })
    .from(physicians)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [rows, [{ total }]] = await Promise.all([
    selectRows(db, current)
      .where(inArray(physicians.id, pageIds))
      .orderBy(...order) as Promise<RosterRow[]>,
    counting,
  ]);
  const totalCapped = countCap !== undefined && total > countCap;
  return { rows, total: totalCapped ? countCap : total, totalCapped };
}

/** Every row the filter matches, `batchSize` at a time by keyset on id: an export never holds the table. */
export async function* allRosterRows(db: Database, where: SQL[], current: CurrentEnrolment, batchSize = 2000): AsyncGenerator<RosterRow[]> {
  let after = 0;
  for (;;) {
    const batch = (await selectRows(db, current)
      .where(and(...where, gt(physicians.id, after)))
      .orderBy(asc(physicians.id))
      .limit(batchSize)) as RosterRow[];
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}

/** Ids in scope whose 证件号码 ends with the same four characters (the keyed tail index), with their ciphers. */
export async function tailCandidates(db: Database, scope: RosterScope, tailHash: string, limit = 5000) {
  return db
    .select({ id: physicians.id, cipher: physicians.idNumberCipher })
    .from(physicians)
    .where(and(scopeCondition(scope), eq(physicians.idNumberTailHash, tailHash), isNull(physicians.transferredOutAt)))
    .limit(limit);
}
