// 医疗卫生机构首页: GET /api/v1/home/institution and POST /api/v1/home/institution/confirm-cycle (告知栏 【去确认】).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import {
  confirmCycleBodySchema,
  confirmCycleResponseSchema,
  institutionHomeSchema,
  pendingTasks,
  type Contact,
  type InstitutionHome,
  type PendingTask,
  type PendingTaskKey,
} from '../../../common/schemas/institution-home.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, authorities, cycleConfirmations, institutions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { currentCycle, cycleSummary, type CycleRow } from '../cycles/service.js';
import { pendingCount as pendingChangeRequests } from '../change-requests/repository.js';
import { progressOf } from '../enrolments/progress.js';
import { latestNoticesFor } from '../notices/service.js';
import { authed, errorResponses } from '../http.js';
import { institutionReviewCounts } from './review-tasks.js';

const HOME_NOTICES = 6;

async function pendingTaskCounts(db: Database, cycle: CycleRow | null, institutionId: number): Promise<PendingTask[]> {
  const reviews = cycle ? await institutionReviewCounts(db, cycle.id, institutionId) : { standard: 0, simplified: 0, exemption: 0 };
  const counts: Record<PendingTaskKey, number> = {
    standardReview: reviews.standard,
    simplifiedReview: reviews.simplified,
    exemptionReview: reviews.exemption,
    // Change requests do not belong to a cycle: every pending one addressed to the institution counts.
    infoChange: await pendingChangeRequests(db, institutionId),
  };
  return (Object.keys(pendingTasks) as PendingTaskKey[]).map((key) => ({ key, ...pendingTasks[key], count: counts[key] }));
}

async function authorityContact(db: Database, authorityId: number): Promise<Contact> {
  const [authority] = await db
    .select({ name: authorities.name, contactPerson: authorities.contactPerson, contactPhone: authorities.contactPhone })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return authority;
}

async function assessorContact(db: Database, cycle: CycleRow, institutionId: number): Promise<Contact | null> {
  const [row] = await db
    .select({ name: institutions.name, contactPerson: institutions.contactPerson, contactPhone: institutions.contactPhone })
    .from(assessorAssignments)
    .innerJoin(institutions, eq(institutions.id, assessorAssignments.assignedAssessorId))
    .where(and(eq(assessorAssignments.cycleId, cycle.id), eq(assessorAssignments.institutionId, institutionId)));
  return row ?? null;
}

export async function institutionHome(db: Database, actor: Actor): Promise<InstitutionHome> {
  requireRole(actor, ['institution']);
  const [institution] = await db
    .select({ name: institutions.name, authorityId: institutions.authorityId, regionCode: institutions.regionCode })
    .from(institutions)
    .where(eq(institutions.id, actor.orgId));
  if (!institution) throw notFound('机构不存在');
  const cycle = await currentCycle(db, actor.provinceCode);
  const [confirmation] = cycle
    ? await db
        .select({ confirmedAt: cycleConfirmations.confirmedAt })
        .from(cycleConfirmations)
        .where(and(eq(cycleConfirmations.cycleId, cycle.id), eq(cycleConfirmations.institutionId, actor.orgId)))
    : [];
  const assessor = cycle ? await assessorContact(db, cycle, actor.orgId) : null;
  const authority = await authorityContact(db, institution.authorityId);
  return {
    institutionName: institution.name,
    cycle: cycle ? cycleSummary(cycle) : null,
    cycleConfirmedAt: confirmation ? confirmation.confirmedAt.toISOString() : null,
    tasks: await pendingTaskCounts(db, cycle, actor.orgId),
    progress: cycle ? await progressOf(db, cycle.id, { institutionId: actor.orgId }) : null,
    contacts: { assessor, authority, noAssessorMessage: assessor ? null : `当前机构暂未指定考核机构，请联系${authority.name}` },
    notices: await latestNoticesFor(db, institution.regionCode, HOME_NOTICES),
  };
}

/** 【去确认】: remembers that the institution saw the current cycle's dates; idempotent (audited once). */
export async function confirmCycle(db: Database, actor: Actor, cycleId: number, ip: string): Promise<{ cycleId: number; confirmedAt: string }> {
  requireRole(actor, ['institution']);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) throw new AppError(409, 'NO_CURRENT_CYCLE', '当前没有进行中的考核周期');
  if (cycle.id !== cycleId) throw new AppError(409, 'CYCLE_CHANGED', '考核周期已变更，请刷新页面后再确认');
  const confirmedAt = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(cycleConfirmations)
      .values({ cycleId, institutionId: actor.orgId })
      .onConflictDoNothing()
      .returning({ confirmedAt: cycleConfirmations.confirmedAt });
    if (inserted.length) {
      await recordAudit(tx, { action: 'cycle.confirmed', actor, targetType: 'cycle', targetId: cycleId, after: { institutionId: actor.orgId }, ip });
      return inserted[0].confirmedAt;
    }
    const [existing] = await tx
      .select({ confirmedAt: cycleConfirmations.confirmedAt })
      .from(cycleConfirmations)
      .where(and(eq(cycleConfirmations.cycleId, cycleId), eq(cycleConfirmations.institutionId, actor.orgId)));
    return existing.confirmedAt;
  });
  return { cycleId, confirmedAt: confirmedAt.toISOString() };
}

export const institutionHomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.get(
    '',
    { schema: { tags: ['home'], summary: '医疗卫生机构首页：考核安排、待处理任务、考核进度、联系方式、通知公告', response: { 200: institutionHomeSchema, ...errorResponses } } },
    async (request) => institutionHome(db, authed(request).actor),
  );
  app.post(
    '/confirm-cycle',
    {
      schema: {
        tags: ['home'],
        summary: '确认考核周期起止日期（告知栏【去确认】）',
        body: confirmCycleBodySchema,
        response: { 200: confirmCycleResponseSchema, ...errorResponses, 409: apiErrorSchema },
      },
    },
    async (request) => confirmCycle(db, authed(request).actor, request.body.cycleId, request.ip),
  );
};
