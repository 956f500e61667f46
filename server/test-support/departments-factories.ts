// Factories for 科室 and 通知公告 tests.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { departments, notices, physicians } from '../db/schema/index.js';

let sequence = 0;

export async function buildDepartment(
  db: Database,
  input: { institutionId: number; name?: string; clinicalSubjects?: string[]; status?: 'enabled' | 'disabled' },
) {
  const [department] = await db
    .insert(departments)
    .values({
      institutionId: input.institutionId,
      name: input.name ?? `测试科室${++sequence}`,
      clinicalSubjects: input.clinicalSubjects ?? ['03.01'],
      status: input.status ?? 'enabled',
    })
    .returning();
  return department;
}

/** Puts a physician in a department. */
export async function assignDepartment(db: Database, physicianId: number, departmentId: number | null) {
  await db.update(physicians).set({ departmentId }).where(eq(physicians.id, physicianId));
}

export async function buildNotice(
  db: Database,
  input: { authorityId: number; category?: 'policy' | 'notice' | 'manual'; title?: string; publishedOn?: string; status?: 'draft' | 'published' },
) {
  const [notice] = await db
    .insert(notices)
    .values({
      authorityId: input.authorityId,
      category: input.category ?? 'notice',
      title: input.title ?? `测试通知${++sequence}`,
      publishedOn: input.publishedOn ?? '2026-01-15',
      status: input.status ?? 'draft',
    })
    .returning();
  return notice;
}
