// Queries of 考核周期 management.
import { and, count, desc, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { cycles, regions } from '../../db/schema/index.js';
import type { CycleRow } from './service.js';

export async function pageOfCycles(db: Database, provinceCode: string, filter: { name?: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [eq(cycles.provinceCode, provinceCode)];
  if (filter.name) conditions.push(ilike(cycles.name, `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(cycles)
      .where(where)
      .orderBy(desc(cycles.startDate), desc(cycles.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(cycles).where(where),
  ]);
  return { rows, total };
}

export async function cycleInProvince(db: Database | Tx, id: number, provinceCode: string, lock = false): Promise<CycleRow | null> {
  const query = db.select().from(cycles).where(and(eq(cycles.id, id), eq(cycles.provinceCode, provinceCode)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Serialises the province's cycle writes (name uniqueness, the one current cycle) on its region row. */
export async function lockProvince(tx: Tx, provinceCode: string): Promise<void> {
  await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, provinceCode)).for('update');
}

export async function nameTaken(tx: Tx, provinceCode: string, name: string, exceptId?: number): Promise<boolean> {
  const conditions: SQL[] = [eq(cycles.provinceCode, provinceCode), sql`lower(${cycles.name}) = lower(${name})`];
  if (exceptId !== undefined) conditions.push(ne(cycles.id, exceptId));
  const [row] = await tx.select({ id: cycles.id }).from(cycles).where(and(...conditions)).limit(1);
  return Boolean(row);
}

/** Clears the province's current cycle other than `exceptId`; returns the cycles it cleared. */
export async function unsetOtherCurrent(tx: Tx, provinceCode: string, exceptId?: number): Promise<{ id: number; name: string }[]> {
  const conditions: SQL[] = [eq(cycles.provinceCode, provinceCode), eq(cycles.isCurrent, true)];
  if (exceptId !== undefined) conditions.push(ne(cycles.id, exceptId));
  return tx
    .update(cycles)
    .set({ isCurrent: false, updatedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: cycles.id, name: cycles.name });
}
