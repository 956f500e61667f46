// Short constructors for the demo banks, so each question reads as stem, options, answer, 解析.
import type { CaseGroup, Difficulty, OptionGroup, SingleQuestion } from '../../../../common/question-bank.js';

type Options = [string, string, string, string, string];

export const a1 = (stem: string, options: Options, answer: string, explanation: string, difficulty: Difficulty = 1): SingleQuestion => ({
  type: 'A1', stem, options, answer, explanation, difficulty,
});

export const a2 = (stem: string, options: Options, answer: string, explanation: string, difficulty: Difficulty = 2): SingleQuestion => ({
  type: 'A2', stem, options, answer, explanation, difficulty,
});

export const x = (stem: string, options: string[], answer: string, explanation: string, difficulty: Difficulty = 2): SingleQuestion => ({
  type: 'X', stem, options, answer, explanation, difficulty,
});

/** 判断题: `true` is 正确 (T). */
export const tf = (stem: string, correct: boolean, explanation: string, difficulty: Difficulty = 1): SingleQuestion => ({
  type: 'TF', stem, options: [], answer: correct ? 'T' : 'F', explanation, difficulty,
});

type CaseChild = [stem: string, options: Options, answer: string, explanation: string, difficulty?: Difficulty];

const caseGroup = (type: 'A3' | 'A4', shared: string, questions: CaseChild[]): CaseGroup => ({
  type,
  shared,
  questions: questions.map(([stem, options, answer, explanation, difficulty = 2]) => ({ stem, options, answer, explanation, difficulty })),
});
export const a3 = (shared: string, questions: CaseChild[]) => caseGroup('A3', shared, questions);
export const a4 = (shared: string, questions: CaseChild[]) => caseGroup('A4', shared, questions);

type OptionChild = [stem: string, answer: string, explanation: string, difficulty?: Difficulty];

export const b1 = (sharedOptions: Options, questions: OptionChild[]): OptionGroup => ({
  type: 'B1',
  sharedOptions,
  questions: questions.map(([stem, answer, explanation, difficulty = 1]) => ({ stem, answer, explanation, difficulty })),
});
