// Test data for 题库管理 and 试卷规则: items of each type whose texts the test knows, a bank written straight to the
// database, an attempt that "drew" some questions, and .xlsx files in the template's columns.
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { PracticeCategory } from '../../common/enums.js';
import type { PaperKind } from '../../common/papers.js';
import type { BankItem, CaseGroup, OptionGroup, SingleQuestion } from '../../common/question-bank.js';
import type { Database } from '../db/client.js';
import { examAttempts, questions } from '../db/schema/index.js';
import { bankSheetHeaders } from '../modules/question-bank/sheet.js';
import { insertBankItems } from '../modules/question-bank/store.js';
import type { Client } from './app.js';

export const FIVE = ['选项一', '选项二', '选项三', '选项四', '选项五'];

export const singleA1 = (stem: string, answer = 'A'): SingleQuestion => ({ type: 'A1', stem, options: FIVE, answer, explanation: `${stem}的解析`, difficulty: 1 });
export const singleX = (stem: string, answer = 'ACD'): SingleQuestion => ({ type: 'X', stem, options: FIVE, answer, explanation: `${stem}的解析`, difficulty: 2 });
export const singleTF = (stem: string, answer: 'T' | 'F' = 'T'): SingleQuestion => ({ type: 'TF', stem, options: [], answer, explanation: `${stem}的解析`, difficulty: 1 });

export const caseGroup = (shared: string, size: number, type: 'A3' | 'A4' = 'A3'): CaseGroup => ({
  type,
  shared,
  questions: Array.from({ length: size }, (_, i) => ({ stem: `${shared}问题${i + 1}`, options: FIVE, answer: 'B', explanation: `${shared}解析${i + 1}`, difficulty: 2 })),
});

export const optionGroup = (tag: string, size: number): OptionGroup => ({
  type: 'B1',
  sharedOptions: FIVE.map((o) => `${tag}${o}`),
  questions: Array.from({ length: size }, (_, i) => ({ stem: `${tag}配伍${i + 1}`, answer: 'C', explanation: `${tag}配伍解析${i + 1}`, difficulty: 1 })),
});

/** Writes items into a province's bank (humanities when no category is given). */
export function addItems(db: Database, provinceCode: string, items: BankItem[], tags: { paper?: PaperKind; practiceCategory?: PracticeCategory; clinicalSubject?: string } = {}) {
  const paper = tags.paper ?? (tags.practiceCategory ? 'proficiency' : 'humanities');
  return insertBankItems(
    db,
    provinceCode,
    items.map((item) => ({ item, paper, practiceCategory: tags.practiceCategory ?? null, clinicalSubject: tags.clinicalSubject ?? null })),
  );
}

export async function questionIdsOf(db: Database, itemId: number): Promise<number[]> {
  const rows = await db.select({ id: questions.id }).from(questions).where(eq(questions.itemId, itemId)).orderBy(questions.position);
  return rows.map((r) => r.id);
}

/** A practice attempt of the physician whose frozen draw names these questions: they have now been drawn. */
export async function drawQuestions(db: Database, physicianId: number, questionIds: number[]) {
  const [row] = await db
    .insert(examAttempts)
    .values({
      physicianId,
      kind: 'practice',
      paper: 'humanities',
      draw: questionIds.map((questionId) => ({ questionId, order: [4, 3, 2, 1, 0], points: 1 })),
      questionCount: questionIds.length,
      rule: { passScore: 1, totalPoints: questionIds.length, durationMinutes: 0, multipleScoring: 'all_or_nothing', reviewAllowed: true },
    })
    .returning();
  return row;
}

export async function bankRevision(db: Database, provinceCode: string): Promise<number> {
  const result = await db.execute(sql`select coalesce((select revision from question_bank_revisions where province_code = ${provinceCode}), 0) as revision`);
  return Number((result as unknown as { rows: { revision: number }[] }).rows[0].revision);
}

/** An .xlsx in the template's columns; each row names only the cells it fills. */
export async function bankWorkbook(rows: Record<string, string>[], headers: string[] = bankSheetHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** POSTs a multipart/form-data body with one file field. */
export function uploadFile(client: Client, url: string, data: Buffer, filename = 'bank.xlsx') {
  const boundary = '----bank-import-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}
