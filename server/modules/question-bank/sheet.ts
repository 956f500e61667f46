// The 题库 sheet: one row per question, the columns of the import template and of 导出 (so an export imports again).
// A group (A3/A4 case, B1 shared options) is the rows sharing a 分组号; its first row carries the 共用题干 (A3/A4)
// or, in 选项A–E, the 共用备选答案 (B1). Cells are read leniently (labels or codes, 正确/错误 or T/F, letters in
// any order) and written in the template's own words.
import { clinicalSubjectLabel, allClinicalSubjectCodes, isClinicalSubjectCode } from '../../../common/clinical-subjects.js';
import { practiceCategoryLabels, type PracticeCategory } from '../../../common/enums.js';
import { paperKindLabels, type PaperKind } from '../../../common/papers.js';
import { difficultyLabels, optionLetters, questionTypeLabels, type Difficulty, type QuestionType } from '../../../common/question-bank.js';
import type { ItemRow, QuestionRow } from './repository.js';

export const optionHeaders = optionLetters.map((letter) => `选项${letter}`);
export const bankSheetHeaders = ['题型', '分组号', '共用题干', '题干', ...optionHeaders, '答案', '解析', '试卷', '执业类别', '诊疗科目', '难度'];
export const BANK_SHEET_NAME = '题库';

/** How each 题型 is written in the sheet, and the other spellings read. */
export const typeCells: Record<QuestionType, string> = { A1: 'A1', A2: 'A2', A3: 'A3', A4: 'A4', B1: 'B1', X: 'X', TF: '判断' };
const typeAliases = new Map<string, QuestionType>();
for (const [type, cell] of Object.entries(typeCells) as [QuestionType, string][]) {
  for (const spelling of [type, cell, questionTypeLabels[type], `${type}型`, `${type}型题`]) typeAliases.set(spelling.toUpperCase(), type);
}
for (const spelling of ['多选', '多选题', 'X型题', '判断题', '是非题']) typeAliases.set(spelling, spelling.startsWith('多') || spelling.startsWith('X') ? 'X' : 'TF');

export const parseType = (cell: string): QuestionType | null => typeAliases.get(cell.replace(/\s/g, '').toUpperCase()) ?? null;

const paperAliases = new Map<string, PaperKind>([
  [paperKindLabels.humanities, 'humanities'],
  ['医学人文', 'humanities'],
  ['法律法规', 'humanities'],
  ['医学人文法律法规', 'humanities'],
  [paperKindLabels.proficiency, 'proficiency'],
  ['专业', 'proficiency'],
  ['专业题', 'proficiency'],
]);
/** 试卷: its label, with any separator between 医学人文 and 法律法规. */
export const parsePaper = (cell: string): PaperKind | null => paperAliases.get(cell.replace(/[\s·•・.、/／]/g, '')) ?? paperAliases.get(cell) ?? null;

const categoryAliases = new Map<string, PracticeCategory>([
  ...(Object.entries(practiceCategoryLabels) as [PracticeCategory, string][]).map(([key, label]): [string, PracticeCategory] => [label, key]),
  ['公卫', 'publicHealth'],
]);
export const parseCategory = (cell: string): PracticeCategory | null => categoryAliases.get(cell.trim()) ?? null;

const subjectByLabel = new Map<string, string>();
for (const code of allClinicalSubjectCodes()) {
  const label = clinicalSubjectLabel(code);
  // A label two codes share is not read (the code is then needed).
  subjectByLabel.set(label, subjectByLabel.has(label) ? '' : code);
}
/** 诊疗科目: its code (03.01), its name (呼吸内科专业) or both as 导出 writes them (03.01 呼吸内科专业). */
export function parseSubject(cell: string): string | null {
  const value = cell.trim();
  const [first] = value.split(/\s+/);
  if (isClinicalSubjectCode(first)) return first;
  // Excel may have turned 03.01 into the number 3.01.
  const padded = /^\d\.\d{2}$/.test(first) ? `0${first}` : first;
  if (isClinicalSubjectCode(padded)) return padded;
  return subjectByLabel.get(value) || null;
}
export const subjectCell = (code: string | null) => (code ? `${code} ${clinicalSubjectLabel(code)}` : '');

const difficultyAliases = new Map<string, Difficulty>([
  ['易', 1], ['1', 1], ['容易', 1], ['简单', 1],
  ['中', 2], ['2', 2], ['中等', 2], ['一般', 2],
  ['难', 3], ['3', 3], ['困难', 3], ['较难', 3],
]);
/** 难度: 易 / 中 / 难 or 1 / 2 / 3; empty is 中. */
export const parseDifficulty = (cell: string): Difficulty | null => (cell.trim() === '' ? 2 : (difficultyAliases.get(cell.trim()) ?? null));

const TRUE_CELLS = new Set(['T', '正确', '对', '是', '√', '✓', 'TRUE', 'Y']);
const FALSE_CELLS = new Set(['F', '错误', '错', '否', '×', '✗', 'X', 'FALSE', 'N']);

/** 答案 in the stored form: 判断 T / F; otherwise the letters, upper case, without separators, X型题 sorted. */
export function parseAnswer(type: QuestionType, cell: string): string {
  const value = cell.replace(/[\s,，、;；]/g, '').toUpperCase();
  if (type === 'TF') return TRUE_CELLS.has(value) ? 'T' : FALSE_CELLS.has(value) ? 'F' : value;
  return type === 'X' ? [...value].sort().join('') : value;
}
export const answerCell = (type: QuestionType, answer: string) => (type === 'TF' ? (answer === 'T' ? '正确' : '错误') : answer);

/** The filled option cells in order; a gap (选项C filled, 选项B empty) is an error. */
export function readOptions(values: Record<string, string>): { options: string[]; gap: boolean } {
  const cells = optionHeaders.map((h) => (values[h] ?? '').trim());
  const last = cells.findLastIndex((c) => c !== '');
  const options = cells.slice(0, last + 1);
  return { options, gap: options.some((c) => c === '') };
}

/** The sheet rows of one stored item (a group: one per question, the shared parts on the first). */
export function itemSheetRows(row: ItemRow, questions: QuestionRow[]): Record<string, string>[] {
  const group = row.type === 'A3' || row.type === 'A4' || row.type === 'B1';
  return questions.map((q, i) => {
    const options = row.type === 'B1' ? (i === 0 ? (row.sharedOptions ?? []) : []) : q.options;
    const cells: Record<string, string> = {
      题型: typeCells[row.type],
      分组号: group ? `G${row.id}` : '',
      共用题干: i === 0 && row.shared ? row.shared : '',
      题干: q.stem,
      答案: answerCell(row.type, q.answer),
      解析: q.explanation,
      试卷: paperKindLabels[row.paper],
      执业类别: row.practiceCategory ? practiceCategoryLabels[row.practiceCategory] : '',
      诊疗科目: subjectCell(row.clinicalSubject),
      难度: difficultyLabels[q.difficulty as Difficulty],
    };
    optionHeaders.forEach((h, k) => (cells[h] = options[k] ?? ''));
    return cells;
  });
}
