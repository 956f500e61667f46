// 批量导入 of the 题库 from Excel: the template, the checks of every row and group, and one set-based write of the whole
// file (all or nothing: one row refused, nothing imported). The report is the file itself with a 失败原因 column, so
// the rows can be corrected in it and the report imported again.
import { practiceCategoryLabels } from '../../../common/enums.js';
import { paperKindLabels, type PaperKind } from '../../../common/papers.js';
import { OPTIONS_MAX, optionLetters, parseBankItem, questionTypeLabels, type BankItem, type QuestionType } from '../../../common/question-bank.js';
import type { ImportResult } from '../../../common/schemas/institution.js';
import type { PracticeCategory } from '../../../common/enums.js';
import type { Actor } from '../../auth/access.js';
import { refreshStatistics } from '../../db/bulk.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { rowsWorkbook, streamSheet, templateWorkbook } from '../../lib/excel.js';
import { MB, checkUpload } from '../../lib/uploads.js';
import { WorkbookRefused, type WorkbookLimits } from '../../lib/xlsx-limits.js';
import { requireBankManager } from './service.js';
import {
  BANK_SHEET_NAME,
  bankSheetHeaders,
  optionHeaders,
  parseAnswer,
  parseCategory,
  parseDifficulty,
  parsePaper,
  parseSubject,
  parseType,
  readOptions,
} from './sheet.js';
import { insertBankItems, type BankItemInput } from './store.js';

export const MAX_BANK_IMPORT_ROWS = 50_000;
/** 50k questions with long stems and 解析 unpack to well under 256 MB. */
export const BANK_WORKBOOK_LIMITS: WorkbookLimits = { maxRows: MAX_BANK_IMPORT_ROWS, columns: bankSheetHeaders.length, maxUnpackedMb: 256 };
const FILE_FIELD = 'file';
const EXAMPLE_MARK = '示例';
const GROUP_KEY_MAX = 32;
const REASON_HEADER = '失败原因';
/** The 分组号 and 题干 columns are enough to recognise the template; the others may be left out when empty. */
const REQUIRED_HEADERS = ['题型', '分组号', '题干', '答案', '解析', '试卷'];
const join = (values: readonly string[]) => values.join('、');

