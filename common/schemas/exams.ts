// 考核管理 of the physician (seed 001 §2): 待参加的考试, an attempt, answers, 提交试卷, 已完成的考试 and 练习.
// The attempt the client sees never holds the answer key or 解析 before it is submitted (practice: per answer).
import { z } from 'zod';
import { paperKinds } from '../papers.js';
import { questionTypes } from '../question-bank.js';

export const examStages = ['first', 'retake'] as const;
export type ExamStage = (typeof examStages)[number];
export const examStageLabels: Record<ExamStage, string> = { first: '首次考核', retake: '补考' };

/** A paper's state for the physician in this cycle. */
export const paperStates = ['notStarted', 'inProgress', 'passed', 'failed', 'locked', 'exempted'] as const;
export type PaperState = (typeof paperStates)[number];
export const paperStateLabels: Record<PaperState, string> = {
  notStarted: '未开始',
  inProgress: '进行中',
  passed: '已完成（合格）',
  failed: '已完成（不合格）',
  locked: '须先通过医学人文·法律法规',
  exempted: '免考',
};

export const submittedByValues = ['physician', 'timeout', 'sweeper'] as const;
export type SubmittedBy = (typeof submittedByValues)[number];
export const submittedByLabels: Record<SubmittedBy, string> = { physician: '本人提交', timeout: '时间到自动提交', sweeper: '超时由系统提交' };

const paper = z.enum(paperKinds, { error: '试卷不正确' });

export const examPaperSchema = z.object({
  paper,
  paperLabel: z.string(),
  stage: z.enum(examStages),
  state: z.enum(paperStates),
  stateLabel: z.string(),
  attemptId: z.number().nullable(),
  score: z.number().nullable(),
  /** The rule: null when the authority has not set one yet (the paper cannot be started). */
  questionCount: z.number().nullable(),
  totalPoints: z.number().nullable(),
  passScore: z.number().nullable(),
  durationMinutes: z.number().nullable(),
  /** Why 开始考试 is not possible now (locked, no rule, …); null when it is. */
  blockedReason: z.string().nullable(),
});
export type ExamPaper = z.infer<typeof examPaperSchema>;

export const completedAttemptSchema = z.object({
  attemptId: z.number(),
  cycleName: z.string(),
  paper,
  paperLabel: z.string(),
  stage: z.enum(examStages),
  startedAt: z.string(),
  submittedAt: z.string(),
  score: z.number(),
  passed: z.boolean(),
});
export type CompletedAttempt = z.infer<typeof completedAttemptSchema>;

export const practicePaperSchema = z.object({ paper, paperLabel: z.string(), questionCount: z.number(), available: z.boolean() });

export const examOverviewSchema = z.object({
  cycleName: z.string().nullable(),
  /** The window this enrolment tests in now: 测评考核, or 补考 in 待参加补考. */
  windowLabel: z.string().nullable(),
  testStart: z.string().nullable(),
  testEnd: z.string().nullable(),
  /** Why no test can be taken now (not 待参加考核, outside the 测评考核 window, …); null when some can. */
  notice: z.string().nullable(),
  papers: z.array(examPaperSchema),
  completed: z.array(completedAttemptSchema),
  practice: z.array(practicePaperSchema),
});
export type ExamOverview = z.infer<typeof examOverviewSchema>;

export const startExamSchema = z.object({
  paper,
  /** 监考: the physician's separate consent to face images being taken (required when the province has 监考 on). */
  proctoringConsent: z.boolean({ error: '监考同意格式不正确' }).optional(),
});
export const startedSchema = z.object({ attemptId: z.number() });

/** One question as the examinee sees it: options in the attempt's shuffled order, no key. */
export const attemptQuestionSchema = z.object({
  position: z.number(),
  type: z.enum(questionTypes),
  typeLabel: z.string(),
  /** A3/A4/B1: the group this question belongs to (its case or its shared options) and its place in it. */
  group: z
    .object({ index: z.number(), shared: z.string().nullable(), sharedOptions: z.array(z.string()).nullable(), first: z.number(), size: z.number() })
    .nullable(),
  stem: z.string(),
  options: z.array(z.string()),
  points: z.number(),
});
export type AttemptQuestion = z.infer<typeof attemptQuestionSchema>;

export const savedAnswerSchema = z.object({ position: z.number(), answer: z.string(), seq: z.number() });

export const reviewItemSchema = z.object({ position: z.number(), key: z.string(), explanation: z.string(), correct: z.boolean() });

export const attemptResultSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  submittedAt: z.string(),
  submittedBy: z.enum(submittedByValues),
  submittedByLabel: z.string(),
  answeredCount: z.number(),
  /** With the key and 解析, when the rule allows the review. */
  review: z.array(reviewItemSchema).nullable(),
});

export const attemptViewSchema = z.object({
  id: z.number(),
  kind: z.enum(['exam', 'practice']),
  paper,
  paperLabel: z.string(),
  stage: z.enum(examStages).nullable(),
  status: z.enum(['in_progress', 'submitted']),
  startedAt: z.string(),
  deadline: z.string().nullable(),
  /** The server's clock when it answered, so the page's countdown follows the server, not the device. */
  serverNow: z.string(),
  durationMinutes: z.number(),
  totalPoints: z.number(),
  passScore: z.number(),
  questions: z.array(attemptQuestionSchema),
  answers: z.array(savedAnswerSchema),
  result: attemptResultSchema.nullable(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

const ANSWER_RE = /^([A-H]{1,8}|[TF])?$/;
export const answerInputSchema = z.object({
  position: z.number({ error: '题号不正确' }).int('题号不正确').min(0, '题号不正确').max(999, '题号不正确'),
  answer: z.string({ error: '答案不正确' }).regex(ANSWER_RE, '答案须为选项字母（A–H）或T/F'),
  seq: z.number({ error: '序号不正确' }).int('序号不正确').min(1, '序号不正确').max(2_147_483_647, '序号不正确'),
});
export const saveAnswersSchema = z.object({ answers: z.array(answerInputSchema, { error: '请提交答案' }).min(1, '请提交答案').max(200, '一次最多提交200个答案') });
export type SaveAnswersInput = z.infer<typeof saveAnswersSchema>;

export const savedAnswersSchema = z.object({
  /** Positions the server now holds at this sequence number or a newer one: the client may drop them from its queue. */
  saved: z.array(z.object({ position: z.number(), seq: z.number() })),
  serverNow: z.string(),
  deadline: z.string().nullable(),
  /** Practice only: the key and 解析 of each answered question, shown at once. */
  keys: z.array(reviewItemSchema).nullable(),
});
export type SavedAnswers = z.infer<typeof savedAnswersSchema>;

export const submitSchema = z.object({ reason: z.enum(['physician', 'timeout']).default('physician') });

export const startPracticeSchema = z.object({
  paper,
  count: z.number({ error: '题量不正确' }).int('题量不正确').min(5, '练习题量须为5–100').max(100, '练习题量须为5–100').default(20),
});
