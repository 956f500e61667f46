// 医师信息修改申请, the physician's side: their record now, their requests, and 提交申请.
import { eq } from 'drizzle-orm';
import type { PhysicianLevel, PracticeCategory } from '../../../common/enums.js';
import { NOTHING_TO_CHANGE, type ChangeRequestItem, type MyChangeRequests, type changeRequestBodySchema } from '../../../common/schemas/change-requests.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { departments, institutions, physicianChangeRequests, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { changeProblems, realChanges } from './fields.js';
import { toItems } from './items.js';
import { departmentsByIds, hasPendingRequest, physicianRequests, requestRow } from './repository.js';

export const TRANSFERRED_OUT = '您已被原单位调离，不能提交信息修改申请';
export const PENDING_EXISTS = '已有待审核的修改申请';

type Body = z.output<typeof changeRequestBodySchema>;

async function ownRecord(db: Database, actor: Actor) {
  const [row] = await db
    .select({ p: physicians, institutionName: institutions.name, departmentName: departments.name })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .where(eq(physicians.id, actor.orgId));
  if (!row) throw notFound('医师不存在');
  return row;
}

export async function myChangeRequests(db: Database, actor: Actor): Promise<MyChangeRequests> {
  requireRole(actor, ['physician']);
  const { p, institutionName, departmentName } = await ownRecord(db, actor);
  const items = await toItems(db, await physicianRequests(db, p.id), false);
  const blockedReason = p.transferredOutAt ? TRANSFERRED_OUT : items.some((i) => i.status === 'pending') ? `${PENDING_EXISTS}，请等待机构审核后再提交` : null;
  return {
    institutionName,
    practiceCategory: p.practiceCategory as PracticeCategory,
    current: {
      departmentId: p.departmentId,
      departmentName,
      specialty: p.specialty,
      title: p.title,
      titleDate: p.titleDate,
      position: p.position,
      positionDate: p.positionDate,
      physicianLevel: p.physicianLevel as PhysicianLevel | null,
      practiceScope: p.practiceScope,
      education: p.education,
      mobile: p.mobile,
      email: p.email,
    },
    canRequest: blockedReason === null,
    blockedReason,
    items,
  };
}

/**
 * 提交申请: only what differs from the record is kept; the rules are checked now (and again on approval). The
 * physician's row is locked, so two submissions at once cannot both pass the one-pending-request check.
 */
export async function submitChangeRequest(db: Database, actor: Actor, body: Body, ip: string): Promise<ChangeRequestItem> {
  requireRole(actor, ['physician']);
  const { p } = await ownRecord(db, actor);
  if (p.transferredOutAt) throw conflict(TRANSFERRED_OUT);
  const changes = realChanges(p, body.changes);
  if (Object.keys(changes).length === 0) throw badRequest(`所填信息与当前信息一致，${NOTHING_TO_CHANGE}`, { changes: NOTHING_TO_CHANGE });
  const ids = [changes.departmentId?.to, p.departmentId].filter((id): id is number => typeof id === 'number');
  const facts = new Map((await departmentsByIds(db, ids)).map((d) => [d.id, d]));
  const problems = Object.entries(changeProblems(p, changes, (id) => facts.get(id)));
  if (problems.length) {
    throw badRequest(problems[0][1], Object.fromEntries(problems.map(([field, message]) => [`changes.${field}`, message])));
  }
  const id = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ transferredOutAt: physicians.transferredOutAt, institutionId: physicians.institutionId }).from(physicians).where(eq(physicians.id, p.id)).for('update');
    if (locked.transferredOutAt) throw conflict(TRANSFERRED_OUT);
    if (await hasPendingRequest(tx, p.id)) throw conflict(PENDING_EXISTS);
    const [created] = await tx
      .insert(physicianChangeRequests)
      .values({ physicianId: p.id, institutionId: locked.institutionId, changes, reason: body.reason })
      .returning({ id: physicianChangeRequests.id });
    await recordAudit(tx, {
      action: 'changeRequest.submitted',
      actor,
      targetType: 'changeRequest',
      targetId: created.id,
      after: { physicianId: p.id, changes, reason: body.reason },
      ip,
    });
    return created.id;
  });
  const [item] = await toItems(db, [(await requestRow(db, id))!], false);
  return item;
}
