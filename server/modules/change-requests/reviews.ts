// 信息修改申请, the institution's side: the list, 通过 (the change is applied to the physician's record in the same
// transaction, audited with before/after) and 驳回 (with a reason). A conditional UPDATE … WHERE status = 'pending'
// decides: of two reviewers acting at once the second gets 409.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangeRequestItem, ChangeRequestList, changeRequestListQuerySchema } from '../../../common/schemas/change-requests.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { physicianChangeRequests, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { changeProblems, columnsOf, currentValue, storedChanges, type StoredChanges } from './fields.js';
import { toItems } from './items.js';
import { departmentsByIds, institutionRequests, requestRow } from './repository.js';

export const ALREADY_HANDLED = '该记录已被他人处理，请刷新';
export const PHYSICIAN_LEFT = '该医师已不在本机构执业，不能通过，请驳回';

type ListQuery = z.output<typeof changeRequestListQuerySchema>;

export async function listChangeRequests(db: Database, actor: Actor, query: ListQuery): Promise<ChangeRequestList> {
  requireRole(actor, ['institution']);
  const { rows, total } = await institutionRequests(db, actor.orgId, query.status, query.page, query.pageSize);
  return { items: await toItems(db, rows, true), total, page: query.page, pageSize: query.pageSize };
}

async function item(db: Database, id: number): Promise<ChangeRequestItem> {
  const [result] = await toItems(db, [(await requestRow(db, id))!], true);
  return result;
}

/** Claims the pending request for this decision, or 409 when someone else decided first. */
async function claim(tx: Tx, actor: Actor, id: number, set: { status: 'approved' } | { status: 'rejected'; rejectReason: string }) {
  const [claimed] = await tx
    .update(physicianChangeRequests)
    .set({ ...set, reviewedBy: actor.accountId, reviewedAt: new Date() })
    .where(and(eq(physicianChangeRequests.id, id), eq(physicianChangeRequests.status, 'pending')))
    .returning();
  if (!claimed) throw conflict(ALREADY_HANDLED);
  return claimed;
}

/**
 * 通过: the physician must still practise here, and the change must still keep the rules (a 科室 may have been
 * disabled since); then the record changes and the request keeps the values it replaced.
 */
export async function approveChangeRequest(db: Database, actor: Actor, id: number, ip: string): Promise<ChangeRequestItem> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'changeRequest.review', [id]);
  await db.transaction(async (tx) => {
    const request = await claim(tx, actor, id, { status: 'approved' });
    const [p] = await tx.select().from(physicians).where(eq(physicians.id, request.physicianId)).for('update');
    if (p.institutionId !== actor.orgId || p.transferredOutAt) throw conflict(PHYSICIAN_LEFT);
    const asked = storedChanges(request.changes);
    const changes: StoredChanges = {};
    for (const [field, change] of Object.entries(asked) as [keyof StoredChanges, { to: string | number | null }][]) {
      changes[field] = { from: currentValue(p, field), to: change.to };
    }
    const ids = [changes.departmentId?.to, p.departmentId].filter((v): v is number => typeof v === 'number');
    const facts = new Map((await departmentsByIds(tx, ids)).map((d) => [d.id, d]));
    const problem = Object.values(changeProblems(p, changes, (departmentId) => facts.get(departmentId)))[0];
    if (problem) throw conflict(`不能通过：${problem}，请驳回`);
    await tx.update(physicians).set(columnsOf(changes)).where(eq(physicians.id, p.id));
    await tx.update(physicianChangeRequests).set({ changes }).where(eq(physicianChangeRequests.id, id));
    const before = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.from]));
    await recordAudit(tx, {
      action: 'changeRequest.approved',
      actor,
      targetType: 'changeRequest',
      targetId: id,
      before: { physicianId: p.id, status: 'pending', ...before },
      after: { physicianId: p.id, status: 'approved', ...columnsOf(changes) },
      ip,
    });
  });
  return item(db, id);
}

export async function rejectChangeRequest(db: Database, actor: Actor, id: number, reason: string, ip: string): Promise<ChangeRequestItem> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'changeRequest.review', [id]);
  await db.transaction(async (tx) => {
    const request = await claim(tx, actor, id, { status: 'rejected', rejectReason: reason });
    await recordAudit(tx, {
      action: 'changeRequest.rejected',
      actor,
      targetType: 'changeRequest',
      targetId: id,
      before: { physicianId: request.physicianId, status: 'pending' },
      after: { physicianId: request.physicianId, status: 'rejected', reason },
      ip,
    });
  });
  return item(db, id);
}
