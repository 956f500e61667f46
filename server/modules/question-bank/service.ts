// 题库管理: the provincial authority's bank (other authorities 403; another province's items 404). Every write bumps
// the bank's revision (so each instance's cached bank index is rebuilt before the next start draws) and writes its
// audit row, in one transaction. An item an attempt has drawn is never changed in place: saving it inserts a new
// version and the old row becomes 历史版本 (replaced), which the attempts that drew it keep reading.
import type { z } from 'zod';
import { questionTypeLabels, type BankItem } from '../../../common/question-bank.js';
import type { BankCounts, BankItemDetail, BankItemSaved, BankList, BankPreview, bankItemBodySchema, bankListQuerySchema } from '../../../common/schemas/question-bank.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, notFound } from '../../lib/errors.js';
import { requireProvincialAuthority } from '../cycles/provincial.js';
import { attemptQuestions, type StoredQuestion } from '../exams/attempts.js';
import {
  anyDrawn,
  bankCounts,
  canonicalItem,
  exportBatches,
  linkVersion,
  listItems,
  readItem,
  rewriteItem,
  setItemStatus,
  toBankItem,
  type BankFilterValues,
  type ItemRow,
  type QuestionRow,
} from './repository.js';
import { itemSheetRows } from './sheet.js';
import { bumpBankRevision, insertBankItems, insertQuestions } from './store.js';

type ItemBody = z.output<typeof bankItemBodySchema>;
type ListQuery = z.output<typeof bankListQuerySchema>;

/** 403 unless the actor is the provincial authority. */
export function requireBankManager(actor: Actor): void {
  requireProvincialAuthority(actor, '管理题库和试卷规则');
}

const ITEM_NOT_FOUND = '试题不存在';

export async function listBank(db: Database, actor: Actor, query: ListQuery): Promise<BankList> {
  requireBankManager(actor);
  const { page, pageSize, ...filters } = query;
  const { items, total } = await listItems(db, actor.provinceCode, filters, page, pageSize);
  return { items, total, page, pageSize };
}

export async function bankCountsView(db: Database, actor: Actor): Promise<BankCounts> {
  requireBankManager(actor);
  const counts = await bankCounts(db, actor.provinceCode);
  return { counts: counts.map(({ groupSizes: _sizes, ...count }) => count) };
}

async function ownItem(db: Database, actor: Actor, id: number) {
  requireBankManager(actor);
  const found = await readItem(db, actor.provinceCode, id);
  if (!found) throw notFound(ITEM_NOT_FOUND);
  return found;
}

export async function itemDetail(db: Database, actor: Actor, id: number): Promise<BankItemDetail> {
  const { row, questions } = await ownItem(db, actor, id);
  return {
    id: row.id,
    paper: row.paper,
    practiceCategory: row.practiceCategory,
    clinicalSubject: row.clinicalSubject,
    status: row.status,
    version: row.version,
    previousId: row.previousId,
    drawn: await anyDrawn(db, questions.map((q) => q.id)),
    updatedAt: row.updatedAt.toISOString(),
    item: toBankItem(row, questions),
  };
}

/** The item's questions through the attempt page's own view (exams/attempts.ts): what an examinee is shown, no key. */
export async function itemPreview(db: Database, actor: Actor, id: number): Promise<BankPreview> {
  const { row, questions } = await ownItem(db, actor, id);
  const stored = new Map<number, StoredQuestion>(
    questions.map((q) => [
      q.id,
      { id: q.id, itemId: row.id, type: row.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, shared: row.shared, sharedOptions: row.sharedOptions },
    ]),
  );
  return { questions: attemptQuestions(questions.map((q) => ({ questionId: q.id, order: null, points: 0 })), stored) };
}

const tagsOf = (body: ItemBody) => ({ paper: body.paper, practiceCategory: body.practiceCategory, clinicalSubject: body.clinicalSubject });

/** What the audit row keeps of an item: its tags and content. */
const snapshot = (tags: ReturnType<typeof tagsOf>, item: BankItem) => ({ ...tags, item });

