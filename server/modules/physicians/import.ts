// 批量导入医师 from Excel: the template, and one set-based write of the rows import-check.ts found valid.
import { and, eq } from 'drizzle-orm';
import { idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels } from '../../../common/enums.js';
import { educations, ethnicities, positions, practiceScopes, titles } from '../../../common/physician-catalogs.js';
import type { ImportResult } from '../../../common/schemas/institution.js';
import { PHYSICIAN_EXISTS } from '../../../common/schemas/physician.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { insertUnnest, refreshStatistics, type BulkColumn } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { departments } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { rowsWorkbook, templateWorkbook } from '../../lib/excel.js';
import { MB, checkUpload } from '../../lib/uploads.js';
import { isUniqueViolation } from '../institutions/service.js';
import { EXAMPLE_MARK, FILE_FIELD, checkedRows, headers, join, required, type CheckedRow } from './import-check.js';
import { physicianRow } from './records.js';
import type { RosterDeps } from './roster.js';

export { MAX_PHYSICIAN_IMPORT_ROWS, PHYSICIAN_WORKBOOK_LIMITS } from './import-check.js';

/** The template: headers, one example row, and a 说明 sheet with the allowed values and the institution's 科室. */
export async function physicianImportTemplate(deps: RosterDeps, actor: Actor): Promise<Buffer> {
  requireRole(actor, ['institution']);
  const enabled = await deps.db
    .select({ name: departments.name })
    .from(departments)
    .where(and(eq(departments.institutionId, actor.orgId), eq(departments.status, 'enabled')))
    .orderBy(departments.name);
  const notes: [string, string][] = [
    ['必填列', `${join(required)}（其余选填）`],
    ['性别', join(Object.values(sexLabels))],
    ['证件类型', join(Object.values(idTypeLabels))],
    ['证件号码', '居民身份证为18位（15位会自动转换为18位），出生年月、性别须与证件号码一致；同一人不能重复'],
    ['日期', '出生年月、各取得时间、首次注册时间填写为 2010-06-10 的格式，或Excel日期'],
    ['民族', join(ethnicities)],
    ['学历', join(educations)],
    ['科室', enabled.length ? `本机构启用的科室：${join(enabled.map((d) => d.name))}` : '本机构尚未维护启用的科室，请先在【科室信息】中添加，或留空'],
    ['职称', join(titles)],
    ['医师级别', join(Object.values(physicianLevelLabels))],
    ['规培生', '是、否'],
    ['职务', join(positions)],
    ['执业类别', join(Object.values(practiceCategoryLabels))],
    ...Object.entries(practiceScopes).map(([category, scopes]): [string, string] => [`执业范围（${practiceCategoryLabels[category as keyof typeof practiceCategoryLabels]}）`, join(scopes)]),
    ['初始密码', '导入的医师使用本省初始密码登录，首次登录须修改密码'],
    ['示例行', `姓名以「${EXAMPLE_MARK}」开头的行不会导入，请删除后填写`],
  ];
  const example = [`${EXAMPLE_MARK}张三`, '女', '居民身份证', '11010519491231002X', '1949-12-31', '汉族', '本科', 'zhangsan@example.cn', '13800000000', enabled[0]?.name ?? '', '中级（主治/主管）', '2012-09-01', '执业医师', '否', '无', '', '临床', '内科专业', '110430100000001', '2005-08-01', '200443110430100000001', '2004-12-01', '2005-08-01'];
  return templateWorkbook('医师信息', headers, example, notes);
}

/** Column name, array type and value of each physician field written by the import. */
const physicianColumns: [string, BulkColumn['type'], keyof ReturnType<typeof physicianRow>][] = [
  ['institution_id', 'int4', 'institutionId'], ['department_id', 'int4', 'departmentId'], ['name', 'text', 'name'], ['sex', 'text', 'sex'],
  ['birth_date', 'date', 'birthDate'], ['id_type', 'text', 'idType'], ['id_number_cipher', 'text', 'idNumberCipher'],
  ['id_number_hash', 'text', 'idNumberHash'], ['id_number_tail_hash', 'text', 'idNumberTailHash'], ['id_number_masked', 'text', 'idNumberMasked'],
  ['ethnicity', 'text', 'ethnicity'], ['education', 'text', 'education'], ['email', 'text', 'email'], ['mobile', 'text', 'mobile'],
  ['practice_category', 'text', 'practiceCategory'], ['practice_scope', 'text', 'practiceScope'], ['physician_level', 'text', 'physicianLevel'],
  ['title', 'text', 'title'], ['title_date', 'date', 'titleDate'], ['position', 'text', 'position'], ['position_date', 'date', 'positionDate'],
  ['resident_trainee', 'bool', 'residentTrainee'], ['license_number', 'text', 'licenseNumber'], ['license_date', 'date', 'licenseDate'],
  ['qualification_number', 'text', 'qualificationNumber'], ['qualification_date', 'date', 'qualificationDate'],
  ['first_registration_date', 'date', 'firstRegistrationDate'],
];

const CHUNK = 5_000;

