// 开通申请权限: the authority opens 申请考核机构 for chosen institutions of its jurisdiction (seed 004:
// only opened institutions may apply), and sees where each institution stands in the current cycle.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ApplicationState, OpenPermissionBody, PermissionList, PermissionListQuery } from '../../../common/schemas/assessor.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { insertUnnest } from '../../db/bulk.js';
import { accounts, assessorApplicationPermissions, assessorApplications, assessors, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { currentCycle } from '../cycles/service.js';
import { institutionAccount, institutionFilters, iso, offsetOf, regionNameOf, requireCurrentCycle } from './shared.js';

/** The latest application of each institution in the cycle. */
function latestApplications(db: Database, cycleId: number) {
  return db
    .selectDistinctOn([assessorApplications.institutionId], { institutionId: assessorApplications.institutionId, status: assessorApplications.status })
    .from(assessorApplications)
    .where(eq(assessorApplications.cycleId, cycleId))
    .orderBy(assessorApplications.institutionId, desc(assessorApplications.submittedAt), desc(assessorApplications.id))
    .as('latest');
}

export async function listPermissions(db: Database, actor: Actor, input: PermissionListQuery): Promise<PermissionList> {
  requireRole(actor, ['authority']);
  const cycle = await currentCycle(db, actor.provinceCode);
  const base = { page: input.page, pageSize: input.pageSize };
  if (!cycle) return { items: [], total: 0, ...base, cycle: null };

  const latest = latestApplications(db, cycle.id);
  const state = sql<ApplicationState>`case
    when ${assessors.institutionId} is not null then 'approved'
    when ${latest.status} is not null then ${latest.status}
    when ${assessorApplicationPermissions.institutionId} is not null then 'opened'
    else 'notOpened' end`;
  const where: SQL[] = institutionFilters(actor, input);
  if (input.state) where.push(sql`${state} = ${input.state}`);

  const permissionJoin = and(eq(assessorApplicationPermissions.institutionId, institutions.id), eq(assessorApplicationPermissions.cycleId, cycle.id));
  const assessorJoin = and(eq(assessors.institutionId, institutions.id), eq(assessors.cycleId, cycle.id));
  const latestJoin = eq(latest.institutionId, institutions.id);

  const [{ total }] = await db
    .select({ total: count() })
    .from(institutions)
    .leftJoin(assessorApplicationPermissions, permissionJoin)
    .leftJoin(assessors, assessorJoin)
    .leftJoin(latest, latestJoin)
    .where(and(...where));
  const rows = await db
    .select({
      institutionId: institutions.id,
      name: institutions.name,
      regionCode: institutions.regionCode,
      openedAt: assessorApplicationPermissions.openedAt,
      state,
      account: sql<string | null>`(select ${accounts.loginName} from ${accounts} where ${institutionAccount} limit 1)`,
    })
    .from(institutions)
    .leftJoin(assessorApplicationPermissions, permissionJoin)
    .leftJoin(assessors, assessorJoin)
    .leftJoin(latest, latestJoin)
    .where(and(...where))
    .orderBy(asc(institutions.regionCode), asc(institutions.name), asc(institutions.id))
    .limit(input.pageSize)
    .offset(offsetOf(input));

  return {
    ...base,
    total,
    cycle: { id: cycle.id, name: cycle.name },
    items: rows.map((r) => ({
      institutionId: r.institutionId,
      name: r.name,
      account: r.account,
      regionCode: r.regionCode,
      regionName: regionNameOf(r.regionCode),
      state: r.state,
      openedAt: iso(r.openedAt),
      canOpen: r.state === 'notOpened',
    })),
  };
}

/** Opens the permission for the given institutions in the current cycle; already opened ones stay as they are. */
export async function openPermissions(db: Database, actor: Actor, body: OpenPermissionBody, ip: string) {
  requireRole(actor, ['authority']);
  const ids = [...new Set(body.institutionIds)];
  await requireAccess(db, actor, 'institution.manage', ids);
  const cycle = await requireCurrentCycle(db, actor.provinceCode);
  return db.transaction(async (tx) => {
    const inserted = await insertUnnest<{ institution_id: number }>(
      tx,
      'assessor_application_permissions',
      [
        { name: 'cycle_id', type: 'int4', values: ids.map(() => cycle.id) },
        { name: 'institution_id', type: 'int4', values: ids },
        { name: 'opened_by', type: 'int4', values: ids.map(() => actor.accountId) },
      ],
      { onConflictDoNothing: true, returning: 'institution_id' },
    );
    const opened = inserted.map((r) => Number(r.institution_id));
    if (opened.length) {
      await recordAudit(tx, {
        action: 'assessorApplication.opened',
        actor,
        targetType: opened.length === 1 ? 'institution' : 'cycle',
        targetId: opened.length === 1 ? opened[0] : cycle.id,
        after: { cycleId: cycle.id, institutionIds: opened },
        ip,
      });
    }
    return { opened: opened.length, alreadyOpened: ids.length - opened.length };
  });
}
