// 试卷规则: the provincial authority sets, for the current cycle, one rule per 试卷 × 执业类别 (医学人文·法律法规: one for
// all). A rule the bank cannot fill is refused, naming the 题型 and what the bank holds (sectionShortage over the
// same bank index a start draws from). A running attempt keeps the rule it started with, so a rule may change any time.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { practiceCategories, practiceCategoryLabels, type PracticeCategory } from '../../../common/enums.js';
import { paperKindLabels, type PaperKind } from '../../../common/papers.js';
import { questionTypeLabels, questionTypes } from '../../../common/question-bank.js';
import { sectionTotals, type MultipleScoring, type PaperRule, type PaperRuleCard, type PaperRules, type paperRuleBodySchema } from '../../../common/schemas/paper-rules.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { cycles, paperRules, type PaperRuleSection } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import { bankIndex } from '../exams/bank-index.js';
import { sectionShortage } from '../exams/draw.js';
import { bankCounts } from '../question-bank/repository.js';
import { requireBankManager } from '../question-bank/service.js';

type RuleBody = z.output<typeof paperRuleBodySchema>;
type RuleRow = typeof paperRules.$inferSelect;
type Counts = Awaited<ReturnType<typeof bankCounts>>;

const GROUP_TYPES = new Set(['A3', 'A4', 'B1']);

const categoryKey = (paper: PaperKind, category: PracticeCategory | null) => (paper === 'humanities' ? '' : (category ?? ''));

export const cardTitle = (paper: PaperKind, category: PracticeCategory | null) =>
  paper === 'humanities' ? `${paperKindLabels.humanities}（各执业类别通用）` : `${paperKindLabels.proficiency}·${practiceCategoryLabels[category!]}`;

