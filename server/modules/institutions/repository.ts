// Queries of 机构账号 and 本机构信息: one row per institution with its account, authority, region names and
// its 考核机构 facts for the current cycle; filters, sorting and paging happen in the database.
import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { InstitutionGrade, InstitutionLevel, InstitutionType } from '../../../common/enums.js';
import { regionPrefix } from '../../../common/regions.js';
import type { AccountStatus, InstitutionFilters, InstitutionSortField } from '../../../common/schemas/institution.js';
import type { Database, Tx } from '../../db/client.js';
import { accounts, assessorAssignments, assessors, authorities, institutions, regions } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/sql.js';

const assignedAssessor = alias(institutions, 'assigned_assessor');
const region = alias(regions, 'region');
const regionParent = alias(regions, 'region_parent');
const regionTop = alias(regions, 'region_top');

/** No cycle has id 0: without a current cycle nobody is 考核机构 and nothing is assigned. */
const cycleOrNone = (cycleId: number | null) => cycleId ?? 0;

const isAssessorSql = (cycleId: number | null) =>
  sql<boolean>`exists (select 1 from ${assessors} where ${assessors.cycleId} = ${cycleOrNone(cycleId)} and ${assessors.institutionId} = ${institutions.id})`;

const accountStatusSql = sql<AccountStatus>`case when ${accounts.disabled} then 'disabled' when ${accounts.lockedUntil} > now() then 'locked' else 'normal' end`;

/** `%` and `_` typed by a user are matched literally. */

export const withinPrefix = (code: string) => sql`${institutions.regionCode} like ${`${regionPrefix(code)}%`}`;

/** The conditions of a filter, always inside the jurisdiction of `jurisdictionCode`. */
export function filterConditions(jurisdictionCode: string, cycleId: number | null, filters: InstitutionFilters): SQL[] {
  const conditions: SQL[] = [withinPrefix(jurisdictionCode)];
  if (filters.regionCode) conditions.push(withinPrefix(filters.regionCode));
  if (filters.name) conditions.push(sql`${institutions.name} ilike ${`%${escapeLike(filters.name)}%`}`);
  if (filters.type) conditions.push(eq(institutions.type, filters.type));
  if (filters.level) conditions.push(eq(institutions.level, filters.level));
  if (filters.isAssessor) conditions.push(filters.isAssessor === 'yes' ? isAssessorSql(cycleId) : sql`not ${isAssessorSql(cycleId)}`);
  if (filters.hasAssessor) {
    conditions.push(filters.hasAssessor === 'yes' ? sql`${assessorAssignments.institutionId} is not null` : sql`${assessorAssignments.institutionId} is null`);
  }
  if (filters.accountStatus) conditions.push(sql`(${accountStatusSql}) = ${filters.accountStatus}`);
  return conditions;
}

export interface InstitutionRow {
  id: number;
  name: string;
  authorityId: number;
  authorityName: string;
  authorityRegionCode: string;
  regionCode: string;
  regionName: string;
  street: string | null;
  type: InstitutionType;
  level: InstitutionLevel;
  grade: InstitutionGrade;
  bedCount: number;
  physicianTotal: number;
  licensedPhysicianCount: number;
  assistantPhysicianCount: number;
  legalRepresentative: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  mobile: string | null;
  accountId: number | null;
  account: string | null;
  accountStatus: AccountStatus;
  isAssessor: boolean;
  assignedAssessorName: string | null;
}

