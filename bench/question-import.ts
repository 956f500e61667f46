// 题库 批量导入 at bank size: generates a workbook of N questions in the template's columns (every 题型, groups over
// several rows, shared strings as Excel writes them) and times, in this process, exceljs reading the same file alone
// beside the whole import (limits, streamed reading, the checks of every row and group, two set-based inserts in one
// transaction, the audit row, ANALYZE), so the import's cost is told against the floor the reader sets.
//
//   DATA_DIR=/tmp/bench-qbank npx tsx bench/question-import.ts [--questions 20000] [--runs 3] [--out file.json]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch db> ID_ENCRYPTION_KEY=… ID_HMAC_KEY=… npx tsx bench/question-import.ts
//
// Each run imports the file again as new items (an import always adds): use a scratch database or data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/config.js';
import { accounts, authorities } from '../server/db/schema/index.js';
import { importBank } from '../server/modules/question-bank/import.js';
import { bankSheetHeaders } from '../server/modules/question-bank/sheet.js';
import { openRuntime } from '../server/runtime.js';
import type { Actor } from '../server/auth/access.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
    workdir: { type: 'string', default: path.join(os.tmpdir(), 'bench-question-import') },
  },
});
const target = Number(values.questions);
const runs = Number(values.runs);
fs.mkdirSync(values.workdir!, { recursive: true });

// ---- the file ----

let seed = 20_260_101;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
const words = ['患者', '医师', '诊断', '治疗', '首选', '检查', '临床表现', '并发症', '病因', '机制', '药物', '剂量', '规定', '条例', '医疗机构', '卫生健康主管部门', '传染病', '处方', '病历', '知情同意', '急性', '慢性', '感染', '手术', '护理', '发热', '疼痛', '血压', '心电图', '影像学'];
const text = (min: number, max: number) => {
  let out = '';
  const length = min + Math.floor(random() * (max - min));
  while (out.length < length) out += pick(words);
  return out.slice(0, length);
};
const letters = 'ABCDE';
const opts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`选项${'ABCDEFGH'[i]}`, text(6, 18)]));
const tags = (i: number): Record<string, string> =>
  i % 3 === 0 ? { 试卷: '医学人文·法律法规' } : { 试卷: '业务水平', 执业类别: pick(['临床', '口腔', '公共卫生', '中医']), 诊疗科目: pick(['', '03.01', '03.04', '04.01', '12']) };
const common = () => ({ 解析: text(60, 160), 难度: pick(['易', '中', '难']) });

/** Rows of one item: mostly single questions, some A3/A4 cases of 3–4 and B1 groups of 4. */
function itemRows(i: number): Record<string, string>[] {
  const roll = random();
  const t = tags(i);
  if (roll < 0.55) return [{ 题型: 'A1', 题干: text(30, 90), ...opts(5), 答案: pick([...letters]), ...t, ...common() }];
  if (roll < 0.65) return [{ 题型: 'A2', 题干: text(80, 200), ...opts(5), 答案: pick([...letters]), ...t, ...common() }];
  if (roll < 0.75) return [{ 题型: 'X', 题干: text(30, 90), ...opts(5), 答案: pick(['AB', 'ACD', 'BCE', 'ABCD', 'DE']), ...t, ...common() }];
  if (roll < 0.85) return [{ 题型: '判断', 题干: text(30, 90), 答案: pick(['正确', '错误']), ...t, ...common() }];
  const group = `G${i}`;
  if (roll < 0.94) {
    const type = roll < 0.9 ? 'A3' : 'A4';
    const size = 3 + Math.floor(random() * 2);
    return Array.from({ length: size }, (_, k) => ({ 题型: type, 分组号: group, 共用题干: k === 0 ? text(120, 300) : '', 题干: text(20, 60), ...opts(5), 答案: pick([...letters]), ...t, ...common() }));
  }
  return Array.from({ length: 4 }, (_, k) => ({ 题型: 'B1', 分组号: group, 题干: text(20, 60), ...(k === 0 ? opts(5) : {}), 答案: pick([...letters]), ...t, ...common() }));
}

async function writeFile(file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(bankSheetHeaders).commit();
  let written = 0;
  for (let i = 0; written < target; i++) {
    let rows = itemRows(i);
    // A group that would overshoot the count becomes single questions.
    if (rows.length > target - written) rows = Array.from({ length: target - written }, () => ({ 题型: 'A1', 题干: text(30, 90), ...opts(5), 答案: 'A', ...tags(i), ...common() }));
    for (const row of rows) sheet.addRow(bankSheetHeaders.map((h) => row[h] ?? '')).commit();
    written += rows.length;
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

// ---- the runs ----

const file = path.join(values.workdir!, `questions-${target}.xlsx`);
if (!fs.existsSync(file)) {
  const started = performance.now();
  await writeFile(file);
  console.log(`wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const data = fs.readFileSync(file);

/** exceljs alone: the streaming reader over the same bytes, with the options the import uses, touching every cell. */
async function readAlone(): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let rows = 0;
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
    break;
  }
  if (cells === 0) throw new Error('nothing read');
  return rows - 1;
}

const config = loadConfig();
const runtime = await openRuntime(config);
const db = runtime.database.db;
const loginName = 'bench_qbank';
let [account] = await db.select().from(accounts).where(eq(accounts.loginName, loginName));
if (!account) {
  let [authority] = await db.select().from(authorities).where(and(eq(authorities.regionCode, '990000')));
  authority ??= (await db.insert(authorities).values({ name: '演示省卫生健康委员会', regionCode: '990000' }).returning())[0];
  [account] = await db.insert(accounts).values({ kind: 'authority', loginName, authorityId: authority.id }).returning();
}
const actor: Actor = { accountId: account.id, kind: 'authority', role: 'authority', orgId: account.authorityId!, regionCode: '990000', provinceCode: '990000' };

const timings: { read: number; import: number }[] = [];
let questionsRead = 0;
for (let run = 0; run < runs; run++) {
  let started = performance.now();
  questionsRead = await readAlone();
  const read = performance.now() - started;
  started = performance.now();
  const result = await importBank(db, actor, { data, filename: path.basename(file) }, '127.0.0.1');
  const took = performance.now() - started;
  if (result.rejected > 0) throw new Error(`rows refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
  timings.push({ read, import: took });
  console.log(`run ${run + 1}: exceljs read ${(read / 1000).toFixed(2)} s, import ${(took / 1000).toFixed(2)} s (${result.imported} questions)`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = median(timings.map((t) => t.read));
const imported = median(timings.map((t) => t.import));
const bank = (await db.execute(sql`select count(*)::int as n from questions q join question_items i on i.id = q.item_id where i.province_code = '990000'`)) as unknown as { rows: { n: number }[] };
const summary = {
  database: runtime.database.kind,
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
  questions: questionsRead,
  fileMb: Math.round((data.length / 1e6) * 10) / 10,
  runs,
  readSeconds: Math.round(read) / 1000,
  importSeconds: Math.round(imported) / 1000,
  ratio: Math.round((imported / read) * 100) / 100,
  bankQuestionsAfter: bank.rows[0].n,
};
console.table([summary]);
if (values.out) fs.writeFileSync(values.out, JSON.stringify({ ...summary, timings }, null, 2));
await runtime.close();
