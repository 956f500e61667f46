// The province-wide 考核进度 statements that used to join every physician, timed bare (no HTTP, session or JSON) through
// the app's own repository functions, interleaved with a machine anchor: `count(*)` of the cycle's enrolments (one
// sequential scan). Each figure is best read as a ratio to the anchor of the same run.
// Usage: the environment of bench/generate-province.ts on PostgreSQL, after a progress.ts run (its setup), then
//   npx tsx bench/progress-sql.ts [--runs 30]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { openRuntime } from '../server/runtime.js';
import { progressPage, progressWhere, scopeConditions, summaryGroups } from '../server/modules/progress/repository.js';
import { PROGRESS_COUNT_CAP } from '../common/schemas/assessment-progress.js';
import { percentile } from './lib/stats.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, province: { type: 'string', default: '430000' } } });
const runs = Number(values.runs);
const runtime = await openRuntime(loadConfig(process.env));
const db = runtime.database.db;
const current = (await db.execute(sql`select id from cycles where province_code = ${values.province} and is_current`)) as unknown as { rows: { id: number }[] };
const cycle = Number(current.rows[0].id);
const scope = scopeConditions(cycle, { regionCode: values.province! });

const statements: Record<string, () => Promise<unknown>> = {
  'anchor: count(*) of the cycle': () => db.execute(sql`select count(*) from enrolments where cycle_id = ${cycle}`),
  'list, province, 执业类别 口腔 (page + capped count)': () =>
    progressPage(db, progressWhere(scope, { practiceCategory: 'dental', page: 1, pageSize: 10 } as never), { page: 1, pageSize: 10, wholeProvince: true }, PROGRESS_COUNT_CAP),
  'list, province, 执业类别 公卫, page 3 of 20': () =>
    progressPage(db, progressWhere(scope, { practiceCategory: 'publicHealth', page: 3, pageSize: 20 } as never), { page: 3, pageSize: 20, wholeProvince: true }, PROGRESS_COUNT_CAP),
  'list, province, 考核完成 不合格 临床': () =>
    progressPage(
      db,
      progressWhere(scope, { status: 'COMPLETED', result: 'failed', practiceCategory: 'clinical', page: 1, pageSize: 10 } as never),
      { page: 1, pageSize: 10, wholeProvince: true },
      PROGRESS_COUNT_CAP,
    ),
  // The statement before enrolments_summary_idx: grouped on coalesce(…), so every row was hashed.
  '综合查询, province, former statement (hash)': () =>
    db.execute(
      sql`select status, coalesce(procedure, 'none'), coalesce(result, 'none'), practice_category, count(*) from enrolments where cycle_id = ${cycle} and status <> 'NOT_ENROLLED' and institution_id is not null group by 1, 2, 3, 4`,
    ),
  '综合查询, province (as the app sends it)': () => summaryGroups(db, scope),
};

const times = new Map<string, number[]>(Object.keys(statements).map((k) => [k, []]));
for (const run of Object.values(statements)) await run(); // warm-up
for (let i = 0; i < runs; i++) {
  for (const [label, run] of Object.entries(statements)) {
    const start = performance.now();
    await run();
    times.get(label)!.push(performance.now() - start);
  }
}
const anchor = times.get('anchor: count(*) of the cycle')!.sort((a, b) => a - b);
const anchorP50 = percentile(anchor, 50);
console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}; ${runs} runs each, interleaved`);
for (const [label, list] of times) {
  list.sort((a, b) => a - b);
  const p50 = percentile(list, 50);
  const p95 = percentile(list, 95);
  console.log(`${label.padEnd(48)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  p50 ÷ anchor p50 ${(p50 / anchorP50).toFixed(2)}`);
}
await runtime.close();
