// Set-based bulk insert: one `INSERT … SELECT FROM unnest(…)` per batch, whatever the row count.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from './client.js';
import type { PgArrayLiteral } from './pg-array.js';

export type PgArrayType = 'text' | 'int4' | 'date' | 'bool' | 'timestamptz' | 'jsonb';

export interface BulkColumn {
  name: string;
  type: PgArrayType;
  /** The values, or their array literal made beforehand (`pgArrayLiteral`). */
  values: readonly unknown[] | PgArrayLiteral;
}

const paramOf = (values: BulkColumn['values']) => ('literal' in values ? values.literal : values);

export interface BulkOptions {
  /** Columns to return, e.g. `id`. */
  returning?: string;
  /** Skip rows that collide with a unique key instead of failing; a column list (`id_number_hash`) names the one key. */
  onConflictDoNothing?: boolean | string;
}

/** Inserts the columns' values by row position; returns the rows of `returning` if given. */
export async function insertUnnest<T = Record<string, unknown>>(
  db: Database | Tx,
  table: string,
  columns: BulkColumn[],
  options: BulkOptions = {},
): Promise<T[]> {
  const length = columns[0]?.values.length ?? 0;
  if (length === 0) return [];
  if (columns.some((c) => c.values.length !== length)) throw new Error('insertUnnest: columns differ in length');
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(paramOf(c.values))}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const target = typeof options.onConflictDoNothing === 'string' ? ` (${options.onConflictDoNothing})` : '';
  const conflict: SQL = options.onConflictDoNothing ? sql.raw(` on conflict${target} do nothing`) : sql``;
  const returning: SQL = options.returning ? sql` returning ${sql.raw(options.returning)}` : sql``;
  const result = await db.execute(
    sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from unnest(${arrays})${conflict}${returning}`,
  );
  return (result as unknown as { rows: T[] }).rows;
}

/** Rows written at once from which the planner's statistics are refreshed at once. */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * Refreshes the planner's statistics after a bulk write. PGlite runs no autovacuum, so without this its
 * tables stay "never analysed" and the planner takes 50,000 rows for one; PostgreSQL's autovacuum would get
 * there later. A failure only leaves the old statistics.
 */
export async function refreshStatistics(db: Database, tables: string[], rows: number): Promise<void> {
  if (rows < ANALYZE_AFTER_ROWS) return;
  await db.execute(sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`)).catch(() => undefined);
}
