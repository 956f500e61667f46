// 医师信息修改申请 queries: one page of an institution's requests, one physician's requests, department names.
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { ChangeRequestStatus } from '../../../common/schemas/change-requests.js';
import type { Database, Tx } from '../../db/client.js';
import { departments, physicianChangeRequests, physicians } from '../../db/schema/index.js';

const rowFields = {
  id: physicianChangeRequests.id,
  physicianId: physicianChangeRequests.physicianId,
  physicianName: physicians.name,
  idNumberMasked: physicians.idNumberMasked,
  institutionId: physicianChangeRequests.institutionId,
  physicianInstitutionId: physicians.institutionId,
  transferredOutAt: physicians.transferredOutAt,
  departmentName: departments.name,
  changes: physicianChangeRequests.changes,
  reason: physicianChangeRequests.reason,
  status: physicianChangeRequests.status,
  rejectReason: physicianChangeRequests.rejectReason,
  createdAt: physicianChangeRequests.createdAt,
  reviewedAt: physicianChangeRequests.reviewedAt,
};

export type ChangeRequestRow = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(db: Database, where: SQL | undefined) {
  return db
    .select(rowFields)
    .from(physicianChangeRequests)
    .innerJoin(physicians, eq(physicians.id, physicianChangeRequests.physicianId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .where(where)
    .orderBy(desc(physicianChangeRequests.createdAt), desc(physicianChangeRequests.id));
}

/** One page of the requests addressed to an institution (index on institution_id, status), newest first. */
export async function institutionRequests(db: Database, institutionId: number, status: ChangeRequestStatus | undefined, page: number, pageSize: number) {
  const conditions = [eq(physicianChangeRequests.institutionId, institutionId)];
  if (status) conditions.push(eq(physicianChangeRequests.status, status));
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(physicianChangeRequests).where(where);
  const rows = await selectRows(db, where).limit(pageSize).offset((page - 1) * pageSize);
  return { rows, total };
}

export async function requestRow(db: Database, id: number): Promise<ChangeRequestRow | undefined> {
  const [row] = await selectRows(db, eq(physicianChangeRequests.id, id));
  return row;
}

/** A physician's latest requests (a handful: one may be pending at a time). */
export function physicianRequests(db: Database, physicianId: number, limit = 20) {
  return selectRows(db, eq(physicianChangeRequests.physicianId, physicianId)).limit(limit);
}

export async function hasPendingRequest(db: Database | Tx, physicianId: number): Promise<boolean> {
  const rows = await db
    .select({ id: physicianChangeRequests.id })
    .from(physicianChangeRequests)
    .where(and(eq(physicianChangeRequests.physicianId, physicianId), eq(physicianChangeRequests.status, 'pending')))
    .limit(1);
  return rows.length > 0;
}

/** 医师信息修改申请 on the institution's home: its pending requests. */
export async function pendingCount(db: Database, institutionId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(physicianChangeRequests)
    .where(and(eq(physicianChangeRequests.institutionId, institutionId), eq(physicianChangeRequests.status, 'pending')));
  return row.n;
}

export async function departmentsByIds(db: Database | Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: departments.id, name: departments.name, institutionId: departments.institutionId, status: departments.status, clinicalSubjects: departments.clinicalSubjects })
    .from(departments)
    .where(inArray(departments.id, ids));
}