export async function bankImportTemplate(actor: Actor): Promise<Buffer> {
  requireBankManager(actor);
  const five = (prefix: string) => optionLetters.slice(0, 5).map((l) => `${prefix}${l}`);
  const row = (cells: Partial<Record<string, string>>) => bankSheetHeaders.map((h) => cells[h] ?? '');
  const opts = (values: string[]) => Object.fromEntries(values.map((v, i) => [optionHeaders[i], v]));
  const examples = [
    row({ 题型: 'A1', 题干: `${EXAMPLE_MARK}：《医师法》规定的医师定期考核周期为`, ...opts(['1年', '2年', '3年', '4年', '5年']), 答案: 'C', 解析: '《医师法》第四十二条：考核周期为三年。', 试卷: paperKindLabels.humanities, 难度: '易' }),
    row({ 题型: 'A3', 分组号: 'G1', 共用题干: '（病例）男，58岁。突发胸骨后压榨性疼痛2小时……', 题干: `${EXAMPLE_MARK}：最可能的诊断是`, ...opts(five('诊断')), 答案: 'B', 解析: '……', 试卷: paperKindLabels.proficiency, 执业类别: practiceCategoryLabels.clinical, 诊疗科目: '03.04 心血管内科专业', 难度: '中' }),
    row({ 题型: 'A3', 分组号: 'G1', 题干: `${EXAMPLE_MARK}：首选的检查是`, ...opts(five('检查')), 答案: 'A', 解析: '……', 试卷: paperKindLabels.proficiency, 执业类别: practiceCategoryLabels.clinical, 诊疗科目: '03.04 心血管内科专业', 难度: '中' }),
    row({ 题型: 'B1', 分组号: 'G2', 题干: `${EXAMPLE_MARK}：第一个问题`, ...opts(five('共用备选答案')), 答案: 'A', 解析: '……', 试卷: paperKindLabels.proficiency, 执业类别: practiceCategoryLabels.clinical, 难度: '易' }),
    row({ 题型: 'B1', 分组号: 'G2', 题干: `${EXAMPLE_MARK}：第二个问题`, 答案: 'A', 解析: '……（备选答案可被多次选用，也可不被选用）', 试卷: paperKindLabels.proficiency, 执业类别: practiceCategoryLabels.clinical, 难度: '易' }),
    row({ 题型: 'X', 题干: `${EXAMPLE_MARK}：下列属于……的有`, ...opts(five('选项')), 答案: 'ACD', 解析: '……', 试卷: paperKindLabels.humanities, 难度: '中' }),
    row({ 题型: '判断', 题干: `${EXAMPLE_MARK}：医师在公共场所自愿实施急救造成受助人损害的，不承担民事责任。`, 答案: '正确', 解析: '《医师法》第二十七条。', 试卷: paperKindLabels.humanities, 难度: '易' }),
  ];
  const notes: [string, string][] = [
    ['每行一题', '一行是一道题；A3/A4/B1 的一组题占多行，用相同的「分组号」连在一起。整个文件全部校验通过才导入，有任一行未通过则全部不导入，并返回错误报告（原文件加「失败原因」列，可在报告中修改后直接重新导入）'],
    ['题型', `必填：A1、A2（单选，5个选项A–E）；A3、A4（共用题干，每组2–6题，每题5个选项）；B1（共用备选答案，5个，每组至少2题）；X（多选，4–5个选项，至少2个正确答案）；判断（不设选项，答案为正确或错误）。也可写作 A1型题、X型题、多选题、判断题`],
    ['分组号', `A3、A4、B1 必填：同一组的各行填写相同的分组号（如 G1、G2，不超过${GROUP_KEY_MAX}个字符），一组的各行题型须相同，按行的先后为组内小题顺序；A1、A2、X、判断不填`],
    ['共用题干', 'A3、A4 必填：病例（共用题干）只填在该组的第一行，其余行留空；其他题型不填'],
    ['题干', `必填，不超过2000个字符；以「${EXAMPLE_MARK}」开头的行是模板示例，请删除后再导入`],
    ['选项A…选项H', `从选项A起连续填写，每个不超过500个字符，最多${OPTIONS_MAX}个：A1、A2、A3、A4 各5个；X 4–5个；判断不填；B1 的5个「共用备选答案」填在该组第一行的选项A–E，其余行留空`],
    ['答案', 'A1、A2、A3、A4、B1：一个字母（如 C）；X：两个及以上字母（如 ACD，顺序不限）；判断：正确 或 错误（也可写 T/F、对/错）'],
    ['解析', '必填，不超过2000个字符；法律法规题请写明依据的条款'],
    ['试卷', `必填：${join(Object.values(paperKindLabels))}；同一组的各行须相同`],
    ['执业类别', `业务水平题必填：${join(Object.values(practiceCategoryLabels))}；医学人文·法律法规题不填`],
    ['诊疗科目', '选填，仅业务水平题：《医疗机构诊疗科目名录》的代码或名称，如 03.04 或 心血管内科专业（导出时写作「03.04 心血管内科专业」）'],
    ['难度', '选填：易、中、难（或1、2、3），不填为中'],
    ['导出', '【导出】的文件与本模板列相同，可修改后作为新题导入（导入总是新增试题，不会修改已有试题）'],
  ];
  return templateWorkbook(BANK_SHEET_NAME, bankSheetHeaders, examples, notes);
}

interface SheetRow {
  rowNumber: number;
  values: Record<string, string>;
  reasons: string[];
  type: QuestionType | null;
  groupKey: string;
}

const cell = (row: SheetRow, header: string) => (row.values[header] ?? '').trim();

