// Drawing a paper from the bank by its rule: each section takes `count` questions of its type at random; a group
// type (A3/A4/B1) takes whole groups whose sizes add up to exactly `count`. Options are shuffled per question (a
// B1 group's shared list once for the group); 判断 keeps T / F. Pure: the caller supplies the bank index.
import { randomInt } from 'node:crypto';
import type { QuestionType } from '../../../common/question-bank.js';
import type { DrawnQuestion, PaperRuleSection } from '../../db/schema/index.js';

export interface IndexedItem {
  itemId: number;
  questionIds: number[];
  /** Option count of the item's questions (a B1 group: its shared list); 0 for 判断. */
  optionCount: number;
}
export type BankIndex = ReadonlyMap<string, readonly IndexedItem[]>;

const GROUP_TYPES: ReadonlySet<string> = new Set<QuestionType>(['A3', 'A4', 'B1']);
export const isGroupType = (type: string) => GROUP_TYPES.has(type);

function shuffled<T>(values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const permutation = (n: number) => shuffled(Array.from({ length: n }, (_, i) => i));

/**
 * Groups (in the given order) whose sizes add up to exactly `target`, or null. Subset sum over the sizes: the
 * first group in order that reaches a sum keeps it, so a shuffled input gives a random choice.
 */
function groupsSummingTo(items: readonly IndexedItem[], target: number): IndexedItem[] | null {
  const via: (number | undefined)[] = new Array(target + 1);
  const reached: boolean[] = new Array(target + 1).fill(false);
  reached[0] = true;
  items.forEach((item, index) => {
    const size = item.questionIds.length;
    for (let sum = target; sum >= size; sum--) {
      if (!reached[sum] && reached[sum - size]) {
        reached[sum] = true;
        via[sum] = index;
      }
    }
  });
  if (!reached[target]) return null;
  const chosen: IndexedItem[] = [];
  for (let sum = target; sum > 0; ) {
    const item = items[via[sum]!];
    chosen.push(item);
    sum -= item.questionIds.length;
  }
  return chosen;
}

/** Whether the bank holds enough enabled questions of the section's type; the message says how many it has. */
export function sectionShortage(index: BankIndex, section: PaperRuleSection, typeLabel: string): string | null {
  const items = index.get(section.type) ?? [];
  const available = items.reduce((n, item) => n + item.questionIds.length, 0);
  if (isGroupType(section.type)) {
    if (groupsSummingTo(items, section.count)) return null;
    return `${typeLabel}题库中启用的题目不足以组成${section.count}题（现有${items.length}组共${available}题）`;
  }
  return available >= section.count ? null : `${typeLabel}题库中启用的题目不足${section.count}题（现有${available}题）`;
}

/** The drawn questions in paper order (the rule's sections in order), or null when the bank has too few. */
export function drawPaper(index: BankIndex, sections: readonly PaperRuleSection[]): DrawnQuestion[] | null {
  const drawn: DrawnQuestion[] = [];
  for (const section of sections) {
    if (section.count === 0) continue;
    const items = shuffled(index.get(section.type) ?? []);
    if (isGroupType(section.type)) {
      const groups = groupsSummingTo(items, section.count);
      if (!groups) return null;
      for (const group of groups) {
        // A B1 group shares one option list, so its children share one order; A3/A4 children each have their own.
        const shared = section.type === 'B1' ? permutation(group.optionCount) : null;
        for (const questionId of group.questionIds) {
          drawn.push({ questionId, order: shared ?? permutation(group.optionCount), points: section.points });
        }
      }
    } else {
      if (items.length < section.count) return null;
      for (const item of items.slice(0, section.count)) {
        drawn.push({ questionId: item.questionIds[0], order: item.optionCount > 0 ? permutation(item.optionCount) : null, points: section.points });
      }
    }
  }
  return drawn;
}
