// Answers are kept in the letters the physician saw; the key is stored in the bank's own option order. These map
// one to the other through the attempt's frozen option order and score an answer by the paper rule.
import { optionLetters } from '../../../common/question-bank.js';
import type { AttemptRule } from '../../db/schema/index.js';

const letterIndex = (letter: string) => optionLetters.indexOf(letter as (typeof optionLetters)[number]);

/** A displayed answer in the bank's letters (sorted, as keys are); a letter outside the options maps to '?'. */
export function toStoredLetters(displayed: string, order: readonly number[] | null): string {
  if (!order || displayed === 'T' || displayed === 'F') return displayed;
  return [...displayed]
    .map((letter) => {
      const stored = order[letterIndex(letter)];
      return stored === undefined ? '?' : optionLetters[stored];
    })
    .sort()
    .join('');
}

/** A stored key in the letters this attempt shows. */
export function toDisplayedLetters(key: string, order: readonly number[] | null): string {
  if (!order || key === 'T' || key === 'F') return key;
  return [...key]
    .map((letter) => optionLetters[order.indexOf(letterIndex(letter))])
    .sort()
    .join('');
}

/** Points earned for one answer. X型题 under `partial`: a share of the points when every chosen option is right. */
export function pointsFor(type: string, key: string, storedAnswer: string, points: number, multipleScoring: AttemptRule['multipleScoring']): number {
  if (!storedAnswer) return 0;
  if (storedAnswer === key) return points;
  if (type === 'X' && multipleScoring === 'partial') {
    const chosen = [...storedAnswer];
    if (chosen.every((letter) => key.includes(letter))) return Math.round((points * chosen.length * 10) / key.length) / 10;
  }
  return 0;
}

/** The score to one decimal, and whether it reaches the pass mark. */
export function result(earned: number[], rule: AttemptRule): { score: number; passed: boolean } {
  const score = Math.round(earned.reduce((sum, p) => sum + p, 0) * 10) / 10;
  return { score, passed: score >= rule.passScore };
}
