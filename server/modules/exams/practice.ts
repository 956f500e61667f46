// 练习: unlimited, drawn from the same bank (the physician's 执业类别 for 业务水平), one point a question, no deadline;
// each answer is told right or wrong with the key and 解析 at once, and a practice never counts for the cycle.
import { sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { PaperKind } from '../../../common/papers.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import type { AttemptRule, DrawnQuestion } from '../../db/schema/index.js';
import { conflict } from '../../lib/errors.js';
import { bankIndex } from './bank-index.js';
import { loadExamContext } from './context.js';
import type { IndexedItem } from './draw.js';

export const PRACTICE_MIN_QUESTIONS = 5;

function shuffle<T>(values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

const order = (n: number) => (n > 0 ? shuffle(Array.from({ length: n }, (_, i) => i)) : null);

/** Up to `count` questions of any type, groups whole (a group that would overshoot is skipped). */
function drawPractice(items: IndexedItem[], count: number): DrawnQuestion[] {
  const drawn: DrawnQuestion[] = [];
  for (const item of shuffle([...items])) {
    if (drawn.length + item.questionIds.length > count) continue;
    const shared = item.questionIds.length > 1 ? order(item.optionCount) : null;
    for (const questionId of item.questionIds) drawn.push({ questionId, order: shared ?? order(item.optionCount), points: 1 });
    if (drawn.length === count) break;
  }
  return drawn;
}

export async function startPractice(db: Database, actor: Actor, paper: PaperKind, count: number): Promise<{ attemptId: number }> {
  requireRole(actor, ['physician']);
  const ctx = await loadExamContext(db, actor);
  const index = await bankIndex(db, actor.provinceCode, paper, paper === 'humanities' ? null : ctx.practiceCategory, ctx.bankRevision);
  const draw = drawPractice([...index.values()].flat(), count);
  if (draw.length < PRACTICE_MIN_QUESTIONS) throw conflict('题库中的题目不足，暂不能练习');
  const rule: AttemptRule = { passScore: Math.ceil(draw.length * 0.6), totalPoints: draw.length, durationMinutes: 0, multipleScoring: 'all_or_nothing', reviewAllowed: true };
  const result = await db.execute(sql`
    insert into exam_attempts (physician_id, kind, paper, draw, question_count, rule)
    values (${ctx.physicianId}, 'practice', ${paper}, ${JSON.stringify(draw)}::jsonb, ${draw.length}, ${JSON.stringify(rule)}::jsonb)
    returning id`);
  return { attemptId: Number((result as unknown as { rows: { id: number }[] }).rows[0].id) };
}
