// 批量导入 of 机构账号 from Excel: the template, row-level validation, and one set-based write of the valid rows.
import { sql } from 'drizzle-orm';
import { institutionGradeLabels, institutionLevelLabels, institutionTypeLabels } from '../../../common/enums.js';
import { regionPrefix, regionWithin } from '../../../common/regions.js';
import { createInstitutionBodySchema, importColumns, type ImportResult } from '../../../common/schemas/institution.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { insertUnnest, refreshStatistics } from '../../db/bulk.js';
import type { Database } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { rowsWorkbook, streamSheet, templateWorkbook } from '../../lib/excel.js';
import { MB, checkUpload } from '../../lib/uploads.js';
import { WorkbookRefused, type WorkbookLimits } from '../../lib/xlsx-limits.js';
import { existingRegionCodes, reserveInstitutionIds, takenLoginNames } from './repository.js';
import { isUniqueViolation } from './service.js';

export const MAX_IMPORT_ROWS = 20_000;
export const INSTITUTION_WORKBOOK_LIMITS: WorkbookLimits = { maxRows: MAX_IMPORT_ROWS, columns: importColumns.length, maxUnpackedMb: 64 };
const headers = importColumns.map(([header]) => header);
const EXAMPLE_MARK = '示例';
const FILE_FIELD = 'file';

const labelsText = (labels: Record<string, string>) => Object.values(labels).join('、');

/** The 批量导入 template: headers, one example row, and a 说明 sheet with the allowed values and the actor's region codes. */
export async function importTemplate(db: Database, actor: Actor): Promise<Buffer> {
  requireRole(actor, ['authority']);
  const inJurisdiction = await db
    .select()
    .from(regions)
    .where(sql`${regions.code} like ${`${regionPrefix(actor.regionCode)}%`}`)
    .orderBy(regions.code);
  const names = new Map(inJurisdiction.map((r) => [r.code, r]));
  const pathOf = (code: string): string => {
    const r = names.get(code);
    return r ? [r.parentCode && names.has(r.parentCode) ? pathOf(r.parentCode) : '', r.name].filter(Boolean).join(' ') : code;
  };
  const exampleRegion = inJurisdiction.find((r) => r.code !== actor.regionCode)?.code ?? actor.regionCode;
  const notes: [string, string][] = [
    ['机构名称', '必填，不超过128个字符'],
    ['机构账号', '必填，4–32位字母、数字或下划线；不区分大小写，不能与已有账号重复'],
    ['区划代码', '必填，6位行政区划代码，须在本部门管辖范围内（见下方区划代码对照）'],
    ['机构类型', `必填，可选：${labelsText(institutionTypeLabels)}`],
    ['机构级别', `必填，可选：${labelsText(institutionLevelLabels)}`],
    ['机构等次', `必填，可选：${labelsText(institutionGradeLabels)}`],
    ['联系人', '选填，不超过64个字符'],
    ['手机号码', '选填，11位手机号'],
    ['初始密码', '导入的机构账号使用本省初始密码登录，首次登录须修改密码'],
    ['示例行', `机构名称以「${EXAMPLE_MARK}」开头的行不会导入，请删除后填写`],
    ['', ''],
    ['区划代码对照', ''],
    ...inJurisdiction.map((r): [string, string] => [r.code, pathOf(r.code)]),
  ];
  const example = [`${EXAMPLE_MARK}：某某社区卫生服务中心`, 'JG_0001', exampleRegion, institutionTypeLabels.primary, institutionLevelLabels.level1, institutionGradeLabels.ungraded, '张三', '13800000000'];
  return templateWorkbook('机构账号', headers, example, notes);
}

const byLabel = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([key, label]) => [label as string, key as K]));
const enumColumns = [
  { field: 'type', header: '机构类型', keys: byLabel(institutionTypeLabels), allowed: labelsText(institutionTypeLabels) },
  { field: 'level', header: '机构级别', keys: byLabel(institutionLevelLabels), allowed: labelsText(institutionLevelLabels) },
  { field: 'grade', header: '机构等次', keys: byLabel(institutionGradeLabels), allowed: labelsText(institutionGradeLabels) },
] as const;

interface ValidRow {
  rowNumber: number;
  name: string;
  account: string;
  regionCode: string;
  type: string;
  level: string;
  grade: string;
  contactPerson: string | null;
  mobile: string | null;
}

type Checked = { rowNumber: number; values: Record<string, string> } & ReturnType<typeof checkRow>;

/** The reasons a row cannot be imported (empty when it can), and the parsed row. */
function checkRow(values: Record<string, string>): { reasons: string[]; row?: Omit<ValidRow, 'rowNumber'> } {
  const reasons: string[] = [];
  const badLabels = new Set<string>();
  const input: Record<string, string | undefined> = {};
  for (const [header, field] of importColumns) input[field] = values[header] ?? '';
  for (const column of enumColumns) {
    const raw = input[column.field];
    if (!raw) continue;
    const key = column.keys.get(raw);
    if (key) input[column.field] = key;
    else {
      badLabels.add(column.field);
      reasons.push(`${column.header}「${raw}」不正确，可选：${column.allowed}`);
    }
  }
  const parsed = createInstitutionBodySchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!badLabels.has(String(issue.path[0]))) reasons.push(issue.message);
    }
  }
  if (reasons.length > 0 || !parsed.success) return { reasons };
  if (parsed.data.name.startsWith(EXAMPLE_MARK)) return { reasons: ['模板示例行，请删除后再导入'] };
  return { reasons, row: parsed.data };
}

