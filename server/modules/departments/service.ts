// 科室信息 (institution): list, 创建科室, 编辑, 停用 / 启用, 删除; and the enabled ones for physician forms.
import { and, eq } from 'drizzle-orm';
import type { DepartmentStatus } from '../../../common/enums.js';
import {
  subjectRef,
  type Department,
  type DepartmentAction,
  type DepartmentList,
  type DepartmentOption,
  type departmentBodySchema,
  type departmentListQuerySchema,
} from '../../../common/schemas/departments.js';
import type { z } from 'zod';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { departments, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, notFound } from '../../lib/errors.js';
import {
  FOREIGN_KEY_VIOLATION,
  UNIQUE_VIOLATION,
  enabledDepartments,
  hasPhysicians,
  listDepartments as queryDepartments,
  nameTaken,
  pgErrorCode,
  type DepartmentRow,
} from './repository.js';

type Body = z.output<typeof departmentBodySchema>;
type ListQuery = z.output<typeof departmentListQuerySchema>;

export const DUPLICATE_NAME = '科室名称已存在';
export const HAS_PHYSICIANS = '该科室已有医师，无法删除，请先停用';

function actionsFor(row: DepartmentRow): DepartmentAction[] {
  return ['edit', row.status === 'enabled' ? 'disable' : 'enable', 'delete'];
}

function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    name: row.name,
    status: row.status as DepartmentStatus,
    clinicalSubjects: row.clinicalSubjects.map(subjectRef),
    actions: actionsFor(row),
  };
}

const snapshot = (row: DepartmentRow) => ({ name: row.name, status: row.status, clinicalSubjects: row.clinicalSubjects });

/** A write that may hit the (institution, name) unique index when two people save the same name at once. */
async function guardDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw conflict(DUPLICATE_NAME);
    throw error;
  }
}

async function load(db: Database, id: number): Promise<DepartmentRow> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound('科室不存在');
  return row;
}

export async function listDepartments(db: Database, actor: Actor, query: ListQuery): Promise<DepartmentList> {
  requireRole(actor, ['institution']);
  const { rows, total } = await queryDepartments(db, actor.orgId, { name: query.name, status: query.status }, query.page, query.pageSize);
  return { items: rows.map(toDepartment), total, page: query.page, pageSize: query.pageSize };
}

/** Enabled departments of the institution (of the physician's own institution, for a physician). */
export async function departmentOptions(db: Database, actor: Actor): Promise<DepartmentOption[]> {
  requireRole(actor, ['institution', 'physician']);
  let institutionId = actor.orgId;
  if (actor.role === 'physician') {
    const [row] = await db.select({ institutionId: physicians.institutionId }).from(physicians).where(eq(physicians.id, actor.orgId));
    if (!row) throw notFound();
    institutionId = row.institutionId;
  }
  const rows = await enabledDepartments(db, institutionId);
  return rows.map((r) => ({ id: r.id, name: r.name, clinicalSubjects: r.clinicalSubjects.map(subjectRef) }));
}

export async function createDepartment(db: Database, actor: Actor, body: Body, ip: string): Promise<Department> {
  requireRole(actor, ['institution']);
  if (await nameTaken(db, actor.orgId, body.name)) throw conflict(DUPLICATE_NAME);
  const row = await guardDuplicate(() =>
    db.transaction(async (tx) => {
      const [created] = await tx
        .insert(departments)
        .values({ institutionId: actor.orgId, name: body.name, clinicalSubjects: body.clinicalSubjects })
        .returning();
      await recordAudit(tx, { action: 'department.created', actor, targetType: 'department', targetId: created.id, after: snapshot(created), ip });
      return created;
    }),
  );
  return toDepartment(row);
}

export async function updateDepartment(db: Database, actor: Actor, id: number, body: Body, ip: string): Promise<Department> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'department.manage', [id]);
  if (await nameTaken(db, actor.orgId, body.name, id)) throw conflict(DUPLICATE_NAME);
  const row = await guardDuplicate(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
      if (!before) throw notFound('科室不存在');
      const [after] = await tx
        .update(departments)
        .set({ name: body.name, clinicalSubjects: body.clinicalSubjects })
        .where(eq(departments.id, id))
        .returning();
      await recordAudit(tx, { action: 'department.updated', actor, targetType: 'department', targetId: id, before: snapshot(before), after: snapshot(after), ip });
      return after;
    }),
  );
  return toDepartment(row);
}

/** 停用 / 启用: a conditional update, so two people acting at once cannot both change it. */
export async function setDepartmentStatus(db: Database, actor: Actor, id: number, status: DepartmentStatus, ip: string): Promise<Department> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'department.manage', [id]);
  const from: DepartmentStatus = status === 'enabled' ? 'disabled' : 'enabled';
  const row = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(departments)
      .set({ status })
      .where(and(eq(departments.id, id), eq(departments.status, from)))
      .returning();
    if (!after) return null;
    await recordAudit(tx, {
      action: status === 'enabled' ? 'department.enabled' : 'department.disabled',
      actor,
      targetType: 'department',
      targetId: id,
      before: { status: from },
      after: { status },
      ip,
    });
    return after;
  });
  if (!row) throw conflict(status === 'enabled' ? '该科室已是启用状态' : '该科室已停用');
  return toDepartment(row);
}

/** 删除: refused while any physician belongs to the department (it can be disabled instead). */
export async function deleteDepartment(db: Database, actor: Actor, id: number, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'department.manage', [id]);
  const existing = await load(db, id);
  if (await hasPhysicians(db, actor.orgId, id)) throw conflict(HAS_PHYSICIANS);
  try {
    await db.transaction(async (tx) => {
      const deleted = await tx.delete(departments).where(eq(departments.id, id)).returning({ id: departments.id });
      if (deleted.length === 0) throw notFound('科室不存在');
      await recordAudit(tx, { action: 'department.deleted', actor, targetType: 'department', targetId: id, before: snapshot(existing), ip });
    });
  } catch (error) {
    // A physician was given the department after the check: the foreign key keeps it.
    if (pgErrorCode(error) === FOREIGN_KEY_VIOLATION) throw conflict(HAS_PHYSICIANS);
    throw error;
  }
}
