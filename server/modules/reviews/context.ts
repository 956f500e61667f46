// What every 审核 / 复核 use case starts from: who reviews (the institution, or its assessor after 切换), the
// current cycle, and why a decision is not possible now (no assessor assigned, outside the 报名信息审核 window).
import { and, eq } from 'drizzle-orm';
import { windowLabels } from '../../../common/enums.js';
import { windowState } from '../../../common/schedule.js';
import { STALE_REVIEW_MESSAGE } from '../../../common/schemas/review.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, authorities, institutions } from '../../db/schema/index.js';
import { AppError, conflict } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import type { SmsLogger, SmsProvider } from '../../lib/sms.js';
import { currentCycle, type CycleRow } from '../cycles/service.js';
import { windowOf } from '../cycles/windows.js';

export interface ReviewDeps {
  db: Database;
  pii: Pii;
  sms: SmsProvider;
  log: SmsLogger;
}

export type Reviewer = 'institution' | 'assessor';

/** Only an institution (审核) or an assessor (复核) decides. */
export function reviewerOf(actor: Actor): Reviewer {
  requireRole(actor, ['institution', 'assessor']);
  return actor.role as Reviewer;
}

export const staleReview = () => new AppError(409, 'STALE', STALE_REVIEW_MESSAGE);

export async function requireCurrentCycle(db: Database, actor: Actor): Promise<CycleRow> {
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) throw conflict('当前没有进行中的考核周期');
  return cycle;
}

/** Seed 004 FAQ 11: an institution without an assigned assessor cannot review; the message names its authority. */
async function noAssessorMessage(db: Database, cycle: CycleRow, institutionId: number): Promise<string | null> {
  const [assigned] = await db
    .select({ id: assessorAssignments.assignedAssessorId })
    .from(assessorAssignments)
    .where(and(eq(assessorAssignments.cycleId, cycle.id), eq(assessorAssignments.institutionId, institutionId)));
  if (assigned) return null;
  const [authority] = await db
    .select({ name: authorities.name })
    .from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.authorityId))
    .where(eq(institutions.id, institutionId));
  return `当前机构暂未指定考核机构，无法进行此操作，请联系${authority?.name ?? '隶属卫生行政部门'}`;
}

/** Why the actor cannot decide now, or null. Authorities only read. */
export async function decisionBlock(db: Database, actor: Actor, cycle: CycleRow | null): Promise<string | null> {
  if (actor.role !== 'institution' && actor.role !== 'assessor') return null;
  if (!cycle) return '当前没有进行中的考核周期';
  if (actor.role === 'institution') {
    const message = await noAssessorMessage(db, cycle, actor.orgId);
    if (message) return message;
  }
  const { start, end } = windowOf(cycle, 'review');
  const state = windowState(start, end);
  if (state === 'notStarted') return `${windowLabels.review}时间未开始（${start} 至 ${end}），暂不能审核`;
  if (state === 'ended') return `${windowLabels.review}时间已结束（${start} 至 ${end}），不能再审核`;
  return null;
}

/** Refuses a decision with the reason of `decisionBlock`. */
export async function requireDecisionAllowed(db: Database, actor: Actor): Promise<CycleRow> {
  const cycle = await requireCurrentCycle(db, actor);
  const block = await decisionBlock(db, actor, cycle);
  if (block) throw conflict(block);
  return cycle;
}