const refuse = (message: string) => badRequest(`导入文件：${message}`, { [FILE_FIELD]: message });

/**
 * Streams the upload (limits checked before any parsing) and checks each batch of rows as it arrives, so
 * the event loop is never held for the whole file.
 */
async function readUpload(data: Buffer, filename: string): Promise<Checked[]> {
  await checkUpload(data, filename, { allowed: ['excel'], maxBytes: 10 * MB, field: FILE_FIELD, fieldLabel: '导入文件' });
  const checked: Checked[] = [];
  let headerChecked = false;
  try {
    for await (const sheet of streamSheet(data, INSTITUTION_WORKBOOK_LIMITS, 1000)) {
      if (!headerChecked) {
        const missing = headers.filter((h) => !sheet.headers.includes(h));
        if (missing.length > 0) throw refuse(`缺少列：${missing.join('、')}，请使用导入模板`);
        headerChecked = true;
      }
      for (const { rowNumber, values } of sheet.rows) checked.push({ rowNumber, values, ...checkRow(values) });
    }
  } catch (error) {
    if (error instanceof WorkbookRefused) throw refuse(error.message);
    if (error instanceof AppError) throw error;
    throw refuse('文件不是有效的Excel（.xlsx）文件');
  }
  if (checked.length === 0) throw refuse('没有可导入的数据');
  return checked;
}

/**
 * 批量导入: every row is checked (required fields, formats, allowed labels, region inside the jurisdiction,
 * duplicates in the file and in the database); the valid ones are written in one transaction with set-based
 * inserts, each account with the province's initial password. The rejected rows come back as an .xlsx.
 */
export async function importInstitutions(db: Database, actor: Actor, upload: { data: Buffer; filename: string }, ip: string): Promise<ImportResult> {
  requireRole(actor, ['authority']);
  const checked = await readUpload(upload.data, upload.filename);
  const candidates = checked.flatMap((c) => (c.row ? [c.row] : []));
  const regionsFound = await existingRegionCodes(db, [...new Set(candidates.map((r) => r.regionCode))]);
  const taken = await takenLoginNames(db, [...new Set(candidates.map((r) => r.account))]);
  const firstRowOf = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const c of checked) {
    if (!c.row) continue;
    const { row } = c;
    if (!regionsFound.has(row.regionCode)) c.reasons.push(`区划代码「${row.regionCode}」不存在`);
    else if (!regionWithin(row.regionCode, actor.regionCode)) c.reasons.push(`区划代码「${row.regionCode}」不在本部门管辖范围内`);
    const key = row.account.toLowerCase();
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) c.reasons.push(`机构账号「${row.account}」与第${earlier}行重复`);
    else firstRowOf.set(key, c.rowNumber);
    if (taken.has(key)) c.reasons.push(`机构账号「${row.account}」已存在`);
    if (c.reasons.length === 0) valid.push({ rowNumber: c.rowNumber, ...row });
  }
  const rejected = checked.filter((c) => c.reasons.length > 0);

  try {
    await db.transaction(async (tx) => {
      if (valid.length > 0) {
        const ids = await reserveInstitutionIds(tx, valid.length);
        const column = <T>(pick: (r: ValidRow) => T) => valid.map(pick);
        await insertUnnest(tx, 'institutions', [
          { name: 'id', type: 'int4', values: ids },
          { name: 'name', type: 'text', values: column((r) => r.name) },
          { name: 'authority_id', type: 'int4', values: valid.map(() => actor.orgId) },
          { name: 'region_code', type: 'text', values: column((r) => r.regionCode) },
          { name: 'type', type: 'text', values: column((r) => r.type) },
          { name: 'level', type: 'text', values: column((r) => r.level) },
          { name: 'grade', type: 'text', values: column((r) => r.grade) },
          { name: 'contact_person', type: 'text', values: column((r) => r.contactPerson) },
          { name: 'mobile', type: 'text', values: column((r) => r.mobile) },
        ]);
        // No password hash: the province's initial password is in force and must be changed at first login.
        await insertUnnest(tx, 'accounts', [
          { name: 'kind', type: 'text', values: valid.map(() => 'institution') },
          { name: 'login_name', type: 'text', values: column((r) => r.account) },
          { name: 'institution_id', type: 'int4', values: ids },
        ]);
      }
      await recordAudit(tx, {
        action: 'institution.imported',
        actor,
        targetType: 'institution',
        after: { file: upload.filename, rows: checked.length, imported: valid.length, rejected: rejected.length },
        ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'CONFLICT', '导入期间有机构账号已被他人创建，请重新导入');
    throw error;
  }

  await refreshStatistics(db, ['institutions', 'accounts'], valid.length);
  const errors = rejected.map((c) => ({ row: c.rowNumber, reason: c.reasons.join('；') }));
  const rejectedFile =
    rejected.length > 0
      ? (await rowsWorkbook('导入失败数据', [...headers, '失败原因'], rejected.map((c) => [...headers.map((h) => c.values[h] ?? ''), c.reasons.join('；')]))).toString('base64')
      : null;
  return { imported: valid.length, rejected: rejected.length, errors, rejectedFile };
}
