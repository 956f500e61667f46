// 题库: the item types of Chinese medical exams and a bank file of them (DESIGN §4). Shared by the demo
// banks, the Excel import and the test engine; the zod schema is what an imported row must pass.
import { z } from 'zod';
import { isClinicalSubjectCode } from './clinical-subjects.js';
import { practiceCategories, type PracticeCategory } from './enums.js';
import { paperKinds, type PaperKind } from './papers.js';

export const questionTypes = ['A1', 'A2', 'A3', 'A4', 'B1', 'X', 'TF'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const questionTypeLabels: Record<QuestionType, string> = {
  A1: 'A1型题',
  A2: 'A2型题',
  A3: 'A3型题',
  A4: 'A4型题',
  B1: 'B1型题',
  X: 'X型题（多选题）',
  TF: '判断题',
};

export const difficulties = [1, 2, 3] as const;
export type Difficulty = (typeof difficulties)[number];
export const difficultyLabels: Record<Difficulty, string> = { 1: '易', 2: '中', 3: '难' };

/** Option letters in order; an option list has at most 8 (选项A…选项H of the import template). */
export const optionLetters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const OPTIONS_MAX = optionLetters.length;

/** A1, A2 (one best answer of A–E), X (several right answers of 4–5) and 判断 (T / F, no options). */
export interface SingleQuestion {
  type: 'A1' | 'A2' | 'X' | 'TF';
  stem: string;
  options: string[];
  /** A1/A2: one letter; X: two or more letters in order ('ACD'); TF: 'T' or 'F'. */
  answer: string;
  explanation: string;
  difficulty: Difficulty;
}

/** A question of a group: A3/A4 children carry their own 5 options, B1 children answer from the shared list. */
export interface ChildQuestion {
  stem: string;
  options?: string[];
  answer: string;
  explanation: string;
  difficulty: Difficulty;
}

/** A3/A4: one case (`shared`) with 2–6 questions, each of one best answer among its own 5 options. */
export interface CaseGroup {
  type: 'A3' | 'A4';
  shared: string;
  questions: (ChildQuestion & { options: string[] })[];
}

/** B1: 5 shared options and ≥ 2 questions; an option may be used once, several times or not at all. */
export interface OptionGroup {
  type: 'B1';
  sharedOptions: string[];
  questions: Omit<ChildQuestion, 'options'>[];
}

export type QuestionGroup = CaseGroup | OptionGroup;
export type BankItem = SingleQuestion | QuestionGroup;

export interface QuestionBank {
  paper: PaperKind;
  /** Required for the proficiency paper. */
  practiceCategory?: PracticeCategory;
  /** A 诊疗科目 code of common/clinical-subjects.ts, when the bank is that narrow. */
  clinicalSubject?: string;
  items: BankItem[];
}

export const isGroup = (item: BankItem): item is QuestionGroup => item.type === 'A3' || item.type === 'A4' || item.type === 'B1';

/** How many questions an item counts for: a group counts its children. */
export const questionCount = (item: BankItem): number => (isGroup(item) ? item.questions.length : 1);

// ---- validation ----

const text = (label: string, max: number) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(1, `请输入${label}`)
    .max(max, `${label}不能超过${max}个字符`);

const STEM_MAX = 2000;
const OPTION_MAX = 500;
const EXPLANATION_MAX = 2000;

const stem = text('题干', STEM_MAX);
const explanation = text('解析', EXPLANATION_MAX);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '难度须为1（易）、2（中）或3（难）' });
const optionList = (label: string) => z.array(text(label, OPTION_MAX), { error: `请输入${label}` });
const fiveOptions = (label: string) => optionList(label).length(5, `${label}须为5个（A–E）`);
const singleLetter = (count: number) => new RegExp(`^[${optionLetters.slice(0, count).join('')}]$`);

/** Checks a one-best-answer question's answer against its option count. */
function checkSingleAnswer(answer: string, count: number, ctx: z.RefinementCtx, path: (string | number)[]) {
  if (!singleLetter(count).test(answer)) {
    ctx.addIssue({ code: 'custom', path, message: `答案须为${optionLetters[0]}–${optionLetters[count - 1]}中的一个字母` });
  }
}