/**
 * Writes checked rows not yet in the database (at any institution), each with an account; returns those already there.
 * The unique blind index decides: rows whose 证件号码 exists are skipped by the insert itself (also one another import
 * adds meanwhile, once it commits), which saves a lookup and an id reservation per chunk.
 */
async function writeChunk(tx: Tx, deps: RosterDeps, institutionId: number, chunk: CheckedRow[]): Promise<CheckedRow[]> {
  const rows = chunk.map((c) => physicianRow(deps, institutionId, c.row!, deps.pii.idNumberHash(c.row!.idNumber)));
  const written = await insertUnnest<{ id: number; hash: string }>(
    tx,
    'physicians',
    physicianColumns.map(([name, type, key]): BulkColumn => ({ name, type, values: rows.map((r) => r[key] ?? null) })),
    { onConflictDoNothing: 'id_number_hash', returning: 'id, id_number_hash as hash' },
  );
  // No password hash: the province's initial password is in force and must be changed at first login.
  await insertUnnest(tx, 'accounts', [
    { name: 'kind', type: 'text', values: written.map(() => 'physician') },
    { name: 'physician_id', type: 'int4', values: written.map((w) => w.id) },
  ]);
  const inserted = new Set(written.map((w) => w.hash));
  return chunk.filter((_, i) => !inserted.has(rows[i].idNumberHash));
}

/**
 * A refused row as the 导入失败数据 report needs it: its cells as one JSON text instead of an object of 23 strings
 * (which may still hold the parser's buffers) — a file refused whole keeps 100,000 of them until the report is written.
 */
interface RefusedRow {
  rowNumber: number;
  reason: string;
  cells: string;
}

const refused = (c: CheckedRow): RefusedRow => ({ rowNumber: c.rowNumber, reason: c.reasons.join('；'), cells: JSON.stringify(headers.map((h) => c.cells[h] ?? '')) });

/** The rows of the report, made one at a time as the workbook is written. */
function* reportRows(rejected: RefusedRow[]): Generator<string[]> {
  for (const r of rejected) yield [...(JSON.parse(r.cells) as string[]), r.reason];
}

/**
 * 批量导入医师: every row is checked (required fields, ID check digit, labels, 科室, duplicates in the file and
 * in the database — at any institution); the valid ones are written in one transaction with set-based
 * inserts, each with an account on the province's initial password. The rejected rows come back as an .xlsx.
 * Checking and writing overlap: while the database writes one chunk, the next is read and checked, and the
 * cells of written rows are let go. A bad file found half-way rolls everything back.
 */
export async function importPhysicians(
  deps: RosterDeps,
  actor: Actor,
  upload: { data: Buffer; filename: string },
  ip: string,
  { chunkSize = CHUNK }: { chunkSize?: number } = {},
): Promise<ImportResult> {
  requireRole(actor, ['institution']);
  const { db } = deps;
  await checkUpload(upload.data, upload.filename, { allowed: ['excel'], maxBytes: 20 * MB, field: FILE_FIELD, fieldLabel: '导入文件' });
  const enabled = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.institutionId, actor.orgId), eq(departments.status, 'enabled')));
  const departmentIds = new Map(enabled.map((d) => [d.name, d.id]));

  const rejected: RefusedRow[] = [];
  let total = 0;
  let imported = 0;
  try {
    await db.transaction(async (tx) => {
      let pending: CheckedRow[] = [];
      let writing: Promise<void> = Promise.resolve();
      const write = (chunk: CheckedRow[]) => {
        const done = writeChunk(tx, deps, actor.orgId, chunk).then((known) => {
          for (const c of known) {
            c.reasons.push(PHYSICIAN_EXISTS);
            rejected.push(refused(c));
          }
          imported += chunk.length - known.length;
        });
        done.catch(() => undefined); // observed below; this only keeps it from counting as unhandled meanwhile
        return done;
      };
      try {
        for await (const batch of checkedRows(upload.data, departmentIds)) {
          for (const c of batch) {
            total += 1;
            if (c.reasons.length > 0 || !c.row) {
              rejected.push(refused(c));
              continue;
            }
            pending.push(c);
            if (pending.length >= chunkSize) {
              await writing;
              writing = write(pending);
              pending = [];
            }
          }
        }
        await writing;
        if (pending.length > 0) await write(pending);
      } finally {
        // Never leave the transaction while a write is still on its connection.
        await writing.catch(() => undefined);
      }
      rejected.sort((a, b) => a.rowNumber - b.rowNumber);
      await recordAudit(tx, {
        action: 'physician.imported',
        actor,
        targetType: 'institution',
        targetId: actor.orgId,
        after: { file: upload.filename, rows: total, imported, rejected: rejected.length },
        ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'CONFLICT', '导入期间有医师已被他人添加，请重新导入');
    throw error;
  }

  await refreshStatistics(db, ['physicians', 'accounts'], imported);
  const errors = rejected.slice(0, 1000).map((r) => ({ row: r.rowNumber, reason: r.reason }));
  const rejectedFile =
    rejected.length > 0
      ? (await rowsWorkbook('导入失败数据', [...headers, '失败原因'], reportRows(rejected))).toString('base64')
      : null;
  return { imported, rejected: rejected.length, errors, rejectedFile };
}
