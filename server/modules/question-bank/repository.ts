// 题库 queries: the page of a filtered list, the counts per 试卷 × 执业类别 × 题型, one item with its questions, whether
// an attempt drew it, and the writes of an edit (in place, or a new version beside the old one).
import { sql, type SQL } from 'drizzle-orm';
import type { PracticeCategory } from '../../../common/enums.js';
import type { PaperKind } from '../../../common/papers.js';
import { isGroup, type BankItem, type ChildQuestion, type Difficulty, type QuestionType } from '../../../common/question-bank.js';
import type { BankCount, BankListItem, BankStatus } from '../../../common/schemas/question-bank.js';
import type { Database, Tx } from '../../db/client.js';
import { escapeLike } from '../../lib/sql.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface BankFilterValues {
  paper?: PaperKind;
  type?: QuestionType;
  practiceCategory?: PracticeCategory;
  keyword?: string;
  status?: BankStatus;
}

/** The filter as conditions on `question_items i` of the province; no status means the current versions. */
export function bankConditions(provinceCode: string, f: BankFilterValues): SQL {
  const conditions: SQL[] = [sql`i.province_code = ${provinceCode}`];
  if (f.paper) conditions.push(sql`i.paper = ${f.paper}`);
  if (f.type) conditions.push(sql`i.type = ${f.type}`);
  if (f.practiceCategory) conditions.push(sql`i.practice_category = ${f.practiceCategory}`);
  conditions.push(f.status ? sql`i.status = ${f.status}` : sql`i.status in ('enabled', 'disabled')`);
  if (f.keyword) {
    const pattern = `%${escapeLike(f.keyword)}%`;
    conditions.push(sql`(i.shared ilike ${pattern} or exists (select 1 from questions k where k.item_id = i.id and k.stem ilike ${pattern}))`);
  }
  return sql.join(conditions, sql` and `);
}

const SUMMARY_LENGTH = 120;

export async function listItems(db: Database, provinceCode: string, filters: BankFilterValues, page: number, pageSize: number): Promise<{ items: BankListItem[]; total: number }> {
  const where = bankConditions(provinceCode, filters);
  // The page is cut from question_items alone (newest first); its questions are read for those rows only.
  const [pageRows, totalRows] = await Promise.all([
    db.execute(sql`
      with page as (
        select i.id, i.type, i.paper, i.practice_category, i.clinical_subject, i.shared, i.status, i.version, i.updated_at
        from question_items i where ${where}
        order by i.id desc limit ${pageSize} offset ${(page - 1) * pageSize})
      select page.id, page.type, page.paper, page.practice_category as "practiceCategory", page.clinical_subject as "clinicalSubject",
             left(coalesce(page.shared, q.first_stem), ${SUMMARY_LENGTH}) as summary, q.n as "questionCount", q.hardest as difficulty,
             page.status, page.version, page.updated_at as "updatedAt"
      from page cross join lateral (
        select count(*)::int as n, max(difficulty)::int as hardest, (array_agg(stem order by position))[1] as first_stem
        from questions where item_id = page.id) q
      order by page.id desc`),
    db.execute(sql`select count(*)::int as n from question_items i where ${where}`),
  ]);
  const items = rowsOf<BankListItem & { updatedAt: Date | string }>(pageRows).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
  return { items, total: rowsOf<{ n: number }>(totalRows)[0].n };
}

/** Enabled items and their questions per 试卷 × 执业类别 × 题型 (optionally of one bank), with the groups' sizes. */
export async function bankCounts(
  db: Database | Tx,
  provinceCode: string,
): Promise<(BankCount & { groupSizes: number[] })[]> {
  const result = await db.execute(sql`
    select paper, practice_category as "practiceCategory", type, count(*)::int as items, sum(n)::int as questions,
           array_agg(n order by n) as "groupSizes"
    from (select i.paper, i.practice_category, i.type, i.id, count(q.id)::int as n
          from question_items i join questions q on q.item_id = i.id
          where i.province_code = ${provinceCode} and i.status = 'enabled'
          group by i.id) items
    group by paper, practice_category, type
    order by paper, practice_category nulls first, type`);
  return rowsOf<BankCount & { groupSizes: number[] }>(result).map((r) => ({ ...r, groupSizes: r.groupSizes.map(Number) }));
}

export interface ItemRow {
  id: number;
  type: QuestionType;
  paper: PaperKind;
  practiceCategory: PracticeCategory | null;
  clinicalSubject: string | null;
  shared: string | null;
  sharedOptions: string[] | null;
  status: BankStatus;
  version: number;
  previousId: number | null;
  updatedAt: Date;
}

export interface QuestionRow {
  id: number;
  position: number;
  stem: string;
  options: string[];
  answer: string;
  explanation: string;
  difficulty: Difficulty;
}

/** The province's item (else null) with its questions in order; `lock` takes the item row for update. */
export async function readItem(db: Database | Tx, provinceCode: string, id: number, lock = false): Promise<{ row: ItemRow; questions: QuestionRow[] } | null> {
  const items = rowsOf<ItemRow>(
    await db.execute(sql`
      select id, type, paper, practice_category as "practiceCategory", clinical_subject as "clinicalSubject", shared,
             shared_options as "sharedOptions", status, version, previous_id as "previousId", updated_at as "updatedAt"
      from question_items where id = ${id} and province_code = ${provinceCode}
      ${lock ? sql`for update` : sql``}`),
  );
  const row = items[0];
  if (!row) return null;
  const questions = rowsOf<QuestionRow>(
    await db.execute(sql`select id, position, stem, options, answer, explanation, difficulty from questions where item_id = ${id} order by position`),
  );
  return { row: { ...row, updatedAt: new Date(row.updatedAt) }, questions };
}