/** The checks one row passes on its own: the labels it names and the shape of its cells. */
function checkRow(rowNumber: number, values: Record<string, string>): SheetRow {
  const row: SheetRow = { rowNumber, values, reasons: [], type: null, groupKey: '' };
  const typeCell = cell(row, '题型');
  row.type = typeCell ? parseType(typeCell) : null;
  if (!typeCell) row.reasons.push('请填写题型');
  else if (!row.type) row.reasons.push(`题型「${typeCell}」不正确，可选：A1、A2、A3、A4、B1、X、判断`);
  row.groupKey = cell(row, '分组号');
  const grouped = row.type === 'A3' || row.type === 'A4' || row.type === 'B1';
  if (grouped && !row.groupKey) row.reasons.push(`${questionTypeLabels[row.type!]}须填写分组号`);
  if (row.groupKey.length > GROUP_KEY_MAX) row.reasons.push(`分组号不能超过${GROUP_KEY_MAX}个字符`);
  if (!grouped) row.groupKey = '';
  if (cell(row, '题干').startsWith(EXAMPLE_MARK)) row.reasons.push('模板示例行，请删除后再导入');
  if (row.type && row.type !== 'A3' && row.type !== 'A4' && cell(row, '共用题干')) row.reasons.push(`${questionTypeLabels[row.type]}不填共用题干`);
  if (readOptions(values).gap) row.reasons.push('选项须从选项A起连续填写，中间不能留空');
  const paperCell = cell(row, '试卷');
  if (paperCell && !parsePaper(paperCell)) row.reasons.push(`试卷「${paperCell}」不正确，可选：${join(Object.values(paperKindLabels))}`);
  const categoryCell = cell(row, '执业类别');
  if (categoryCell && !parseCategory(categoryCell)) row.reasons.push(`执业类别「${categoryCell}」不正确，可选：${join(Object.values(practiceCategoryLabels))}`);
  const subjectCell = cell(row, '诊疗科目');
  if (subjectCell && !parseSubject(subjectCell)) row.reasons.push(`诊疗科目「${subjectCell}」不正确，请填写《医疗机构诊疗科目名录》的代码或名称`);
  const difficultyCell = cell(row, '难度');
  if (parseDifficulty(difficultyCell) === null) row.reasons.push(`难度「${difficultyCell}」不正确，可选：易、中、难`);
  return row;
}

/** The tags of an item from its first row (试卷, 执业类别, 诊疗科目), with the reasons they are refused. */
function tagsOf(first: SheetRow): { input?: Omit<BankItemInput, 'item'>; reasons: string[] } {
  const paperCell = cell(first, '试卷');
  const paper = parsePaper(paperCell);
  if (!paperCell) return { reasons: ['请填写试卷'] };
  if (!paper) return { reasons: [] };
  const category = parseCategory(cell(first, '执业类别'));
  const subject = cell(first, '诊疗科目') ? parseSubject(cell(first, '诊疗科目')) : null;
  const reasons: string[] = [];
  if (paper === 'proficiency' && !cell(first, '执业类别')) reasons.push('业务水平题须填写执业类别');
  if (paper === 'humanities' && cell(first, '执业类别')) reasons.push('医学人文·法律法规题不填执业类别');
  if (paper === 'humanities' && cell(first, '诊疗科目')) reasons.push('医学人文·法律法规题不填诊疗科目');
  return { input: { paper: paper as PaperKind, practiceCategory: paper === 'proficiency' ? (category as PracticeCategory | null) : null, clinicalSubject: subject }, reasons };
}

const question = (row: SheetRow, type: QuestionType) => ({
  stem: cell(row, '题干'),
  answer: parseAnswer(type, cell(row, '答案')),
  explanation: cell(row, '解析'),
  difficulty: parseDifficulty(cell(row, '难度'))!,
});

/** The item the rows hold (one row, or a group's rows in order). */
function itemOf(rows: SheetRow[], type: QuestionType): BankItem {
  const [first] = rows;
  if (type === 'A3' || type === 'A4') {
    return { type, shared: cell(first, '共用题干'), questions: rows.map((r) => ({ ...question(r, type), options: readOptions(r.values).options })) };
  }
  if (type === 'B1') return { type, sharedOptions: readOptions(first.values).options, questions: rows.map((r) => question(r, type)) };
  return { type, ...question(first, type), options: readOptions(first.values).options } as BankItem;
}

/** A group's later rows leave the shared cells empty or repeat the first row's. */
function checkGroupRows(rows: SheetRow[], type: QuestionType): void {
  const [first, ...rest] = rows;
  for (const row of rest) {
    if (row.type !== type) row.reasons.push(`分组号「${row.groupKey}」的各行题型须相同（第${first.rowNumber}行为${questionTypeLabels[type]}）`);
    const differs = (header: string) => cell(row, header) !== '' && cell(row, header) !== cell(first, header);
    if (differs('共用题干')) row.reasons.push('共用题干只填在该组的第一行');
    for (const header of ['试卷', '执业类别', '诊疗科目']) if (differs(header)) row.reasons.push(`同一组的${header}须与第一行相同`);
    if (type === 'B1' && readOptions(row.values).options.length > 0 && readOptions(row.values).options.join('\n') !== readOptions(first.values).options.join('\n')) {
      row.reasons.push('B1型题的共用备选答案只填在该组第一行的选项A–E');
    }
  }
}

