// 批量导入医师: reading and checking the rows of an upload (no database here; import.ts writes what passes).
import { idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels } from '../../../common/enums.js';
import { physicianBodySchema, physicianImportColumns, type PhysicianValues } from '../../../common/schemas/physician.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { streamSheetCells } from '../../lib/excel.js';
import { WorkbookRefused, type WorkbookLimits } from '../../lib/xlsx-limits.js';

export const MAX_PHYSICIAN_IMPORT_ROWS = 100_000;
/** 100k rows of the template unpack to about 100 MB. */
export const PHYSICIAN_WORKBOOK_LIMITS: WorkbookLimits = { maxRows: MAX_PHYSICIAN_IMPORT_ROWS, columns: physicianImportColumns.length, maxUnpackedMb: 256 };
export const FILE_FIELD = 'file';
export const EXAMPLE_MARK = '示例';
export const headers = physicianImportColumns.map(([header]) => header);
export const required = physicianImportColumns.filter(([, , isRequired]) => isRequired).map(([header]) => header);

export const join = (values: readonly string[]) => values.join('、');
const byLabel = (labels: Record<string, string>) => new Map(Object.entries(labels).map(([key, label]) => [label, key]));
const yesNo = new Map([['是', true], ['否', false]]);

/** Columns whose cells are labels the form shows, turned into the stored keys; `at` is the column's place in the template. */
const labelColumns = [
  { header: '性别', field: 'sex', keys: byLabel(sexLabels) },
  { header: '证件类型', field: 'idType', keys: new Map([...byLabel(idTypeLabels), ['身份证', 'resident']]) },
  { header: '执业类别', field: 'practiceCategory', keys: byLabel(practiceCategoryLabels) },
  { header: '医师级别', field: 'physicianLevel', keys: byLabel(physicianLevelLabels) },
].map((column) => ({ ...column, at: headers.indexOf(column.header as (typeof headers)[number]) }));
const TRAINEE_AT = headers.indexOf('规培生');
const DEPARTMENT_AT = headers.indexOf('科室');

/** The reasons a row cannot be imported (empty when it can), and the parsed row; `cells` are in the template's order. */
function checkRow(cells: string[], departmentIds: Map<string, number>): { reasons: string[]; row?: PhysicianValues } {
  const reasons: string[] = [];
  const input: Record<string, unknown> = {};
  for (let i = 0; i < physicianImportColumns.length; i++) input[physicianImportColumns[i][1]] = cells[i];
  let skip: Set<string> | null = null;
  for (const column of labelColumns) {
    const raw = cells[column.at];
    if (!raw) continue;
    const key = column.keys.get(raw);
    if (key) input[column.field] = key;
    else {
      (skip ??= new Set()).add(column.field);
      reasons.push(`${column.header}「${raw}」不正确，可选：${join([...column.keys.keys()])}`);
    }
  }
  const trainee = cells[TRAINEE_AT];
  input.residentTrainee = trainee ? yesNo.get(trainee) : null;
  if (trainee && input.residentTrainee === undefined) {
    (skip ??= new Set()).add('residentTrainee');
    reasons.push(`规培生「${trainee}」不正确，可选：是、否`);
  }
  const department = cells[DEPARTMENT_AT];
  input.departmentId = department ? (departmentIds.get(department) ?? null) : null;
  if (department && !departmentIds.has(department)) reasons.push(`科室「${department}」不是本机构启用的科室`);
  const parsed = physicianBodySchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) if (!skip?.has(String(issue.path[0]))) reasons.push(issue.message);
  }
  if (reasons.length > 0 || !parsed.success) return { reasons };
  if (parsed.data.name.startsWith(EXAMPLE_MARK)) return { reasons: ['模板示例行，请删除后再导入'] };
  return { reasons, row: parsed.data };
}

/**
 * A row of the upload: its cells as read in the template's column order (`headers`), why it cannot be imported (empty:
 * it can), and its checked values.
 */
export interface CheckedRow {
  rowNumber: number;
  cells: string[];
  reasons: string[];
  row?: PhysicianValues;
}

/**
 * A refused row as the 导入失败数据 report needs it: its cells as one JSON text instead of an object of 23 strings
 * (which may still hold the parser's buffers) — a file refused whole keeps 100,000 of them until the report is written.
 */
export interface RefusedRow {
  rowNumber: number;
  reason: string;
  cells: string;
}

export const refused = (c: Pick<CheckedRow, 'rowNumber' | 'cells' | 'reasons'>): RefusedRow => ({ rowNumber: c.rowNumber, reason: c.reasons.join('；'), cells: JSON.stringify(c.cells) });

/**
 * Reads and checks the rows of the upload as they stream in, a batch at a time: a 100k-row file is never held as a
 * workbook. Each row of a batch is checked as the caller comes to it: a batch's parsed rows are never alive at once,
 * only what the caller keeps of each. A 证件号码 met before in the file is refused with the row it was first on. A file
 * that is not a workbook, over the limits, without the template's columns or without rows is a 400 naming the 导入文件.
 */
export async function* checkedRows(data: Buffer, departmentIds: Map<string, number>): AsyncGenerator<Iterable<CheckedRow>> {
  let count = 0;
  const firstRowOf = new Map<string, number>();
  try {
    let headerChecked = false;
    // Where each of the template's columns is in the upload, which may order them otherwise or add others.
    let at: number[] = [];
    // Batches of 500 from the reader: fewer raw rows outlive a young-generation collection (peak RSS of a 100k import
    // 760–841 → 679–729 MB, bench/README).
    for await (const { headers: found, rows } of streamSheetCells(data, PHYSICIAN_WORKBOOK_LIMITS, 500)) {
      if (!headerChecked) {
        const missing = headers.filter((h) => !found.includes(h));
        if (missing.length > 0) throw new Error(`缺少列：${join(missing)}，请使用导入模板`);
        at = headers.map((h) => found.indexOf(h));
        headerChecked = true;
      }
      count += rows.length;
      yield (function* () {
        for (const read of rows) {
          const cells = at.map((i) => read.cells[i]);
          const result = checkRow(cells, departmentIds);
          const checked: CheckedRow = { rowNumber: read.rowNumber, cells, ...result };
          if (result.row) {
            const earlier = firstRowOf.get(result.row.idNumber);
            if (earlier !== undefined) checked.reasons.push(`证件号码与第${earlier}行重复`);
            else firstRowOf.set(result.row.idNumber, read.rowNumber);
          }
          yield checked;
        }
      })();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof WorkbookRefused || (error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message)) ? error.message : '文件不是有效的Excel（.xlsx）文件';
    throw badRequest(`导入文件：${message}`, { [FILE_FIELD]: message });
  }
  if (count === 0) throw badRequest('导入文件：没有可导入的数据', { [FILE_FIELD]: '没有可导入的数据' });
}