/** The stored rows as the item they hold (the shape of common/question-bank.ts). */
export function toBankItem(row: Pick<ItemRow, 'type' | 'shared' | 'sharedOptions'>, questions: readonly Omit<QuestionRow, 'id' | 'position'>[]): BankItem {
  const child = (q: Omit<QuestionRow, 'id' | 'position'>): ChildQuestion => ({ stem: q.stem, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty });
  switch (row.type) {
    case 'A3':
    case 'A4':
      return { type: row.type, shared: row.shared ?? '', questions: questions.map((q) => ({ ...child(q), options: q.options })) };
    case 'B1':
      return { type: 'B1', sharedOptions: row.sharedOptions ?? [], questions: questions.map(child) };
    default: {
      const q = questions[0];
      return { type: row.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty };
    }
  }
}

/** An item in the stored form: the item row's content and its questions' columns. */
export function partsOf(item: BankItem) {
  return {
    row: {
      type: item.type,
      shared: item.type === 'A3' || item.type === 'A4' ? item.shared : null,
      sharedOptions: item.type === 'B1' ? item.sharedOptions : null,
    },
    questions: (isGroup(item) ? item.questions : [item]).map((q) => ({
      stem: q.stem,
      options: 'options' in q && q.options ? (q.options as string[]) : [],
      answer: q.answer,
      explanation: q.explanation,
      difficulty: q.difficulty,
    })),
  };
}

/** The item with its keys in one order, whichever way it was built (to compare two items). */
export function canonicalItem(item: BankItem): BankItem {
  const { row, questions } = partsOf(item);
  return toBankItem(row, questions);
}

/**
 * Whether any attempt (exam or practice) drew one of these questions: `draw @> [{questionId}]` on the GIN index of
 * exam_attempts.draw, so the answer costs an index probe per question, not a scan of every attempt.
 */
export async function anyDrawn(db: Database | Tx, questionIds: readonly number[]): Promise<boolean> {
  if (questionIds.length === 0) return false;
  const probes = sql.join(
    questionIds.map((id) => sql`draw @> ${JSON.stringify([{ questionId: id }])}::jsonb`),
    sql` or `,
  );
  const result = await db.execute(sql`select exists (select 1 from exam_attempts where ${probes}) as drawn`);
  return Boolean(rowsOf<{ drawn: boolean }>(result)[0]?.drawn);
}

export interface ItemTags {
  paper: PaperKind;
  practiceCategory: PracticeCategory | null;
  clinicalSubject: string | null;
}

/** An edit in place (never drawn): the item's row keeps its id, its questions are written anew. */
export async function rewriteItem(tx: Tx, id: number, tags: ItemTags, item: BankItem): Promise<void> {
  await tx.execute(sql`
    update question_items set type = ${item.type}, paper = ${tags.paper}, practice_category = ${tags.practiceCategory},
           clinical_subject = ${tags.clinicalSubject},
           shared = ${item.type === 'A3' || item.type === 'A4' ? item.shared : null},
           shared_options = ${item.type === 'B1' ? JSON.stringify(item.sharedOptions) : null}::jsonb,
           updated_at = now()
    where id = ${id}`);
  await tx.execute(sql`delete from questions where item_id = ${id}`);
}

/** After a new version was inserted: it takes the old one's status and follows it; the old one becomes 历史版本. */
export async function linkVersion(tx: Tx, old: ItemRow, newId: number): Promise<void> {
  await tx.execute(sql`
    update question_items set version = ${old.version + 1}, previous_id = ${old.id}, status = ${old.status} where id = ${newId}`);
  await tx.execute(sql`update question_items set status = 'replaced', updated_at = now() where id = ${old.id}`);
}

export async function setItemStatus(tx: Tx, id: number, status: 'enabled' | 'disabled'): Promise<void> {
  await tx.execute(sql`update question_items set status = ${status}, updated_at = now() where id = ${id}`);
}

/** Keyset batches of the filtered items with their questions, in id order (导出). */
export async function* exportBatches(
  db: Database,
  provinceCode: string,
  filters: BankFilterValues,
  batchSize = 1000,
): AsyncGenerator<{ row: ItemRow; questions: QuestionRow[] }[]> {
  const where = bankConditions(provinceCode, filters);
  let after = 0;
  for (;;) {
    const result = await db.execute(sql`
      with batch as (
        select i.id, i.type, i.paper, i.practice_category, i.clinical_subject, i.shared, i.shared_options, i.status, i.version,
               i.previous_id, i.updated_at
        from question_items i where ${where} and i.id > ${after} order by i.id limit ${batchSize})
      select b.id, b.type, b.paper, b.practice_category as "practiceCategory", b.clinical_subject as "clinicalSubject", b.shared,
             b.shared_options as "sharedOptions", b.status, b.version, b.previous_id as "previousId", b.updated_at as "updatedAt",
             json_agg(json_build_object('id', q.id, 'position', q.position, 'stem', q.stem, 'options', q.options, 'answer', q.answer,
                      'explanation', q.explanation, 'difficulty', q.difficulty) order by q.position) as questions
      from batch b join questions q on q.item_id = b.id
      group by b.id, b.type, b.paper, b.practice_category, b.clinical_subject, b.shared, b.shared_options, b.status, b.version,
               b.previous_id, b.updated_at
      order by b.id`);
    const rows = rowsOf<ItemRow & { questions: QuestionRow[] }>(result);
    if (rows.length === 0) return;
    yield rows.map(({ questions, ...row }) => ({ row: { ...row, updatedAt: new Date(row.updatedAt) }, questions }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
