// 机构账号 (authority: list, detail, create, 停用/启用, export) and 本机构信息 (institution: view, 保存).
import { and, eq } from 'drizzle-orm';
import { regionWithin } from '../../../common/regions.js';
import type {
  InstitutionDetail,
  InstitutionFilters,
  InstitutionList,
  InstitutionProfile,
  updateInstitutionProfileBodySchema,
  createInstitutionBodySchema,
  institutionListQuerySchema,
} from '../../../common/schemas/institution.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import { deleteAccountSessions } from '../../auth/sessions.js';
import type { Database, Tx } from '../../db/client.js';
import { accounts, authorities, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import { allRows, existingRegionCodes, filterConditions, listPage, rowById, takenLoginNames, type InstitutionRow } from './repository.js';

export const ACCOUNT_TAKEN = '机构账号已存在';
export const accountTakenError = () => new AppError(409, 'CONFLICT', ACCOUNT_TAKEN, { account: ACCOUNT_TAKEN });

/** A unique-key violation (PostgreSQL 23505), whether or not the driver error is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function currentCycleId(db: Database, actor: Actor): Promise<number | null> {
  return (await currentCycle(db, actor.provinceCode))?.id ?? null;
}

function toProfile(row: InstitutionRow): InstitutionProfile {
  return {
    ...row,
    authority: { id: row.authorityId, name: row.authorityName, regionCode: row.authorityRegionCode },
  };
}

function toDetail(row: InstitutionRow): InstitutionDetail {
  return { ...toProfile(row), accountId: row.accountId, accountStatus: row.accountStatus, isAssessor: row.isAssessor, assignedAssessorName: row.assignedAssessorName };
}

export async function listInstitutions(db: Database, actor: Actor, query: z.output<typeof institutionListQuerySchema>): Promise<InstitutionList> {
  requireRole(actor, ['authority']);
  const cycleId = await currentCycleId(db, actor);
  const { rows, total } = await listPage(db, filterConditions(actor.regionCode, cycleId, query), cycleId, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** Every institution the filter matches, in batches (导出). */
export async function exportInstitutions(db: Database, actor: Actor, filters: InstitutionFilters): Promise<AsyncIterable<InstitutionRow[]>> {
  requireRole(actor, ['authority']);
  const cycleId = await currentCycleId(db, actor);
  return allRows(db, filterConditions(actor.regionCode, cycleId, filters), cycleId);
}

export async function institutionDetail(db: Database, actor: Actor, id: number): Promise<InstitutionDetail> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'institution.manage', [id]);
  const row = await rowById(db, id, await currentCycleId(db, actor));
  if (!row) throw notFound('机构不存在');
  return toDetail(row);
}

/** A region that exists and lies inside `jurisdictionCode`, or a 400 on `field`. */
export async function requireRegionWithin(db: Database | Tx, code: string, jurisdictionCode: string, field: string, message: string): Promise<void> {
  const exists = (await existingRegionCodes(db, [code])).has(code);
  if (!exists || !regionWithin(code, jurisdictionCode)) throw badRequest(message, { [field]: message });
}

/** 新增机构: its 管辖关系 is the actor's authority; the account starts with the province's initial password. */
export async function createInstitution(
  db: Database,
  actor: Actor,
  body: z.output<typeof createInstitutionBodySchema>,
  ip: string,
): Promise<InstitutionDetail> {
  requireRole(actor, ['authority']);
  await requireRegionWithin(db, body.regionCode, actor.regionCode, 'regionCode', '区划须在本部门管辖范围内');
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      if ((await takenLoginNames(tx, [body.account])).size > 0) throw accountTakenError();
      const [institution] = await tx
        .insert(institutions)
        .values({
          name: body.name,
          authorityId: actor.orgId,
          regionCode: body.regionCode,
          type: body.type,
          level: body.level,
          grade: body.grade,
          contactPerson: body.contactPerson,
          mobile: body.mobile,
        })
        .returning({ id: institutions.id });
      const [account] = await tx
        .insert(accounts)
        .values({ kind: 'institution', loginName: body.account, institutionId: institution.id, passwordHash: null, mustChangePassword: true })
        .returning({ id: accounts.id });
      await recordAudit(tx, { action: 'institution.created', actor, targetType: 'institution', targetId: institution.id, after: { ...body, accountId: account.id }, ip });
      return institution.id;
    });
  } catch (error) {
    // Two people creating the same account at once: the unique index decides.
    if (isUniqueViolation(error)) throw accountTakenError();
    throw error;
  }
  return institutionDetail(db, actor, id);
}

/** 停用 / 启用 an institution's account; 停用 also ends its sessions. */
export async function setInstitutionDisabled(db: Database, actor: Actor, id: number, disabled: boolean, ip: string): Promise<void> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'institution.manage', [id]);
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(accounts)
      .set({ disabled })
      .where(and(eq(accounts.institutionId, id), eq(accounts.kind, 'institution'), eq(accounts.disabled, !disabled)))
      .returning({ id: accounts.id });
    if (changed.length === 0) throw conflict(disabled ? '该机构账号已是停用状态' : '该机构账号已是启用状态');
    for (const account of changed) {
      if (disabled) await deleteAccountSessions(tx, account.id);
      await recordAudit(tx, {
        action: disabled ? 'account.disabled' : 'account.enabled',
        actor,
        targetType: 'account',
        targetId: account.id,
        before: { disabled: !disabled },
        after: { disabled, institutionId: id },
        ip,
      });
    }
  });
}

// ---------------------------------------------------------------- 本机构信息

export async function myProfile(db: Database, actor: Actor): Promise<InstitutionProfile> {
  requireRole(actor, ['institution', 'assessor']);
  const row = await rowById(db, actor.orgId, null);
  if (!row) throw notFound('机构不存在');
  return toProfile(row);
}

const profileFields = [
  'name', 'regionCode', 'street', 'type', 'level', 'grade', 'bedCount', 'physicianTotal', 'licensedPhysicianCount',
  'assistantPhysicianCount', 'legalRepresentative', 'contactPerson', 'contactPhone', 'mobile',
] as const;

/** 保存 of 本机构信息; the address must stay inside the jurisdiction of the institution's authority. */
export async function updateMyProfile(
  db: Database,
  actor: Actor,
  body: z.output<typeof updateInstitutionProfileBodySchema>,
  ip: string,
): Promise<InstitutionProfile> {
  requireRole(actor, ['institution']);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(institutions).where(eq(institutions.id, actor.orgId)).for('update');
    if (!current) throw notFound('机构不存在');
    const [authority] = await tx.select().from(authorities).where(eq(authorities.id, current.authorityId));
    await requireRegionWithin(tx, body.regionCode, authority.regionCode, 'regionCode', `详细地址须在${authority.name}的管辖范围内`);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of profileFields) {
      if (current[field] !== body[field]) {
        before[field] = current[field];
        after[field] = body[field];
      }
    }
    await tx.update(institutions).set(body).where(eq(institutions.id, actor.orgId));
    await recordAudit(tx, { action: 'institution.updated', actor, targetType: 'institution', targetId: actor.orgId, before, after, ip });
  });
  return myProfile(db, actor);
}