const singleSchema = z
  .object({
    type: z.enum(['A1', 'A2', 'X', 'TF']),
    stem,
    options: z.array(text('选项', OPTION_MAX), { error: '请输入选项' }).max(OPTIONS_MAX, `选项不能超过${OPTIONS_MAX}个`),
    answer: z.string({ error: '请输入答案' }).trim().min(1, '请输入答案'),
    explanation,
    difficulty,
  })
  .superRefine((q, ctx) => {
    const n = q.options.length;
    if (q.type === 'A1' || q.type === 'A2') {
      if (n !== 5) ctx.addIssue({ code: 'custom', path: ['options'], message: `${questionTypeLabels[q.type]}选项须为5个（A–E）` });
      else checkSingleAnswer(q.answer, n, ctx, ['answer']);
    } else if (q.type === 'X') {
      if (n < 4 || n > 5) ctx.addIssue({ code: 'custom', path: ['options'], message: 'X型题选项须为4–5个' });
      else {
        const letters = optionLetters.slice(0, n).join('');
        const sorted = [...new Set(q.answer)].sort().join('');
        if (!new RegExp(`^[${letters}]{2,}$`).test(q.answer) || sorted !== q.answer) {
          ctx.addIssue({ code: 'custom', path: ['answer'], message: `X型题答案须为${letters[0]}–${letters[n - 1]}中至少两个不重复的字母，按字母顺序（如ACD）` });
        }
      }
    } else {
      if (n !== 0) ctx.addIssue({ code: 'custom', path: ['options'], message: '判断题不设选项' });
      if (q.answer !== 'T' && q.answer !== 'F') ctx.addIssue({ code: 'custom', path: ['answer'], message: '判断题答案须为T（正确）或F（错误）' });
    }
  });

const answerText = z.string({ error: '请输入答案' }).trim().min(1, '请输入答案');

const caseGroupSchema = z.object({
  type: z.enum(['A3', 'A4']),
  shared: text('共用题干（病例）', STEM_MAX),
  questions: z
    .array(
      z
        .object({ stem, options: fiveOptions('选项'), answer: answerText, explanation, difficulty })
        .superRefine((q, ctx) => checkSingleAnswer(q.answer, q.options.length, ctx, ['answer'])),
      { error: '请输入子题' },
    )
    .min(2, '共用题干题须有2–6个子题')
    .max(6, '共用题干题须有2–6个子题'),
});

const optionGroupSchema = z
  .object({
    type: z.literal('B1'),
    sharedOptions: fiveOptions('共用备选答案'),
    questions: z.array(z.object({ stem, answer: answerText, explanation, difficulty }), { error: '请输入子题' }).min(2, 'B1型题须有至少2个子题'),
  })
  .superRefine((g, ctx) => {
    g.questions.forEach((q, i) => checkSingleAnswer(q.answer, g.sharedOptions.length, ctx, ['questions', i, 'answer']));
  });

// Dispatch on the type first so an item's errors are its own type's, not a union's summary.
const itemByType = (item: unknown) => {
  const type = (item as { type?: unknown } | null)?.type;
  if (type === 'A3' || type === 'A4') return caseGroupSchema;
  if (type === 'B1') return optionGroupSchema;
  if (type === 'A1' || type === 'A2' || type === 'X' || type === 'TF') return singleSchema;
  return null;
};

/** Validates one item with its own type's rules; an unknown type is one clear error. */
export function parseBankItem(item: unknown) {
  const schema = itemByType(item);
  if (!schema) return { success: false as const, error: new z.ZodError([{ code: 'custom', path: ['type'], message: '题型须为A1、A2、A3、A4、B1、X或TF', input: item }]) };
  return schema.safeParse(item);
}

/** One bank item (a single question or a group) as a zod schema, checked by its own type's rules; texts come out trimmed. */
export const bankItemSchema = z.unknown().transform((item, ctx): BankItem => {
  const result = parseBankItem(item);
  if (result.success) return result.data as BankItem;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

export const questionBankSchema = z
  .object({
    paper: z.enum(paperKinds, { error: '试卷须为医学人文·法律法规或业务水平' }),
    practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
    clinicalSubject: z.string().refine(isClinicalSubjectCode, '诊疗科目不正确').optional(),
    items: z.array(z.unknown()),
  })
  .superRefine((bank, ctx) => {
    if (bank.paper === 'proficiency' && !bank.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '业务水平题须填写执业类别' });
    bank.items.forEach((item, i) => {
      const result = parseBankItem(item);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: ['items', i, ...issue.path], message: issue.message });
    });
    if (bank.paper === 'humanities' && bank.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '医学人文·法律法规题不分执业类别' });
  });