/** Puts the schema's issues on the rows they concern: a child question's on its row, the rest on the first. */
function checkItem(rows: SheetRow[], item: BankItem): void {
  const result = parseBankItem(item);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const [head, index] = issue.path;
    const row = head === 'questions' && typeof index === 'number' && rows[index] ? rows[index] : rows[0];
    if (!row.reasons.includes(issue.message)) row.reasons.push(issue.message);
  }
}

const refuse = (message: string) => badRequest(`导入文件：${message}`, { [FILE_FIELD]: message });

async function readRows(data: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    let headerChecked = false;
    for await (const sheet of streamSheet(data, BANK_WORKBOOK_LIMITS)) {
      if (!headerChecked) {
        const missing = REQUIRED_HEADERS.filter((h) => !sheet.headers.includes(h));
        if (missing.length > 0) throw refuse(`缺少列：${join(missing)}，请使用导入模板`);
        headerChecked = true;
      }
      for (const { rowNumber, values } of sheet.rows) rows.push(checkRow(rowNumber, values));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(error instanceof WorkbookRefused ? error.message : '文件不是有效的Excel（.xlsx）文件');
  }
  if (rows.length === 0) throw refuse('没有可导入的数据');
  return rows;
}

/** Every row checked, grouped and turned into items; the items when no row was refused. */
function assembleItems(rows: SheetRow[]): BankItemInput[] {
  const units: SheetRow[][] = [];
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows) {
    if (!row.type) continue;
    if (!row.groupKey) {
      units.push([row]);
      continue;
    }
    const group = groups.get(row.groupKey);
    if (group) group.push(row);
    else {
      const fresh = [row];
      groups.set(row.groupKey, fresh);
      units.push(fresh);
    }
  }
  const inputs: BankItemInput[] = [];
  for (const unit of units) {
    const type = unit[0].type!;
    if (unit.length > 1) checkGroupRows(unit, type);
    const tags = tagsOf(unit[0]);
    for (const reason of tags.reasons) unit[0].reasons.push(reason);
    if (unit.some((r) => r.reasons.length > 0) || !tags.input) continue;
    const item = itemOf(unit, type);
    checkItem(unit, item);
    if (unit.every((r) => r.reasons.length === 0)) inputs.push({ ...tags.input, item });
  }
  return inputs;
}

/**
 * 批量导入: reads the upload as a stream (limits checked before parsing), checks every row and group, and writes every
 * item in one transaction with two set-based statements — or, if any row is refused, writes nothing and answers the
 * report. Always new items: an import never changes the items already in the bank.
 */
export async function importBank(db: Database, actor: Actor, upload: { data: Buffer; filename: string }, ip: string): Promise<ImportResult> {
  requireBankManager(actor);
  await checkUpload(upload.data, upload.filename, { allowed: ['excel'], maxBytes: 20 * MB, field: FILE_FIELD, fieldLabel: '导入文件' });
  const rows = await readRows(upload.data);
  const inputs = assembleItems(rows);
  const refused = rows.filter((r) => r.reasons.length > 0);
  if (refused.length > 0) {
    const report = await rowsWorkbook(
      '导入错误报告',
      [...bankSheetHeaders, REASON_HEADER],
      rows.map((r) => [...bankSheetHeaders.map((h) => r.values[h] ?? ''), r.reasons.join('；')]),
    );
    return {
      imported: 0,
      rejected: refused.length,
      errors: refused.slice(0, 1000).map((r) => ({ row: r.rowNumber, reason: r.reasons.join('；') })),
      rejectedFile: report.toString('base64'),
    };
  }
  await db.transaction(async (tx) => {
    await insertBankItems(tx, actor.provinceCode, inputs);
    await recordAudit(tx, {
      action: 'questionBank.imported',
      actor,
      targetType: 'questionBank',
      targetId: actor.provinceCode,
      after: { file: upload.filename, questions: rows.length, items: inputs.length },
      ip,
    });
  });
  await refreshStatistics(db, ['question_items', 'questions'], rows.length);
  return { imported: rows.length, rejected: 0, errors: [], rejectedFile: null };
}
