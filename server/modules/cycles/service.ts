// The current 考核周期 of a province and its schedule.
import { and, eq } from 'drizzle-orm';
import { scheduleWindows } from '../../../common/schedule.js';
import type { CycleSummary } from '../../../common/schemas/home.js';
import type { Database } from '../../db/client.js';
import { assessors, cycles } from '../../db/schema/index.js';

export async function currentCycle(db: Database, provinceCode: string) {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), eq(cycles.isCurrent, true)))
    .limit(1);
  return row ?? null;
}

export type CycleRow = NonNullable<Awaited<ReturnType<typeof currentCycle>>>;

export function cycleSummary(cycle: CycleRow): CycleSummary {
  return {
    id: cycle.id,
    name: cycle.name,
    startDate: cycle.startDate,
    endDate: cycle.endDate,
    windows: scheduleWindows(cycle),
  };
}

/** Whether an institution is an approved 考核机构 in its province's current cycle. */
export async function isAssessorInCurrentCycle(db: Database, institutionId: number, provinceCode: string): Promise<boolean> {
  const cycle = await currentCycle(db, provinceCode);
  if (!cycle) return false;
  const [row] = await db
    .select({ id: assessors.institutionId })
    .from(assessors)
    .where(and(eq(assessors.cycleId, cycle.id), eq(assessors.institutionId, institutionId)));
  return Boolean(row);
}
