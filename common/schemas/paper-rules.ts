// 试卷规则 (provincial authority): per current cycle × 试卷 × 执业类别 (医学人文·法律法规: one rule for all) — 题量 and
// 分值 per 题型, 合格分, 考试时长（分钟）, X型题计分, 交卷后可查看答案与解析. Typical: 100 questions, 60 minutes, 60 to pass.
import { z } from 'zod';
import { practiceCategories } from '../enums.js';
import { paperKinds } from '../papers.js';
import { questionTypeLabels, questionTypes, type QuestionType } from '../question-bank.js';

export const multipleScorings = ['all_or_nothing', 'partial'] as const;
export type MultipleScoring = (typeof multipleScorings)[number];
export const multipleScoringLabels: Record<MultipleScoring, string> = { all_or_nothing: '全对得分', partial: '少选得部分分' };

export const DURATION_MIN = 5;
export const DURATION_MAX = 240;
export const SECTION_COUNT_MAX = 300;
export const POINTS_MAX = 100;

const oneDecimal = (n: number) => Math.abs(Math.round(n * 10) - n * 10) < 1e-9;

export const ruleSectionSchema = z
  .object({
    type: z.enum(questionTypes, { error: '题型不正确' }),
    count: z.number({ error: '题量须为整数' }),
    points: z.number({ error: '分值须为数字' }),
  })
  .superRefine((s, ctx) => {
    const label = questionTypeLabels[s.type];
    if (!Number.isInteger(s.count) || s.count < 0 || s.count > SECTION_COUNT_MAX) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: `${label}题量须为0–${SECTION_COUNT_MAX}之间的整数` });
    }
    // The points of a type nobody draws do not matter.
    if (s.count > 0 && (!(s.points > 0) || s.points > POINTS_MAX || !oneDecimal(s.points))) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: `${label}每题分值须为0.1–${POINTS_MAX}之间的数（最多一位小数）` });
    }
  });
export type RuleSection = z.infer<typeof ruleSectionSchema>;

export const sectionTotals = (sections: readonly { count: number; points: number }[]) => ({
  questions: sections.reduce((n, s) => n + s.count, 0),
  points: Math.round(sections.reduce((n, s) => n + s.count * s.points, 0) * 10) / 10,
});

export const paperRuleBodySchema = z
  .object({
    paper: z.enum(paperKinds, { error: '请选择试卷' }),
    /** Null for 医学人文·法律法规 (one rule for every 执业类别). */
    practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).nullish().transform((v) => v ?? null),
    sections: z.array(ruleSectionSchema, { error: '请设置各题型的题量' }).max(questionTypes.length, '题型不能重复'),
    passScore: z.number({ error: '请输入合格分' }),
    durationMinutes: z
      .number({ error: '请输入考试时长（分钟）' })
      .int(`考试时长（分钟）须为${DURATION_MIN}–${DURATION_MAX}之间的整数`)
      .min(DURATION_MIN, `考试时长（分钟）须为${DURATION_MIN}–${DURATION_MAX}之间的整数`)
      .max(DURATION_MAX, `考试时长（分钟）须为${DURATION_MIN}–${DURATION_MAX}之间的整数`),
    multipleScoring: z.enum(multipleScorings, { error: '请选择X型题计分方式' }).default('all_or_nothing'),
    reviewAllowed: z.boolean({ error: '请选择交卷后是否可查看答案与解析' }).default(true),
    /** The rule's `updatedAt` as the form read it (null for a rule not yet saved): someone else's save since is a 409. */
    updatedAt: z.string({ error: '版本不正确' }).nullish().transform((v) => v ?? null),
  })
  .superRefine((body, ctx) => {
    if (body.paper === 'proficiency' && !body.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '业务水平试卷须选择执业类别' });
    if (body.paper === 'humanities' && body.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '医学人文·法律法规试卷不分执业类别' });
    const seen = new Set<QuestionType>();
    body.sections.forEach((s, i) => {
      if (seen.has(s.type)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'type'], message: `${questionTypeLabels[s.type]}重复` });
      seen.add(s.type);
    });
    const totals = sectionTotals(body.sections.filter((s) => Number.isInteger(s.count) && s.count > 0));
    if (totals.questions === 0) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: '请至少设置一道题' });
      return;
    }
    if (!(totals.points > 0)) ctx.addIssue({ code: 'custom', path: ['sections'], message: '总分须大于0' });
    else if (!(body.passScore > 0) || body.passScore > totals.points || !oneDecimal(body.passScore)) {
      ctx.addIssue({ code: 'custom', path: ['passScore'], message: `合格分须大于0且不超过总分（${totals.points}分），最多一位小数` });
    }
  });
export type PaperRuleBody = z.input<typeof paperRuleBodySchema>;

export const paperRuleSchema = z.object({
  id: z.number(),
  sections: z.array(z.object({ type: z.enum(questionTypes), count: z.number(), points: z.number() })),
  passScore: z.number(),
  durationMinutes: z.number(),
  multipleScoring: z.enum(multipleScorings),
  reviewAllowed: z.boolean(),
  totalQuestions: z.number(),
  totalPoints: z.number(),
  updatedAt: z.string(),
});
export type PaperRule = z.infer<typeof paperRuleSchema>;

/** What the bank holds for a paper, per 题型 (enabled only): questions, and for A3/A4/B1 the groups' sizes. */
export const ruleBankSchema = z.object({ type: z.enum(questionTypes), questions: z.number(), groupSizes: z.array(z.number()) });

/** One card of the page: a 试卷 × 执业类别, its rule (null until saved) and what the bank holds for it. */
export const paperRuleCardSchema = z.object({
  paper: z.enum(paperKinds),
  practiceCategory: z.enum(practiceCategories).nullable(),
  title: z.string(),
  rule: paperRuleSchema.nullable(),
  bank: z.array(ruleBankSchema),
});
export type PaperRuleCard = z.infer<typeof paperRuleCardSchema>;

export const paperRulesSchema = z.object({
  /** The province's current cycle; null when none is set (nothing can be saved then). */
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  cards: z.array(paperRuleCardSchema),
});
export type PaperRules = z.infer<typeof paperRulesSchema>;
