// 考核机构审核: the authorities above an institution review its application — 通过 makes it 考核机构 of
// the cycle at once (seed 000 says within 24 h; here immediately), 驳回 needs a reason.
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { ApplicationDetail, ApplicationList, ApplicationListQuery, ApplicationRow, ApplicationStatus, RejectBody } from '../../../common/schemas/assessor.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { accounts, assessorApplications, assessors, cycles, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { currentCycle } from '../cycles/service.js';
import { applicationFiles } from './applications.js';
import { institutionAccount, institutionFilters, iso, offsetOf, regionNameOf } from './shared.js';

export const ALREADY_REVIEWED = '该申请已被审核，请刷新后查看';

const rowFields = {
  id: assessorApplications.id,
  institutionId: institutions.id,
  name: institutions.name,
  regionCode: institutions.regionCode,
  cycleName: cycles.name,
  status: assessorApplications.status,
  submittedAt: assessorApplications.submittedAt,
  reviewedAt: assessorApplications.reviewedAt,
  rejectReason: assessorApplications.rejectReason,
  contactPerson: institutions.contactPerson,
  contactPhone: institutions.contactPhone,
  account: sql<string | null>`(select ${accounts.loginName} from ${accounts} where ${institutionAccount} limit 1)`,
};

type Row = NonNullable<Awaited<ReturnType<typeof loadApplication>>>;

function toRow(r: Row): ApplicationRow {
  const status = r.status as ApplicationStatus;
  return {
    id: r.id,
    institutionId: r.institutionId,
    name: r.name,
    account: r.account,
    regionCode: r.regionCode,
    regionName: regionNameOf(r.regionCode),
    cycleName: r.cycleName,
    status,
    submittedAt: iso(r.submittedAt)!,
    reviewedAt: iso(r.reviewedAt),
    rejectReason: r.rejectReason,
    canReview: status === 'pending',
  };
}

/** Applications of the current cycle from the jurisdiction's institutions, newest first. */
export async function listApplications(db: Database, actor: Actor, input: ApplicationListQuery): Promise<ApplicationList> {
  requireRole(actor, ['authority']);
  const base = { page: input.page, pageSize: input.pageSize };
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) return { items: [], total: 0, ...base };
  const where: SQL[] = [eq(assessorApplications.cycleId, cycle.id), ...institutionFilters(actor, input)];
  if (input.status) where.push(eq(assessorApplications.status, input.status));

  const [{ total }] = await db
    .select({ total: count() })
    .from(assessorApplications)
    .innerJoin(institutions, eq(institutions.id, assessorApplications.institutionId))
    .where(and(...where));
  const rows = await db
    .select(rowFields)
    .from(assessorApplications)
    .innerJoin(institutions, eq(institutions.id, assessorApplications.institutionId))
    .innerJoin(cycles, eq(cycles.id, assessorApplications.cycleId))
    .where(and(...where))
    .orderBy(desc(assessorApplications.submittedAt), desc(assessorApplications.id))
    .limit(input.pageSize)
    .offset(offsetOf(input));
  return { ...base, total, items: rows.map(toRow) };
}

async function loadApplication(db: Database, id: number) {
  const [row] = await db
    .select(rowFields)
    .from(assessorApplications)
    .innerJoin(institutions, eq(institutions.id, assessorApplications.institutionId))
    .innerJoin(cycles, eq(cycles.id, assessorApplications.cycleId))
    .where(eq(assessorApplications.id, id));
  return row;
}

export async function applicationDetail(db: Database, actor: Actor, id: number): Promise<ApplicationDetail> {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'assessorApplication.review', [id]);
  const row = await loadApplication(db, id);
  return { ...toRow(row), contactPerson: row.contactPerson, contactPhone: row.contactPhone, files: await applicationFiles(db, id) };
}

/**
 * 通过 / 驳回: only a pending application changes, in one conditional UPDATE, so of two reviewers acting
 * at once the second gets 409. 通过 also makes the institution 考核机构 of the application's cycle.
 */
async function review(db: Database, actor: Actor, id: number, decision: { status: 'approved' } | { status: 'rejected'; reason: string }, ip: string) {
  requireRole(actor, ['authority']);
  await requireAccess(db, actor, 'assessorApplication.review', [id]);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(assessorApplications)
      .set({
        status: decision.status,
        reviewedAt: new Date(),
        reviewedBy: actor.accountId,
        rejectReason: decision.status === 'rejected' ? decision.reason : null,
        version: sql`${assessorApplications.version} + 1`,
      })
      .where(and(eq(assessorApplications.id, id), eq(assessorApplications.status, 'pending')))
      .returning();
    if (!updated) throw conflict(ALREADY_REVIEWED);
    if (decision.status === 'approved') {
      await tx.insert(assessors).values({ cycleId: updated.cycleId, institutionId: updated.institutionId }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      action: decision.status === 'approved' ? 'assessorApplication.approved' : 'assessorApplication.rejected',
      actor,
      targetType: 'assessorApplication',
      targetId: id,
      before: { status: 'pending' },
      after: { status: decision.status, institutionId: updated.institutionId, cycleId: updated.cycleId, ...(decision.status === 'rejected' ? { reason: decision.reason } : {}) },
      ip,
    });
  });
  return applicationDetail(db, actor, id);
}

export const approveApplication = (db: Database, actor: Actor, id: number, ip: string) => review(db, actor, id, { status: 'approved' }, ip);

export const rejectApplication = (db: Database, actor: Actor, id: number, body: RejectBody, ip: string) =>
  review(db, actor, id, { status: 'rejected', reason: body.reason }, ip);
