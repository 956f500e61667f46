// The 新增 / 编辑 form of one bank item: its values by 题型, the API body built from them, and the API's field paths
// (item.questions.1.stem) turned into the form's names (['questions', 1, 'stem']).
import type { PracticeCategory } from '../../../../../common/enums';
import type { PaperKind } from '../../../../../common/papers';
import { isGroup, type BankItem, type Difficulty, type QuestionType } from '../../../../../common/question-bank';
import type { BankItemBody, BankItemDetail } from '../../../../../common/schemas/question-bank';

export interface ChildValues {
  stem?: string;
  options?: string[];
  answer?: string;
  explanation?: string;
  difficulty?: Difficulty;
}

export interface ItemFormValues {
  paper: PaperKind;
  practiceCategory?: PracticeCategory;
  clinicalSubject?: string;
  type: QuestionType;
  stem?: string;
  /** A1/A2/X: the options; B1: unused. */
  options?: string[];
  /** A1/A2/TF: one letter (T/F); X: the chosen letters. */
  answer?: string | string[];
  explanation?: string;
  difficulty?: Difficulty;
  shared?: string;
  sharedOptions?: string[];
  questions?: ChildValues[];
}

const emptyFive = () => ['', '', '', '', ''];
const emptyChild = (type: QuestionType): ChildValues => ({ stem: '', options: type === 'B1' ? undefined : emptyFive(), difficulty: 2 });

/** The type-specific fields a freshly chosen 题型 starts with. */
export function defaultsFor(type: QuestionType): Partial<ItemFormValues> {
  switch (type) {
    case 'A3':
    case 'A4':
      return { shared: '', questions: [emptyChild(type), emptyChild(type)] };
    case 'B1':
      return { sharedOptions: emptyFive(), questions: [emptyChild(type), emptyChild(type)] };
    case 'TF':
      return { stem: '', options: [], answer: undefined, explanation: '', difficulty: 1 };
    case 'X':
      return { stem: '', options: ['', '', '', '', ''], answer: [], explanation: '', difficulty: 2 };
    default:
      return { stem: '', options: emptyFive(), answer: undefined, explanation: '', difficulty: 1 };
  }
}

export const newItemValues = (): ItemFormValues => ({ paper: 'humanities', type: 'A1', ...defaultsFor('A1') });

export function valuesOf(detail: BankItemDetail): ItemFormValues {
  const item = detail.item as BankItem;
  const tags = { paper: detail.paper, practiceCategory: detail.practiceCategory ?? undefined, clinicalSubject: detail.clinicalSubject ?? undefined };
  if (isGroup(item)) {
    return {
      ...tags,
      type: item.type,
      shared: item.type === 'B1' ? undefined : item.shared,
      sharedOptions: item.type === 'B1' ? item.sharedOptions : undefined,
      questions: item.questions.map((q) => ({ stem: q.stem, options: 'options' in q ? q.options : undefined, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty })),
    };
  }
  return { ...tags, type: item.type, stem: item.stem, options: item.options, answer: item.type === 'X' ? [...item.answer] : item.answer, explanation: item.explanation, difficulty: item.difficulty };
}

const trimmed = (values: string[] | undefined) => (values ?? []).map((v) => v ?? '');

/** The API body: the item of the chosen 题型 only (the other types' fields are left behind). */
export function bodyOf(values: ItemFormValues): BankItemBody {
  const tags = {
    paper: values.paper,
    practiceCategory: values.paper === 'proficiency' ? (values.practiceCategory ?? null) : null,
    clinicalSubject: values.paper === 'proficiency' ? (values.clinicalSubject ?? null) : null,
  };
  const child = (q: ChildValues, withOptions: boolean) => ({
    stem: q.stem ?? '',
    ...(withOptions ? { options: trimmed(q.options) } : {}),
    answer: q.answer ?? '',
    explanation: q.explanation ?? '',
    difficulty: q.difficulty,
  });
  const { type } = values;
  if (type === 'A3' || type === 'A4') return { ...tags, item: { type, shared: values.shared ?? '', questions: (values.questions ?? []).map((q) => child(q, true)) } };
  if (type === 'B1') return { ...tags, item: { type, sharedOptions: trimmed(values.sharedOptions), questions: (values.questions ?? []).map((q) => child(q, false)) } };
  const answer = Array.isArray(values.answer) ? [...values.answer].sort().join('') : (values.answer ?? '');
  return {
    ...tags,
    item: { type, stem: values.stem ?? '', options: type === 'TF' ? [] : trimmed(values.options), answer, explanation: values.explanation ?? '', difficulty: values.difficulty },
  };
}

/** An API field path as the form's field name: `item.questions.1.stem` → ['questions', 1, 'stem']. */
export const formNameOf = (path: string): (string | number)[] =>
  path
    .replace(/^item\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
