// 隐藏 / 医师暂存 (seed 000 §6, seed 001 FAQ 3.1), where the province's 考核政策 allows it: the institution takes a
// physician who cannot or need not take part in this cycle off its list to assess, with a reason. A hidden physician
// is in no roster and cannot log in (「您的账号已被机构隐藏，请联系机构解除隐藏」) until 取消隐藏 in 医师暂存.
import { and, count, desc, eq, isNotNull, isNull, like, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { EnrolmentStatus } from '../../../common/enums.js';
import { transition } from '../../../common/enrolment-machine.js';
import type { HiddenPhysicianList, hiddenPhysiciansQuerySchema, hidePhysicianBodySchema } from '../../../common/schemas/physician.js';
import { requireAccess, requireRole, type Actor } from '../../auth/access.js';
import { deleteAccountSessions } from '../../auth/sessions.js';
import type { Database } from '../../db/client.js';
import { accounts, departments, enrolments, physicians } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { escapeLike } from '../../lib/sql.js';
import { currentCycle } from '../cycles/service.js';
import { requirePolicyRule } from '../policies/service.js';

/** 隐藏: refused once the physician has submitted a registration in the current cycle (the state machine says why). */
export async function hidePhysician(db: Database, actor: Actor, physicianId: number, body: z.output<typeof hidePhysicianBodySchema>, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'physician.read', [physicianId]);
  await requirePolicyRule(db, actor, 'physicianHidingEnabled', '隐藏医师');
  const cycle = await currentCycle(db, actor.provinceCode);
  await db.transaction(async (tx) => {
    const [physician] = await tx.select({ hiddenAt: physicians.hiddenAt }).from(physicians).where(eq(physicians.id, physicianId)).for('update');
    if (physician.hiddenAt) throw conflict('医师已被隐藏');
    const [enrolment] = cycle
      ? await tx.select().from(enrolments).where(and(eq(enrolments.cycleId, cycle.id), eq(enrolments.physicianId, physicianId))).for('update')
      : [];
    const status = (enrolment?.status as EnrolmentStatus | undefined) ?? 'NOT_ENROLLED';
    const outcome = transition(status, 'hide', 'institution');
    if (!outcome.ok) throw conflict(outcome.reason);
    if (enrolment && !outcome.unchanged) {
      await tx
        .update(enrolments)
        .set({ status: outcome.status, cancelReason: body.reason, version: enrolment.version + 1, updatedAt: new Date() })
        .where(eq(enrolments.id, enrolment.id));
      await recordAudit(tx, {
        action: 'enrolment.withdrawnByHiding',
        actor,
        targetType: 'enrolment',
        targetId: enrolment.id,
        before: { status },
        after: { status: outcome.status, reason: body.reason, physicianId },
        ip,
      });
    }
    await tx.update(physicians).set({ hiddenAt: new Date(), hiddenReason: body.reason }).where(eq(physicians.id, physicianId));
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.physicianId, physicianId));
    if (account) await deleteAccountSessions(tx, account.id);
    await recordAudit(tx, {
      action: 'physician.hidden',
      actor,
      targetType: 'physician',
      targetId: physicianId,
      before: { enrolmentStatus: status },
      after: { enrolmentStatus: outcome.status, reason: body.reason },
      ip,
    });
  });
}

/** 取消隐藏: back on the roster (未确认参加), and able to log in. Allowed whatever the 考核政策 now says, so nobody stays hidden for good. */
export async function unhidePhysician(db: Database, actor: Actor, physicianId: number, ip: string): Promise<void> {
  requireRole(actor, ['institution']);
  await requireAccess(db, actor, 'physician.read', [physicianId]);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(physicians)
      .set({ hiddenAt: null, hiddenReason: null })
      .where(and(eq(physicians.id, physicianId), isNotNull(physicians.hiddenAt)))
      .returning({ id: physicians.id });
    if (!row) throw conflict('医师未被隐藏');
    await recordAudit(tx, { action: 'physician.unhidden', actor, targetType: 'physician', targetId: physicianId, ip });
  });
}

/** 医师暂存: the institution's hidden physicians, the latest first. */
export async function listHiddenPhysicians(db: Database, actor: Actor, query: z.output<typeof hiddenPhysiciansQuerySchema>): Promise<HiddenPhysicianList> {
  requireRole(actor, ['institution']);
  const where: SQL[] = [eq(physicians.institutionId, actor.orgId), isNotNull(physicians.hiddenAt), isNull(physicians.transferredOutAt)];
  if (query.name) where.push(like(physicians.name, `%${escapeLike(query.name)}%`));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: physicians.id,
        name: physicians.name,
        departmentName: departments.name,
        idNumberMasked: physicians.idNumberMasked,
        practiceCategory: physicians.practiceCategory,
        physicianLevel: physicians.physicianLevel,
        hiddenAt: physicians.hiddenAt,
        hiddenReason: physicians.hiddenReason,
      })
      .from(physicians)
      .leftJoin(departments, eq(departments.id, physicians.departmentId))
      .where(and(...where))
      .orderBy(desc(physicians.hiddenAt), desc(physicians.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(physicians).where(and(...where)),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      practiceCategory: r.practiceCategory as HiddenPhysicianList['items'][number]['practiceCategory'],
      physicianLevel: r.physicianLevel as HiddenPhysicianList['items'][number]['physicianLevel'],
      hiddenAt: r.hiddenAt!.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
