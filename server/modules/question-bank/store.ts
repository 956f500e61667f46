// Writing a province's 题库: items and their questions in two set-based statements, whatever the count (the
// demo banks, the Excel import). Every write bumps the province's bank revision, which tells each instance's
// cached bank index (exams/bank-index.ts) that it is stale.
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { insertUnnest } from '../../db/bulk.js';
import { isGroup, type BankItem } from '../../../common/question-bank.js';
import type { PaperKind } from '../../../common/papers.js';
import type { PracticeCategory } from '../../../common/enums.js';

export interface BankItemInput {
  item: BankItem;
  paper: PaperKind;
  practiceCategory: PracticeCategory | null;
  clinicalSubject: string | null;
}

/** Inserts the items (enabled, version 1) and returns their ids in input order. Call inside a transaction. */
export async function insertBankItems(tx: Database | Tx, provinceCode: string, inputs: readonly BankItemInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const itemRows = await insertUnnest<{ id: number }>(
    tx,
    'question_items',
    [
      { name: 'province_code', type: 'text', values: inputs.map(() => provinceCode) },
      { name: 'type', type: 'text', values: inputs.map((i) => i.item.type) },
      { name: 'paper', type: 'text', values: inputs.map((i) => i.paper) },
      { name: 'practice_category', type: 'text', values: inputs.map((i) => i.practiceCategory) },
      { name: 'clinical_subject', type: 'text', values: inputs.map((i) => i.clinicalSubject) },
      { name: 'shared', type: 'text', values: inputs.map((i) => (i.item.type === 'A3' || i.item.type === 'A4' ? i.item.shared : null)) },
      { name: 'shared_options', type: 'jsonb', values: inputs.map((i) => (i.item.type === 'B1' ? JSON.stringify(i.item.sharedOptions) : null)) },
    ],
    { returning: 'id' },
  );
  // unnest keeps the arrays' order and RETURNING follows the insert order.
  const ids = itemRows.map((r) => r.id);
  await insertQuestions(tx, ids, inputs.map((i) => i.item));
  await bumpBankRevision(tx, provinceCode);
  return ids;
}

/** The questions of items already inserted (`itemIds[i]` holds `items[i]`), in one statement whatever their count. */
export async function insertQuestions(tx: Database | Tx, itemIds: readonly number[], items: readonly BankItem[]): Promise<void> {
  const ids: number[] = [];
  const positions: number[] = [];
  const stems: string[] = [];
  const options: string[] = [];
  const answers: string[] = [];
  const explanations: string[] = [];
  const difficulties: number[] = [];
  items.forEach((item, i) => {
    const children = isGroup(item) ? item.questions : [item];
    children.forEach((q, position) => {
      ids.push(itemIds[i]);
      positions.push(position);
      stems.push(q.stem);
      options.push(JSON.stringify('options' in q && q.options ? q.options : []));
      answers.push(q.answer);
      explanations.push(q.explanation);
      difficulties.push(q.difficulty);
    });
  });
  await insertUnnest(tx, 'questions', [
    { name: 'item_id', type: 'int4', values: ids },
    { name: 'position', type: 'int4', values: positions },
    { name: 'stem', type: 'text', values: stems },
    { name: 'options', type: 'jsonb', values: options },
    { name: 'answer', type: 'text', values: answers },
    { name: 'explanation', type: 'text', values: explanations },
    { name: 'difficulty', type: 'int4', values: difficulties },
  ]);
}

/** Every write to a province's bank calls this in its transaction. */
export async function bumpBankRevision(tx: Database | Tx, provinceCode: string): Promise<void> {
  await tx.execute(sql`
    insert into question_bank_revisions (province_code, revision) values (${provinceCode}, 1)
    on conflict (province_code) do update set revision = question_bank_revisions.revision + 1`);
}
