// 题库管理 (provincial authority): the list, counts, one item with its key and 解析, its preview, create / edit, 停用 / 启用.
// An item is what common/question-bank.ts describes (a single question or an A3/A4/B1 group); the body wraps it with
// its tags (试卷, 执业类别, 诊疗科目).
import { z } from 'zod';
import { isClinicalSubjectCode } from '../clinical-subjects.js';
import { practiceCategories } from '../enums.js';
import { paperKinds } from '../papers.js';
import { bankItemSchema, questionTypes } from '../question-bank.js';
import { attemptQuestionSchema } from './exams.js';
import { pageOf, pageQueryFields } from './pagination.js';

/** enabled 启用 / disabled 停用 / replaced: an older version, kept for the attempts that drew it. */
export const bankStatuses = ['enabled', 'disabled', 'replaced'] as const;
export type BankStatus = (typeof bankStatuses)[number];
export const bankStatusLabels: Record<BankStatus, string> = { enabled: '启用', disabled: '停用', replaced: '历史版本' };

const listFilters = {
  paper: z.enum(paperKinds, { error: '试卷不正确' }).optional(),
  type: z.enum(questionTypes, { error: '题型不正确' }).optional(),
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
  keyword: z
    .string({ error: '关键字格式不正确' })
    .trim()
    .max(100, '关键字不能超过100个字符')
    .optional()
    .transform((v) => v || undefined),
  /** Without it: the current versions (启用 and 停用), never the 历史版本. */
  status: z.enum(bankStatuses, { error: '状态不正确' }).optional(),
};

export const bankFiltersSchema = z.object(listFilters);
export type BankFilters = z.input<typeof bankFiltersSchema>;
export const bankListQuerySchema = z.object({ ...listFilters, ...pageQueryFields });
export type BankListQuery = z.input<typeof bankListQuerySchema>;

export const bankListItemSchema = z.object({
  id: z.number(),
  type: z.enum(questionTypes),
  paper: z.enum(paperKinds),
  practiceCategory: z.enum(practiceCategories).nullable(),
  clinicalSubject: z.string().nullable(),
  /** The case (A3/A4), else the first question's stem; cut to a line. */
  summary: z.string(),
  questionCount: z.number(),
  /** The hardest of the item's questions. */
  difficulty: z.number(),
  status: z.enum(bankStatuses),
  version: z.number(),
  updatedAt: z.string(),
});
export type BankListItem = z.infer<typeof bankListItemSchema>;
export const bankListSchema = pageOf(bankListItemSchema);
export type BankList = z.infer<typeof bankListSchema>;

/** Enabled items and questions per 试卷 × 执业类别 × 题型 (the page header; 试卷规则 checks against the same). */
export const bankCountSchema = z.object({
  paper: z.enum(paperKinds),
  practiceCategory: z.enum(practiceCategories).nullable(),
  type: z.enum(questionTypes),
  items: z.number(),
  questions: z.number(),
});
export type BankCount = z.infer<typeof bankCountSchema>;
export const bankCountsSchema = z.object({ counts: z.array(bankCountSchema) });
export type BankCounts = z.infer<typeof bankCountsSchema>;

const childView = z.object({
  stem: z.string(),
  options: z.array(z.string()).optional(),
  answer: z.string(),
  explanation: z.string(),
  difficulty: z.number(),
});

/** An item as stored, with the key and 解析 (the authority's view; the examinee's is the preview). */
export const bankItemViewSchema = z.object({
  type: z.enum(questionTypes),
  stem: z.string().optional(),
  options: z.array(z.string()).optional(),
  answer: z.string().optional(),
  explanation: z.string().optional(),
  difficulty: z.number().optional(),
  shared: z.string().optional(),
  sharedOptions: z.array(z.string()).optional(),
  questions: z.array(childView).optional(),
});

export const bankItemDetailSchema = z.object({
  id: z.number(),
  paper: z.enum(paperKinds),
  practiceCategory: z.enum(practiceCategories).nullable(),
  clinicalSubject: z.string().nullable(),
  status: z.enum(bankStatuses),
  version: z.number(),
  previousId: z.number().nullable(),
  /** Some attempt (exam or practice) drew it: saving makes a new version and this one becomes 历史版本. */
  drawn: z.boolean(),
  updatedAt: z.string(),
  item: bankItemViewSchema,
});
export type BankItemDetail = z.infer<typeof bankItemDetailSchema>;

/** 预览: the item's questions exactly as the attempt page shows them (no key, no 解析), options in stored order. */
export const bankPreviewSchema = z.object({ questions: z.array(attemptQuestionSchema) });
export type BankPreview = z.infer<typeof bankPreviewSchema>;

export const bankItemBodySchema = z
  .object({
    paper: z.enum(paperKinds, { error: '请选择试卷' }),
    practiceCategory: z.enum(practiceCategories, { error: '请选择执业类别' }).nullish().transform((v) => v ?? null),
    clinicalSubject: z
      .string({ error: '诊疗科目不正确' })
      .refine(isClinicalSubjectCode, '诊疗科目不正确')
      .nullish()
      .transform((v) => v ?? null),
    item: bankItemSchema,
  })
  .superRefine((body, ctx) => {
    if (body.paper === 'proficiency' && !body.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '业务水平题须选择执业类别' });
    if (body.paper === 'humanities' && body.practiceCategory) ctx.addIssue({ code: 'custom', path: ['practiceCategory'], message: '医学人文·法律法规题不分执业类别' });
    if (body.paper === 'humanities' && body.clinicalSubject) ctx.addIssue({ code: 'custom', path: ['clinicalSubject'], message: '医学人文·法律法规题不设诊疗科目' });
  });
export type BankItemBody = z.input<typeof bankItemBodySchema>;

/** 保存 answers the item now current: its id changes when a drawn item was saved as a new version. */
export const bankItemSavedSchema = z.object({ id: z.number(), versioned: z.boolean() });
export type BankItemSaved = z.infer<typeof bankItemSavedSchema>;
