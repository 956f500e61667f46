// 科室 queries: one institution's departments, and whether physicians belong to one.
import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import type { DepartmentStatus } from '../../../common/enums.js';
import type { Database, Tx } from '../../db/client.js';
import { departments, physicians } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/sql.js';

export type DepartmentRow = typeof departments.$inferSelect;


export interface DepartmentFilter {
  name?: string;
  status?: DepartmentStatus;
}

function listWhere(institutionId: number, filter: DepartmentFilter): SQL | undefined {
  const conditions: SQL[] = [eq(departments.institutionId, institutionId)];
  if (filter.name) conditions.push(ilike(departments.name, `%${escapeLike(filter.name)}%`));
  if (filter.status) conditions.push(eq(departments.status, filter.status));
  return and(...conditions);
}

export async function listDepartments(db: Database, institutionId: number, filter: DepartmentFilter, page: number, pageSize: number) {
  const where = listWhere(institutionId, filter);
  const [{ total }] = await db.select({ total: count() }).from(departments).where(where);
  const rows = await db
    .select()
    .from(departments)
    .where(where)
    .orderBy(asc(departments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total };
}

export async function enabledDepartments(db: Database, institutionId: number): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(departments)
    .where(and(eq(departments.institutionId, institutionId), eq(departments.status, 'enabled')))
    .orderBy(asc(departments.id));
}

/** Another department of the institution already has this name. */
export async function nameTaken(db: Database | Tx, institutionId: number, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.institutionId, institutionId), eq(departments.name, name)));
  return rows.some((r) => r.id !== exceptId);
}

/**
 * Whether any physician belongs to the department. Physicians of a department are physicians of its
 * institution, so the institution's index narrows the search.
 */
export async function hasPhysicians(db: Database | Tx, institutionId: number, departmentId: number): Promise<boolean> {
  const rows = await db
    .select({ id: physicians.id })
    .from(physicians)
    .where(and(eq(physicians.institutionId, institutionId), eq(physicians.departmentId, departmentId)))
    .limit(1);
  return rows.length > 0;
}

/** Postgres error codes, through drizzle's wrapper (the driver's error is the `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