function selectRows(db: Database | Tx, cycleId: number | null) {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      authorityId: institutions.authorityId,
      authorityName: authorities.name,
      authorityRegionCode: authorities.regionCode,
      regionCode: institutions.regionCode,
      regionName: sql<string>`concat_ws(' ', ${regionTop.name}, ${regionParent.name}, ${region.name})`,
      street: institutions.street,
      type: institutions.type,
      level: institutions.level,
      grade: institutions.grade,
      bedCount: institutions.bedCount,
      physicianTotal: institutions.physicianTotal,
      licensedPhysicianCount: institutions.licensedPhysicianCount,
      assistantPhysicianCount: institutions.assistantPhysicianCount,
      legalRepresentative: institutions.legalRepresentative,
      contactPerson: institutions.contactPerson,
      contactPhone: institutions.contactPhone,
      mobile: institutions.mobile,
      accountId: accounts.id,
      account: accounts.loginName,
      accountStatus: accountStatusSql,
      isAssessor: isAssessorSql(cycleId),
      assignedAssessorName: assignedAssessor.name,
    })
    .from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.authorityId))
    .leftJoin(accounts, and(eq(accounts.institutionId, institutions.id), eq(accounts.kind, 'institution')))
    .leftJoin(region, eq(region.code, institutions.regionCode))
    .leftJoin(regionParent, eq(regionParent.code, region.parentCode))
    .leftJoin(regionTop, eq(regionTop.code, regionParent.parentCode))
    .leftJoin(assessorAssignments, and(eq(assessorAssignments.cycleId, cycleOrNone(cycleId)), eq(assessorAssignments.institutionId, institutions.id)))
    .leftJoin(assignedAssessor, eq(assignedAssessor.id, assessorAssignments.assignedAssessorId));
}

const sortColumns: Record<InstitutionSortField, SQL | AnyPgColumn> = {
  name: institutions.name,
  account: sql`lower(${accounts.loginName})`,
  regionCode: institutions.regionCode,
  createdAt: institutions.createdAt,
};

export async function listPage(
  db: Database,
  where: SQL[],
  cycleId: number | null,
  page: { page: number; pageSize: number; sortField?: InstitutionSortField; sortOrder?: 'ascend' | 'descend' },
): Promise<{ rows: InstitutionRow[]; total: number }> {
  const direction = page.sortOrder === 'ascend' ? asc : desc;
  const order = page.sortField ? [direction(sortColumns[page.sortField]), direction(institutions.id)] : [desc(institutions.id)];
  const rows = (await selectRows(db, cycleId)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)) as InstitutionRow[];
  const [{ total }] = await db
    .select({ total: count() })
    .from(institutions)
    .leftJoin(accounts, and(eq(accounts.institutionId, institutions.id), eq(accounts.kind, 'institution')))
    .leftJoin(assessorAssignments, and(eq(assessorAssignments.cycleId, cycleOrNone(cycleId)), eq(assessorAssignments.institutionId, institutions.id)))
    .where(and(...where));
  return { rows, total };
}

/** Every row the filter matches, `batchSize` at a time by keyset on id, so an export never loads the whole table. */
export async function* allRows(db: Database, where: SQL[], cycleId: number | null, batchSize = 1000): AsyncGenerator<InstitutionRow[]> {
  let after = 0;
  for (;;) {
    const batch = (await selectRows(db, cycleId)
      .where(and(...where, gt(institutions.id, after)))
      .orderBy(asc(institutions.id))
      .limit(batchSize)) as InstitutionRow[];
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}

export async function rowById(db: Database | Tx, id: number, cycleId: number | null): Promise<InstitutionRow | null> {
  const [row] = (await selectRows(db, cycleId).where(eq(institutions.id, id))) as InstitutionRow[];
  return row ?? null;
}

/** Which of the codes exist as regions. */
export async function existingRegionCodes(db: Database | Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(sql`${regions.code} = any(${sql.param(codes)}::varchar[])`);
  return new Set(rows.map((r) => r.code));
}

/** Which of the login names are taken (case-insensitively), lower-cased; uses the unique index on lower(login_name). */
export async function takenLoginNames(db: Database | Tx, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const lowered = names.map((n) => n.toLowerCase());
  const rows = await db
    .select({ name: sql<string>`lower(${accounts.loginName})` })
    .from(accounts)
    .where(sql`lower(${accounts.loginName}) = any(${sql.param(lowered)}::text[])`);
  return new Set(rows.map((r) => r.name));
}

/** `n` fresh institution ids from the table's own sequence, so accounts can be bulk-inserted next to them. */
export async function reserveInstitutionIds(tx: Tx, n: number): Promise<number[]> {
  const result = await tx.execute(sql`select nextval(pg_get_serial_sequence('institutions', 'id'))::int as id from generate_series(1, ${n})`);
  return (result as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
}
