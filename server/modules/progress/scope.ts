// Whose enrolments a 进度管理 list reads (考核进度, 考核情况综合查询, 测评进度): an institution its own, an assessor those of
// the institutions assigned to it in the current cycle, an authority its jurisdiction — narrowed by the 机构 and 区划
// filters, which answer 404 outside the actor's own scope. And the 证件号码 filter of those lists.
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { normalizeResidentId } from '../../../common/id-number.js';
import { regionWithin } from '../../../common/regions.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { physicians, regions } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import { ID_TAIL_LENGTH } from '../../lib/pii.js';
import { tailCandidates, type ProgressScope } from './repository.js';

export interface ProgressDeps {
  db: Database;
  pii: Pii;
}

export const progressRoles = ['institution', 'assessor', 'authority'] as const;

/** The actor's own scope: its institution, its assigned institutions, or its jurisdiction. */
export function ownScope(actor: Actor): ProgressScope {
  if (actor.role === 'institution') return { institutionId: actor.orgId };
  if (actor.role === 'assessor') return { assessorId: actor.orgId };
  return { regionCode: actor.regionCode };
}

/**
 * The scope narrowed by the 机构 and 区划 filters. A 机构 the actor may not see, or a 区划 outside an authority's
 * jurisdiction, answers 404 (other tenants are not revealed); 区划 is the authority's filter only.
 * 考核统计 checks its drill-down with it too.
 */
export async function scopeOf(db: Database, actor: Actor, filters: { institutionId?: number; regionCode?: string }): Promise<ProgressScope> {
  requireRole(actor, progressRoles);
  if (filters.institutionId) {
    if (actor.role === 'assessor' && filters.institutionId === actor.orgId) throw notFound('未找到该卫生机构');
    await requireAccess(db, actor, 'institution.read', [filters.institutionId]);
  }
  if (filters.regionCode && actor.role === 'authority') {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, filters.regionCode));
    if (!region || !regionWithin(filters.regionCode, actor.regionCode)) throw notFound('未找到该区划，或该区划不在本辖区内');
    return { regionCode: filters.regionCode };
  }
  return ownScope(actor);
}

/**
 * The 证件号码 filter as a condition: a full 身份证 (15 or 18 digits) by the blind index; otherwise the last four
 * characters by the keyed tail index, and a longer tail checked against the decrypted numbers of those few.
 */
export async function idNumberCondition(deps: ProgressDeps, scope: SQL[], raw: string | undefined): Promise<SQL | undefined> {
  if (!raw) return undefined;
  const full = normalizeResidentId(raw);
  if (full.ok) return eq(physicians.idNumberHash, deps.pii.idNumberHash(full.value));
  const tail = raw.trim().toUpperCase();
  if (tail.length === ID_TAIL_LENGTH) return eq(physicians.idNumberTailHash, deps.pii.idNumberTailHash(tail));
  const candidates = await tailCandidates(deps.db, scope, deps.pii.idNumberTailHash(tail));
  const ids = candidates.filter((c) => deps.pii.decrypt(c.cipher).endsWith(tail)).map((c) => c.id);
  return ids.length > 0 ? inArray(physicians.id, ids) : sql`false`;
}
