// 多执业机构其他意见 【新增意见】: the reviewing institution records what another practice site says of the physician.
import type { z } from 'zod';
import type { opinionBodySchema, ReviewRecord } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import { reviewOpinions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { decisionBlock, requireCurrentCycle, type ReviewDeps } from './context.js';
import { loadReview, reviewActionsFor, reviewRecord } from './record.js';

export async function addOpinion(deps: ReviewDeps, actor: Actor, enrolmentId: number, body: z.output<typeof opinionBodySchema>, ip: string): Promise<ReviewRecord> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  await requireAccess(db, actor, 'enrolment.review', [enrolmentId]);
  const block = await decisionBlock(db, actor, await requireCurrentCycle(db, actor));
  if (block) throw conflict(block);
  await db.transaction(async (tx) => {
    const review = await loadReview(tx, enrolmentId, true);
    // Opinions belong to the institution's review: only while the registration waits for it.
    if (!reviewActionsFor(actor, review, false).includes('addOpinion')) throw conflict('当前状态不是待医疗卫生机构审核，不能新增意见');
    const [row] = await tx.insert(reviewOpinions).values({ enrolmentId, ...body, createdBy: actor.accountId }).returning({ id: reviewOpinions.id });
    await recordAudit(tx, { action: 'review.opinionAdded', actor, targetType: 'reviewOpinion', targetId: row.id, after: { enrolmentId, ...body }, ip });
  });
  return reviewRecord(deps, actor, enrolmentId);
}
