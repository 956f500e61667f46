// 考核周期 management: every authority of the province sees the cycles, the provincial authority creates and edits them.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { scheduleWindows } from '../../../common/schedule.js';
import type { Cycle, CycleList, cycleBodySchema, cycleListQuerySchema, cycleUpdateBodySchema } from '../../../common/schemas/cycle.js';
import type { Actor } from '../../auth/access.js';
import type { Database, Tx } from '../../db/client.js';
import { cycles } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { isProvincialAuthority, requireAuthority, requireProvincialAuthority } from './provincial.js';
import { cycleInProvince, lockProvince, nameTaken, pageOfCycles, unsetOtherCurrent } from './repository.js';
import type { CycleRow } from './service.js';

type CycleBody = z.output<typeof cycleBodySchema>;
type CycleUpdateBody = z.output<typeof cycleUpdateBodySchema>;
type CycleListQuery = z.output<typeof cycleListQuerySchema>;

export function cycleView(row: CycleRow): Cycle {
  return {
    id: row.id,
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    assessorApplicationStart: row.assessorApplicationStart,
    assessorApplicationEnd: row.assessorApplicationEnd,
    registrationStart: row.registrationStart,
    registrationEnd: row.registrationEnd,
    reviewStart: row.reviewStart,
    reviewEnd: row.reviewEnd,
    testStart: row.testStart,
    testEnd: row.testEnd,
    retakeStart: row.retakeStart,
    retakeEnd: row.retakeEnd,
    isCurrent: row.isCurrent,
    windows: scheduleWindows(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a cycle: its name, dates and whether it is current. */
function auditShape(row: CycleRow) {
  const { id: _id, provinceCode: _p, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

function columnsOf(body: CycleBody) {
  return {
    name: body.name,
    startDate: body.startDate,
    endDate: body.endDate,
    assessorApplicationStart: body.assessorApplicationStart,
    assessorApplicationEnd: body.assessorApplicationEnd,
    registrationStart: body.registrationStart,
    registrationEnd: body.registrationEnd,
    reviewStart: body.reviewStart,
    reviewEnd: body.reviewEnd,
    testStart: body.testStart,
    testEnd: body.testEnd,
    retakeStart: body.retakeStart,
    retakeEnd: body.retakeEnd,
    isCurrent: body.isCurrent,
  };
}

const nameConflict = (name: string) => new AppError(409, 'CONFLICT', `考核周期「${name}」已存在`, { name: '该名称的考核周期已存在' });

/** The cycles that lost 「当前周期」 because another one took it, recorded as their own changes. */
async function auditCleared(tx: Tx, actor: Actor, cleared: { id: number; name: string }[], ip: string) {
  for (const c of cleared) {
    await recordAudit(tx, { action: 'cycle.updated', actor, targetType: 'cycle', targetId: c.id, before: { isCurrent: true }, after: { isCurrent: false }, ip });
  }
}

export async function listCycles(db: Database, actor: Actor, query: CycleListQuery): Promise<CycleList> {
  requireAuthority(actor);
  const { rows, total } = await pageOfCycles(db, actor.provinceCode, query);
  return { items: rows.map(cycleView), total, page: query.page, pageSize: query.pageSize, canManage: isProvincialAuthority(actor) };
}

export async function createCycle(db: Database, actor: Actor, body: CycleBody, ip: string): Promise<Cycle> {
  requireProvincialAuthority(actor, '新建考核周期');
  return db.transaction(async (tx) => {
    await lockProvince(tx, actor.provinceCode);
    if (await nameTaken(tx, actor.provinceCode, body.name)) throw nameConflict(body.name);
    // The partial unique index allows one current cycle: clear the old one first, in the same transaction.
    const cleared = body.isCurrent ? await unsetOtherCurrent(tx, actor.provinceCode) : [];
    const [row] = await tx.insert(cycles).values({ ...columnsOf(body), provinceCode: actor.provinceCode }).returning();
    await auditCleared(tx, actor, cleared, ip);
    await recordAudit(tx, { action: 'cycle.created', actor, targetType: 'cycle', targetId: row.id, after: auditShape(row), ip });
    return cycleView(row);
  });
}

export async function updateCycle(db: Database, actor: Actor, id: number, body: CycleUpdateBody, ip: string): Promise<Cycle> {
  requireProvincialAuthority(actor, '编辑考核周期');
  return db.transaction(async (tx) => {
    await lockProvince(tx, actor.provinceCode);
    const before = await cycleInProvince(tx, id, actor.provinceCode, true);
    if (!before) throw notFound('考核周期不存在');
    if (!(Math.abs(before.updatedAt.getTime() - Date.parse(body.updatedAt)) < 1)) {
      throw conflict('考核周期已被他人修改，请刷新后重试');
    }
    if (await nameTaken(tx, actor.provinceCode, body.name, id)) throw nameConflict(body.name);
    const cleared = body.isCurrent ? await unsetOtherCurrent(tx, actor.provinceCode, id) : [];
    const [after] = await tx
      .update(cycles)
      .set({ ...columnsOf(body), updatedAt: new Date() })
      .where(eq(cycles.id, id))
      .returning();
    await auditCleared(tx, actor, cleared, ip);
    await recordAudit(tx, { action: 'cycle.updated', actor, targetType: 'cycle', targetId: id, before: auditShape(before), after: auditShape(after), ip });
    return cycleView(after);
  });
}
