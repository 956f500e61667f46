// 考核统计 at province scale, over HTTP against the real server, beside bare-SQL anchors in the same run:
//   a. the province roll-up (a row per city), interleaved request by request with its anchors sent bare through `pg`:
//      the plain count of the cycle's enrolments (what any roll-up must read) and the roll-up statement itself;
//   b. the roll-up split by each dimension, and the drill-downs: a city, a district (a row per institution), the
//      flagship institution (by 科室), the flagship as 考核机构 (400 institutions);
//   c. the daily 报名 / 审核 line for the province and for the flagship;
//   d. 导出 of the province's table.
// Usage: the environment of bench/generate-province.ts (DATABASE_URL + keys; PostgreSQL), then
//   npx tsx bench/statistics.ts [--port 3459] [--requests 100] [--steps rollup,split,drill,daily,export] [--out file.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { allPapersExempted, defaultPapersByProcedure, procedures } from '../common/papers.js';
import { statisticsSplits, type StatisticsSplit } from '../common/schemas/statistics.js';
import { figureGroupsSql } from '../server/modules/statistics/repository.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD, authorityLogin } from './lib/bench-accounts.js';
import { ApiClient } from './lib/http.js';
import { startServer, type BenchServer } from './lib/server.js';
import { printTable, summarize, type LatencySummary } from './lib/stats.js';
import { prepareStatistics } from './lib/statistics-setup.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3459' },
    requests: { type: 'string', default: '100' },
    steps: { type: 'string', default: 'rollup,split,drill,daily,export' },
    out: { type: 'string' },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('statistics.ts measures PostgreSQL: set DATABASE_URL');
const port = Number(values.port);
const n = Number(values.requests);
const steps = new Set(values.steps!.split(','));
fs.mkdirSync(values.workdir!, { recursive: true });
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const results: Record<string, unknown> = { date: new Date().toISOString(), cpus: os.cpus().length, loadBefore: load() };
const table: [string, string, string][] = [['step', 'p50 / p95 / max', 'detail']];
const ms = (x: number) => x.toFixed(1);
const line = (label: string, s: LatencySummary, detail: string) => {
  results[label] = s;
  table.push([label, `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} ms`, detail]);
};

console.log('preparing…');
const sample = await prepareStatistics();
results.sample = { enrolled: sample.enrolled, assignedEnrolled: sample.assignedEnrolled, auditEvents: sample.auditEvents, district: sample.districtCode };
console.log(`${sample.enrolled} enrolled; ${sample.auditEvents} audit events of the daily line; district ${sample.districtCode}`);

// The anchors: a connection set up like the app's (no parallel workers), the statements compiled by the app's own code.
const bare = new pg.Client({ connectionString: url, options: '-c max_parallel_workers_per_gather=0' });
await bare.connect();
// The roll-up as the app sends it across a province (repository.ts `aggregate`): 2 parallel workers, 32 MB, no JIT.
const bareWide = new pg.Client({ connectionString: url, options: '-c max_parallel_workers_per_gather=2 -c work_mem=32MB -c jit=off' });
await bareWide.connect();
const dialect = new PgDialect();
const provinceNode = { kind: 'region' as const, regionCode: sample.provinceCode };
// The generated province keeps the national 考核政策 (its policy row has the defaults).
const fullyExempt = procedures.filter((p) => allPapersExempted(defaultPapersByProcedure[p], p));
const rollupQuery = (split: StatisticsSplit) => dialect.sqlToQuery(figureGroupsSql(sample.cycleId, provinceNode, split, fullyExempt));
const countQuery = { sql: `select count(*) from enrolments where cycle_id = $1 and status <> 'NOT_ENROLLED'`, params: [sample.cycleId] };
async function timeBare(query: { sql: string; params: unknown[] }, client = bare): Promise<number> {
  const started = performance.now();
  await client.query(query.sql, query.params);
  return performance.now() - started;
}

let server: BenchServer | null = null;
const clients: ApiClient[] = [];
async function session(account: string, role?: 'assessor'): Promise<ApiClient> {
  const client = new ApiClient(server!.baseUrl);
  clients.push(client);
  await client.login(account, BENCH_PASSWORD);
  if (role) await client.json('POST', '/api/v1/auth/switch-role', { role });
  return client;
}