function ruleView(row: RuleRow): PaperRule {
  const totals = sectionTotals(row.sections);
  return {
    id: row.id,
    sections: row.sections.map((s) => ({ type: s.type as PaperRule['sections'][number]['type'], count: s.count, points: s.points })),
    passScore: Number(row.passScore),
    durationMinutes: row.durationMinutes,
    multipleScoring: row.multipleScoring as MultipleScoring,
    reviewAllowed: row.reviewAllowed,
    totalQuestions: totals.questions,
    totalPoints: totals.points,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function cardOf(paper: PaperKind, category: PracticeCategory | null, row: RuleRow | undefined, counts: Counts): PaperRuleCard {
  const bank = questionTypes.map((type) => {
    const found = counts.find((c) => c.paper === paper && c.type === type && (c.practiceCategory ?? null) === (paper === 'humanities' ? null : category));
    return { type, questions: found?.questions ?? 0, groupSizes: found && GROUP_TYPES.has(type) ? found.groupSizes : [] };
  });
  return { paper, practiceCategory: category, title: cardTitle(paper, category), rule: row ? ruleView(row) : null, bank };
}

async function currentCycle(db: Database, provinceCode: string) {
  const [cycle] = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).where(and(eq(cycles.provinceCode, provinceCode), eq(cycles.isCurrent, true)));
  return cycle ?? null;
}

const cardKeys: [PaperKind, PracticeCategory | null][] = [['humanities', null], ...practiceCategories.map((c): [PaperKind, PracticeCategory] => ['proficiency', c])];

/** The cards of the current cycle: 医学人文·法律法规, then 业务水平 per 执业类别, each with its rule and bank. */
export async function listPaperRules(db: Database, actor: Actor): Promise<PaperRules> {
  requireBankManager(actor);
  const cycle = await currentCycle(db, actor.provinceCode);
  const [rows, counts] = await Promise.all([cycle ? db.select().from(paperRules).where(eq(paperRules.cycleId, cycle.id)) : Promise.resolve([]), bankCounts(db, actor.provinceCode)]);
  const ruleOf = (paper: PaperKind, category: PracticeCategory | null) => rows.find((r) => r.paper === paper && r.practiceCategory === categoryKey(paper, category));
  return { cycle, cards: cardKeys.map(([paper, category]) => cardOf(paper, category, ruleOf(paper, category), counts)) };
}

async function bankRevision(db: Database, provinceCode: string): Promise<number> {
  const result = await db.execute(sql`select coalesce((select revision from question_bank_revisions where province_code = ${provinceCode}), 0) as revision`);
  return Number((result as unknown as { rows: { revision: number }[] }).rows[0].revision);
}

/** Refused (422) when the bank's enabled questions cannot fill a section; each message names the 题型. */
async function checkBankFills(db: Database, provinceCode: string, body: RuleBody): Promise<void> {
  const index = await bankIndex(db, provinceCode, body.paper, body.paper === 'humanities' ? null : body.practiceCategory, await bankRevision(db, provinceCode));
  const fields: Record<string, string> = {};
  body.sections.forEach((section, i) => {
    if (section.count === 0) return;
    const shortage = sectionShortage(index, section, questionTypeLabels[section.type]);
    if (shortage) fields[`sections.${i}.count`] = shortage;
  });
  const messages = Object.values(fields);
  if (messages.length > 0) throw unprocessable(`${cardTitle(body.paper, body.practiceCategory)}：${messages.join('；')}`, fields);
}

/**
 * 保存: creates or replaces the rule of the current cycle for the body's 试卷 × 执业类别. The form sends the `updatedAt`
 * it read (null for a rule not yet saved); a save by someone else since then is a 409.
 */
export async function savePaperRule(db: Database, actor: Actor, body: RuleBody, ip: string): Promise<PaperRuleCard> {
  requireBankManager(actor);
  const cycle = await currentCycle(db, actor.provinceCode);
  if (!cycle) throw conflict('尚未设置当前考核周期，不能保存试卷规则');
  await checkBankFills(db, actor.provinceCode, body);
  // Paper order: the catalog's order of 题型; types with no question are not kept.
  const sections: PaperRuleSection[] = questionTypes.flatMap((type) => body.sections.filter((s) => s.type === type && s.count > 0).map((s) => ({ type, count: s.count, points: s.points })));
  const category = categoryKey(body.paper, body.practiceCategory);
  const values = {
    sections,
    passScore: body.passScore,
    durationMinutes: body.durationMinutes,
    multipleScoring: body.multipleScoring,
    reviewAllowed: body.reviewAllowed,
  };
  const saved = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(paperRules)
      .where(and(eq(paperRules.cycleId, cycle.id), eq(paperRules.paper, body.paper), eq(paperRules.practiceCategory, category)))
      .for('update');
    const stale = existing ? existing.updatedAt.toISOString() !== body.updatedAt : body.updatedAt !== null;
    if (stale) throw conflict('试卷规则已被他人修改，请刷新后重试');
    let row: RuleRow | undefined;
    if (existing) {
      [row] = await tx.update(paperRules).set({ ...values, updatedAt: new Date() }).where(eq(paperRules.id, existing.id)).returning();
    } else {
      [row] = await tx.insert(paperRules).values({ cycleId: cycle.id, paper: body.paper, practiceCategory: category, ...values }).onConflictDoNothing().returning();
      if (!row) throw conflict('试卷规则已被他人修改，请刷新后重试');
    }
    await recordAudit(tx, {
      action: 'paperRule.saved',
      actor,
      targetType: 'paperRule',
      targetId: row.id,
      before: existing ? { sections: existing.sections, passScore: Number(existing.passScore), durationMinutes: existing.durationMinutes, multipleScoring: existing.multipleScoring, reviewAllowed: existing.reviewAllowed } : null,
      after: { cycleId: cycle.id, paper: body.paper, practiceCategory: category, ...values },
      ip,
    });
    return row;
  });
  return cardOf(body.paper, body.practiceCategory, saved, await bankCounts(db, actor.provinceCode));
}