export async function createItem(db: Database, actor: Actor, body: ItemBody, ip: string): Promise<BankItemSaved> {
  requireBankManager(actor);
  const id = await db.transaction(async (tx) => {
    const [newId] = await insertBankItems(tx, actor.provinceCode, [{ item: body.item, ...tagsOf(body) }]);
    await recordAudit(tx, { action: 'questionBank.itemCreated', actor, targetType: 'questionItem', targetId: newId, after: snapshot(tagsOf(body), body.item), ip });
    return newId;
  });
  return { id, versioned: false };
}

const storedTags = (row: ItemRow) => ({ paper: row.paper, practiceCategory: row.practiceCategory, clinicalSubject: row.clinicalSubject });

const sameContent = (row: ItemRow, questions: QuestionRow[], body: ItemBody) =>
  JSON.stringify(snapshot(storedTags(row), toBankItem(row, questions))) === JSON.stringify(snapshot(tagsOf(body), canonicalItem(body.item)));

/**
 * 保存 of an edit. Never drawn: in place (same id). Drawn by any attempt: a new version (new id, version + 1, the old
 * one's status) and the old row becomes 历史版本, so every attempt keeps the questions it drew. Saving what is already
 * stored changes nothing.
 */
export async function updateItem(db: Database, actor: Actor, id: number, body: ItemBody, ip: string): Promise<BankItemSaved> {
  requireBankManager(actor);
  return db.transaction(async (tx) => {
    const found = await readItem(tx, actor.provinceCode, id, true);
    if (!found) throw notFound(ITEM_NOT_FOUND);
    const { row, questions } = found;
    if (row.status === 'replaced') throw conflict('该试题已有新版本，请编辑最新版本');
    if (sameContent(row, questions, body)) return { id, versioned: false };
    const before = snapshot(storedTags(row), toBankItem(row, questions));
    const after = snapshot(tagsOf(body), body.item);
    if (await anyDrawn(tx, questions.map((q) => q.id))) {
      const [newId] = await insertBankItems(tx, actor.provinceCode, [{ item: body.item, ...tagsOf(body) }]);
      await linkVersion(tx, row, newId);
      await recordAudit(tx, { action: 'questionBank.itemVersioned', actor, targetType: 'questionItem', targetId: newId, before: { id, ...before }, after, ip });
      return { id: newId, versioned: true };
    }
    await rewriteItem(tx, id, tagsOf(body), body.item);
    await insertQuestions(tx, [id], [body.item]);
    await bumpBankRevision(tx, actor.provinceCode);
    await recordAudit(tx, { action: 'questionBank.itemUpdated', actor, targetType: 'questionItem', targetId: id, before, after, ip });
    return { id, versioned: false };
  });
}

/** 停用 / 启用: a 停用 item is no longer drawn by new attempts (the bank index leaves it out); attempts that drew it keep it. */
export async function setItemEnabled(db: Database, actor: Actor, id: number, enabled: boolean, ip: string): Promise<void> {
  requireBankManager(actor);
  await db.transaction(async (tx) => {
    const found = await readItem(tx, actor.provinceCode, id, true);
    if (!found) throw notFound(ITEM_NOT_FOUND);
    const { row } = found;
    if (row.status === 'replaced') throw conflict('历史版本不能停用或启用');
    const status = enabled ? 'enabled' : 'disabled';
    if (row.status === status) return;
    await setItemStatus(tx, id, status);
    await bumpBankRevision(tx, actor.provinceCode);
    await recordAudit(tx, {
      action: enabled ? 'questionBank.itemEnabled' : 'questionBank.itemDisabled',
      actor,
      targetType: 'questionItem',
      targetId: id,
      before: { status: row.status },
      after: { status, type: questionTypeLabels[row.type] },
      ip,
    });
  });
}

/** 导出: the filtered items as the rows of the import template (an export imports again); the export is audited. */
export async function exportBank(db: Database, actor: Actor, filters: BankFilterValues, ip: string): Promise<AsyncIterable<Record<string, string>[]>> {
  requireBankManager(actor);
  await recordAudit(db, { action: 'questionBank.exported', actor, targetType: 'questionBank', targetId: actor.provinceCode, after: filters, ip });
  return (async function* () {
    for await (const batch of exportBatches(db, actor.provinceCode, filters)) yield batch.flatMap(({ row, questions }) => itemSheetRows(row, questions));
  })();
}
