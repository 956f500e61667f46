// Pieces the 考核机构 use cases share: jurisdiction and name filters, the institution's account, paging.
import { and, eq, ilike, like, type SQL } from 'drizzle-orm';
import { regionPath, regionPrefix } from '../../../common/regions.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { accounts, institutions } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/sql.js';
import { AppError } from '../../lib/errors.js';
import { currentCycle, type CycleRow } from '../cycles/service.js';

export interface Paging {
  page: number;
  pageSize: number;
}

export const offsetOf = ({ page, pageSize }: Paging) => (page - 1) * pageSize;

/** Institutions of the actor's jurisdiction, narrowed to a 区划 and a name when given. */
export function institutionFilters(actor: Actor, filters: { regionCode?: string; name?: string }): SQL[] {
  const where: SQL[] = [like(institutions.regionCode, `${regionPrefix(actor.regionCode)}%`)];
  if (filters.regionCode) where.push(like(institutions.regionCode, `${regionPrefix(filters.regionCode)}%`));
  if (filters.name) where.push(ilike(institutions.name, `%${escapeLike(filters.name)}%`));
  return where;
}


/** Join condition for an institution's own login account (机构账号). */
export const institutionAccount = and(eq(accounts.institutionId, institutions.id), eq(accounts.kind, 'institution'));

export const regionNameOf = (code: string) => regionPath(code).join(' ');

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The province's current cycle, or a 409 that says there is none. */
export async function requireCurrentCycle(db: Database, provinceCode: string): Promise<CycleRow> {
  const cycle = await currentCycle(db, provinceCode);
  if (!cycle) throw new AppError(409, 'NO_CURRENT_CYCLE', '当前没有进行中的考核周期');
  return cycle;
}
