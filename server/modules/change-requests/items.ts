// Rows of 医师信息修改申请 as the API gives them: changes in words, the 科室 now and asked, the actions allowed.
import type { ChangeRequestAction, ChangeRequestItem, ChangeRequestStatus } from '../../../common/schemas/change-requests.js';
import type { Database } from '../../db/client.js';
import { departmentIdsOf, describeChanges, storedChanges } from './fields.js';
import { departmentsByIds, type ChangeRequestRow } from './repository.js';

/** Builds the items of a page; the 科室 the requests name are looked up with one query. */
export async function toItems(db: Database, rows: ChangeRequestRow[], reviewer: boolean): Promise<ChangeRequestItem[]> {
  const parsed = rows.map((row) => storedChanges(row.changes));
  const names = new Map((await departmentsByIds(db, departmentIdsOf(parsed))).map((d) => [d.id, d.name]));
  return rows.map((row, i) => {
    const status = row.status as ChangeRequestStatus;
    const changes = describeChanges(parsed[i], names);
    // 通过 only while the physician still practises at the institution asked; 驳回 always while pending.
    const stillHere = row.physicianInstitutionId === row.institutionId && !row.transferredOutAt;
    const actions: ChangeRequestAction[] = reviewer && status === 'pending' ? (stillHere ? ['approve', 'reject'] : ['reject']) : [];
    return {
      id: row.id,
      physicianId: row.physicianId,
      physicianName: row.physicianName,
      idNumberMasked: row.idNumberMasked,
      departmentName: row.departmentName,
      requestedDepartmentName: changes.find((c) => c.field === 'departmentId')?.to ?? null,
      changes,
      reason: row.reason,
      status,
      rejectReason: row.rejectReason,
      createdAt: row.createdAt.toISOString(),
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      actions,
    };
  });
}