/** Times `count` requests of one path after 5 uncounted warm-ups. */
async function measure(label: string, client: ApiClient, path: string, count: number, detail = '') {
  for (let i = 0; i < 5; i++) await client.json('GET', path);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < count; i++) {
    const { ms: took, value } = await client.json<{ rows?: unknown[]; days?: unknown[] }>('GET', path);
    times.push(took);
    rows = value.rows?.length ?? value.days?.length ?? 0;
  }
  line(label, summarize(times), `${count} requests, ${rows} rows${detail ? `; ${detail}` : ''}`);
}

try {
  server = await startServer({}, port, path.join(values.workdir!, 'server-statistics.log'));
  console.log(`server pid ${server.pid} up; load ${load()}`);
  const province = await session(authorityLogin(sample.provinceCode));

  if (steps.has('rollup')) {
    // Interleaved, so that all four see the same machine: count, roll-up statement serial and parallel, GET /statistics.
    const query = rollupQuery('none');
    for (let i = 0; i < 5; i++) {
      await timeBare(countQuery);
      await timeBare(query);
      await timeBare(query, bareWide);
      await province.json('GET', '/api/v1/statistics');
    }
    const count: number[] = [];
    const statement: number[] = [];
    const wide: number[] = [];
    const http: number[] = [];
    for (let i = 0; i < n; i++) {
      count.push(await timeBare(countQuery));
      statement.push(await timeBare(query));
      wide.push(await timeBare(query, bareWide));
      http.push((await province.json('GET', '/api/v1/statistics')).ms);
    }
    line('anchor: count of the cycle’s enrolments (bare)', summarize(count), `${sample.enrolled} rows`);
    line('anchor: roll-up statement (bare, serial)', summarize(statement), 'the statement GET /statistics sends, no parallel workers');
    line('anchor: roll-up statement (bare, 2 workers)', summarize(wide), 'as the app sends it across a province');
    line('GET /statistics, province (a row per city)', summarize(http), `${n} requests, interleaved with the anchors`);
  }

  if (steps.has('split')) {
    for (const split of statisticsSplits.filter((s) => s !== 'none')) {
      const query = rollupQuery(split);
      const bareTimes: number[] = [];
      for (let i = 0; i < Math.max(10, n / 5); i++) bareTimes.push(await timeBare(query));
      line(`anchor: roll-up by ${split} (bare)`, summarize(bareTimes), '');
      await measure(`GET /statistics, province by ${split}`, province, `/api/v1/statistics?split=${split}`, Math.max(10, n / 5));
    }
  }

  if (steps.has('drill')) {
    const city = await session(authorityLogin(sample.cityCode));
    const institution = await session(BENCH_INSTITUTION);
    const assessor = await session(BENCH_INSTITUTION, 'assessor');
    const m = Math.max(10, n / 5);
    await measure('GET /statistics, city (a row per district)', city, '/api/v1/statistics', m);
    await measure('GET /statistics, province → one city', province, `/api/v1/statistics?regionCode=${sample.cityCode}`, m);
    await measure('GET /statistics, province → a district (a row per institution)', province, `/api/v1/statistics?regionCode=${sample.districtCode}`, m);
    await measure('GET /statistics, province → the flagship (by 科室)', province, `/api/v1/statistics?institutionId=${sample.flagshipId}`, m);
    await measure('GET /statistics, institution (by 科室)', institution, '/api/v1/statistics', m);
    await measure('GET /statistics, assessor (400 institutions)', assessor, '/api/v1/statistics', m);
    await measure('GET /statistics/daily, institution', institution, '/api/v1/statistics/daily', m);
  }

  if (steps.has('daily')) {
    await measure('GET /statistics/daily, province', province, '/api/v1/statistics/daily', Math.max(10, n / 5), `${sample.auditEvents} audit events`);
  }

  if (steps.has('export')) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const { ms: took, value } = await province.drain('/api/v1/statistics/export?split=practiceCategory');
      times.push(took);
      bytes = value.bytes;
    }
    line('GET /statistics/export, province by 执业类别', summarize(times), `10 downloads of ${(bytes / 1024).toFixed(1)} kB`);
  }
} finally {
  for (const client of clients) client.close();
  await bare.end();
  await bareWide.end();
  if (server) await server.stop();
}

results.loadAfter = load();
console.log('');
printTable(table);
console.log(`load average before ${results.loadBefore}, after ${results.loadAfter}`);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
