// 批量导入医师 from Excel: the template, and one set-based write of the rows import-check.ts found valid.
import { and, eq } from 'drizzle-orm';
import { idTypeLabels, physicianLevelLabels, practiceCategoryLabels, sexLabels } from '../../../common/enums.js';
import { educations, ethnicities, positions, practiceScopes, titles } from '../../../common/physician-catalogs.js';
import type { ImportResult } from '../../../common/schemas/institution.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import { insertUnnest, refreshStatistics, type BulkColumn } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { departments } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { rowsWorkbook, templateWorkbook } from '../../lib/excel.js';
import { MB, checkUpload } from '../../lib/uploads.js';
import { isUniqueViolation } from '../institutions/service.js';
import { startTsWorker, workerMessages } from '../../lib/ts-worker.js';
import { EXAMPLE_MARK, FILE_FIELD, headers, join, required, type RefusedRow } from './import-check.js';
import { importColumns, type ImportInput, type ImportMessage, type ImportReply } from './import-protocol.js';
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

/**
 * Rows per write. A chunk's rows live in the reading thread until the database answers which were already there:
 * 5,000 outlived two young-generation collections and were copied into the old generation, 1,000 mostly die young
 * (a 100k import peaked at 398–423 MB against 440–446 in the same session, bench/README).
 */
const CHUNK = 1_000;
/**
 * The reading thread's old-generation heap. A 100,000-row file keeps under 64 MB live; without a bound V8 lets that
 * heap grow to several times its live size before collecting (server peak RSS 800 MB), with it it collects (550 MB,
 * bench/README). A file that needs more is refused, and several imports at once cannot exhaust the server's memory.
 */
const READER_HEAP_MB = 128;
const READER_OUT_OF_MEMORY = '文件内容过多，请分成几个文件导入';

/**
 * Writes a chunk's rows not yet in the database (at any institution), each with an account; returns the positions of
 * those already there. The unique blind index decides: rows whose 证件号码 exists are skipped by the insert itself
 * (also one another import adds meanwhile, once it commits), which saves a lookup and an id reservation per chunk.
 */
async function writeChunk(tx: Tx, chunk: Extract<ImportMessage, { kind: 'chunk' }>): Promise<number[]> {
  const written = await insertUnnest<{ id: number; hash: string }>(
    tx,
    'physicians',
    importColumns.map(([name, type]): BulkColumn => ({ name, type, values: chunk.columns[name] })),
    { onConflictDoNothing: 'id_number_hash', returning: 'id, id_number_hash as hash' },
  );
  // No password hash: the province's initial password is in force and must be changed at first login.
  await insertUnnest(tx, 'accounts', [
    { name: 'kind', type: 'text', values: written.map(() => 'physician') },
    { name: 'physician_id', type: 'int4', values: written.map((w) => w.id) },
  ]);
  const inserted = new Set(written.map((w) => w.hash));
  return chunk.hashes.flatMap((hash, position) => (inserted.has(hash) ? [] : [position]));
}

/** The rows of the report, made one at a time as the workbook is written. */
function* reportRows(rejected: RefusedRow[]): Generator<string[]> {
  for (const r of rejected) yield [...(JSON.parse(r.cells) as string[]), r.reason];
}

/**
 * 批量导入医师: every row is checked (required fields, ID check digit, labels, 科室, duplicates in the file and
 * in the database — at any institution); the valid ones are written in one transaction with set-based
 * inserts, each with an account on the province's initial password. The rejected rows come back as an .xlsx.
 * Reading and checking run in a worker thread with a bounded heap (import-worker.ts): while the database writes one
 * chunk, the worker reads and checks the next, and the request's thread stays free for other requests. A bad file
 * found half-way rolls everything back.
 */
export async function importPhysicians(
  deps: RosterDeps,
  actor: Actor,
  upload: { data: Buffer; filename: string },
  ip: string,
  { chunkSize = CHUNK, readerHeapMb = READER_HEAP_MB }: { chunkSize?: number; readerHeapMb?: number } = {},
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
  let finished = false;
  const data = new Uint8Array(upload.data);
  const input: ImportInput = { data, institutionId: actor.orgId, keys: deps.pii.keys, departments: [...departmentIds], chunkSize };
  const worker = await startTsWorker(new URL('./import-worker.ts', import.meta.url), input, {
    resourceLimits: { maxOldGenerationSizeMb: readerHeapMb },
    // The copy moves to the worker instead of being copied again (an upload is up to 20 MB).
    transferList: [data.buffer],
  });
  const messages = workerMessages<ImportMessage>(worker);
  try {
    await db.transaction(async (tx) => {
      // One chunk is written while the worker reads and checks the next; a chunk waits for the one before.
      let writing: Promise<void> = Promise.resolve();
      try {
        for await (const message of messages) {
          if (message.kind === 'refused') rejected.push(...message.rows);
          else if (message.kind === 'failed') throw badRequest(message.message, message.fields);
          else if (message.kind === 'chunk') {
            await writing;
            writing = writeChunk(tx, message).then((known) => {
              imported += message.hashes.length - known.length;
              worker.postMessage({ known } satisfies ImportReply);
            });
            writing.catch(() => undefined); // awaited with the next chunk or below; only not "unhandled" meanwhile
          } else {
            total = message.total;
            finished = true;
            break;
          }
        }
        await writing;
      } finally {
        // Never leave the transaction while a write is still on its connection.
        await writing.catch(() => undefined);
      }
      if (!finished) throw new Error('the import worker stopped before the end of the file');
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
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw badRequest(`导入文件：${READER_OUT_OF_MEMORY}`, { [FILE_FIELD]: READER_OUT_OF_MEMORY });
    throw error;
  } finally {
    await worker.terminate();
  }

  await refreshStatistics(db, ['physicians', 'accounts'], imported);
  const errors = rejected.slice(0, 1000).map((r) => ({ row: r.rowNumber, reason: r.reason }));
  const rejectedFile =
    rejected.length > 0
      ? (await rowsWorkbook('导入失败数据', [...headers, '失败原因'], reportRows(rejected))).toString('base64')
      : null;
  return { imported, rejected: rejected.length, errors, rejectedFile };
}
