// Which migrations of this build the database has not applied yet (for readiness): Drizzle applies, in
// journal order, every migration newer than the newest row of drizzle.__drizzle_migrations.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { migrationsFolder } from './client.js';

interface JournalEntry {
  tag: string;
  when: number;
}

const journal: JournalEntry[] = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')).entries;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function pendingMigrations(db: Database): Promise<string[]> {
  const [table] = rowsOf<{ exists: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`));
  let last = 0;
  if (table.exists) {
    const [row] = rowsOf<{ last: string }>(await db.execute(sql`select coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`));
    last = Number(row.last);
  }
  return journal.filter((entry) => entry.when > last).map((entry) => entry.tag);
}
