// The 考核进度 benchmark, through HTTP against the real server started as a child process:
//   a. 考核进度 list pages as the flagship institution, as the flagship acting as 考核机构 (400 assigned institutions),
//      as a city authority and as the provincial authority (unfiltered, and with 考核状态 / 执业类别 / other filters);
//   b. 考核情况综合查询 for each of those scopes;
//   c. 导出 of the province's 考核完成 rows (time, rows, server peak RSS).
// Usage: the environment of bench/generate-province.ts (DATABASE_URL + keys, or DATA_DIR), then
//   npx tsx bench/progress.ts [--port 3457] [--requests 100] [--steps list,summary,export] [--out file.json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { physicianLevels, practiceCategories } from '../common/enums.js';
import { progressListQuerySchema, progressProcedures, progressSummaryQuerySchema, progressResults, progressStatuses } from '../common/schemas/assessment-progress.js';
import { exemptionStatuses } from '../common/schemas/registration.js';
import type { Actor } from '../server/auth/access.js';
import { listProgress, progressSummary } from '../server/modules/progress/service.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD, authorityLogin } from './lib/bench-accounts.js';
import { bareRow, openBare, type Bare, type BareDeps } from './lib/bare.js';
import { ApiClient } from './lib/http.js';
import { prepareProgress, type ProgressSample } from './lib/progress-setup.js';
import { startServer, type BenchServer } from './lib/server.js';
import { latency, printTable, summarize, type LatencySummary } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3457' },
    requests: { type: 'string', default: '100' },
    steps: { type: 'string', default: 'list,summary,export' },
    out: { type: 'string' },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const port = Number(values.port);
const requests = Number(values.requests);
const steps = new Set(values.steps!.split(','));
fs.mkdirSync(values.workdir!, { recursive: true });
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const results: Record<string, unknown> = { database, date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };
const table: [string, string, string][] = [['step', 'result', 'detail']];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A small seeded generator, so that every run sends the same requests. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

/** One page request: page 1 most of the time, sizes as the page offers them. */
function paging(random: ReturnType<typeof seeded>): string {
  const page = random.next() < 0.6 ? 1 : 2 + Math.floor(random.next() * 4);
  return `page=${page}&pageSize=${random.pick([10, 10, 20, 50, 100])}`;
}

/** About one filter per request, as people use the form. */
function filtered(sample: ProgressSample, random: ReturnType<typeof seeded>, withInstitution: boolean): string {
  const choices: (() => string)[] = [
    () => `status=${random.pick(progressStatuses)}`,
    () => `status=${random.pick(progressStatuses)}`,
    () => `practiceCategory=${random.pick(practiceCategories)}`,
    () => `procedure=${random.pick(progressProcedures)}`,
    () => `result=${random.pick(progressResults)}`,
    () => `exemptionStatus=${random.pick(exemptionStatuses)}`,
    () => `physicianLevel=${random.pick(physicianLevels)}`,
    () => `name=${encodeURIComponent(random.pick(sample.names))}`,
    () => `ageMin=${30 + Math.floor(random.next() * 10)}&ageMax=${45 + Math.floor(random.next() * 10)}`,
    () => `status=COMPLETED&result=${random.pick(['passed', 'failed'])}&practiceCategory=${random.pick(practiceCategories)}`,
  ];
  if (withInstitution) choices.push(() => `institutionId=${random.pick(sample.institutionIds)}`);
  return random.pick(choices)();
}

const queries = (count: number, make: (random: ReturnType<typeof seeded>) => string, seed: number) => {
  const random = seeded(seed);
  return Array.from({ length: count }, () => make(random));
};

type Page = { total: number; items: unknown[]; totalCapped: boolean };

/** Times each request once, in order, after 5 uncounted warm-ups; every request also goes to `<workdir>/progress-<label>.tsv`. */
async function measure(label: string, client: ApiClient, path: string, list: string[]): Promise<LatencySummary & { slowest: string }> {
  for (const query of list.slice(0, 5)) await client.json('GET', `${path}?${query}`);
  const times: number[] = [];
  const lines: string[] = [];
  let slowest = { ms: 0, query: '' };
  for (const query of list) {
    const { ms: took, value } = await client.json<Page & { total: number }>('GET', `${path}?${query}`);
    times.push(took);
    lines.push(`${took.toFixed(1)}\t${value.total}\t${value.items?.length ?? ''}\t${query}`);
    if (took > slowest.ms) slowest = { ms: took, query };
  }
  fs.writeFileSync(tsvFile(label), `${lines.join('\n')}\n`);
  const summary = { ...summarize(times), slowest: `${slowest.query} (${ms(slowest.ms)})` };
  results[label] = summary;
  table.push([label, latency(summary), `${summary.count} requests; slowest ${summary.slowest}`]);
  return summary;
}
/** A figure over HTTP, then the same requests bare (bench/lib/bare.ts), with the ratio of the two p95s. */
async function pair<Q>(label: string, client: ApiClient, path: string, list: string[], schema: z.ZodType<Q>, run: (deps: BareDeps, actor: Actor, query: Q) => Promise<unknown>) {
  const http = await measure(label, client, path, list);
  bare ??= await openBare();
  const alone = await bare.time(client, schema, run, list);
  results[`${label}, bare`] = alone;
  table.push(bareRow('  … bare (no HTTP)', http, alone));
}
const listPair = (label: string, client: ApiClient, path: string, list: string[]) => pair(label, client, path, list, progressListQuerySchema, listProgress);
const summaryPair = (label: string, client: ApiClient, path: string, list: string[]) => pair(label, client, path, list, progressSummaryQuerySchema, progressSummary);
// `as`: opened inside a function, so that the `finally` does not take it for always null.
let bare = null as Bare | null;
const tsvFile = (label: string) => path.join(values.workdir!, `progress-${label.replace(/[^\p{L}\p{N}-]+/gu, '_')}.tsv`);

console.log(`preparing (${database})…`);
const sample = await prepareProgress();
results.sample = { enrolled: sample.enrolled, assigned: sample.assigned, assignedEnrolled: sample.assignedEnrolled };
console.log(`${sample.enrolled} enrolled in the cycle; ${BENCH_INSTITUTION} assesses ${sample.assigned} institutions (${sample.assignedEnrolled} enrolled)`);

let server: BenchServer | null = null;
const clients: ApiClient[] = [];
async function session(account: string, role?: 'assessor'): Promise<ApiClient> {
  const client = new ApiClient(server!.baseUrl);
  clients.push(client);
  await client.login(account, BENCH_PASSWORD);
  if (role) await client.json('POST', '/api/v1/auth/switch-role', { role });
  return client;
}

try {
  server = await startServer({}, port, path.join(values.workdir!, 'server-progress.log'));
  console.log(`server pid ${server.pid} up`);
  const institution = await session(BENCH_INSTITUTION);
  const assessor = await session(BENCH_INSTITUTION, 'assessor');
  const city = await session(authorityLogin(sample.cityCode));
  const province = await session(authorityLogin(sample.provinceCode));
  const n = requests;

  if (steps.has('list')) {
    await listPair('list institution (1.2k enrolled)', institution, '/api/v1/progress', queries(n, (r) => `${r.next() < 0.2 ? '' : `${filtered(sample, r, false)}&`}${paging(r)}`, 1));
    await listPair(`list assessor (${sample.assigned} institutions)`, assessor, '/api/v1/progress', queries(n, (r) => `${r.next() < 0.2 ? '' : `${filtered(sample, r, false)}&`}${paging(r)}`, 2));
    await listPair('list city authority', city, '/api/v1/progress', queries(n, (r) => `${r.next() < 0.2 ? '' : `${filtered(sample, r, false)}&`}${paging(r)}`, 3));
    await listPair('list province, unfiltered', province, '/api/v1/progress', queries(n, (r) => paging(r), 4));
    await listPair('list province, 考核状态', province, '/api/v1/progress', queries(n, (r) => `status=${r.pick(progressStatuses)}&${paging(r)}`, 5));
    await listPair('list province, 执业类别', province, '/api/v1/progress', queries(n, (r) => `practiceCategory=${r.pick(practiceCategories)}&${paging(r)}`, 6));
    await listPair('list province, other filters', province, '/api/v1/progress', queries(n, (r) => `${filtered(sample, r, true)}&${paging(r)}`, 7));
  }

  if (steps.has('summary')) {
    const times = Math.max(10, Math.floor(n / 5));
    const repeat = (query: string) => Array.from({ length: times }, () => query);
    await summaryPair('summary institution', institution, '/api/v1/progress/summary', repeat(''));
    await summaryPair('summary assessor', assessor, '/api/v1/progress/summary', repeat(''));
    await summaryPair('summary city authority', city, '/api/v1/progress/summary', repeat(''));
    await summaryPair('summary province', province, '/api/v1/progress/summary', repeat(''));
    await summaryPair('summary province, one 机构', province, '/api/v1/progress/summary', queries(times, (r) => `institutionId=${r.pick(sample.institutionIds)}`, 8));
  }

  if (steps.has('export')) {
    const query = 'status=COMPLETED';
    const { value } = await province.json<Page>('GET', `/api/v1/progress/summary`);
    const completed = (value as unknown as { byStatus: { status: string; count: number }[] }).byStatus.find((s) => s.status === 'COMPLETED')?.count ?? 0;
    const before = server.peakRssMb();
    const { ms: took, value: drained } = await province.drain(`/api/v1/progress/export?${query}`);
    const peak = server.peakRssMb();
    results.export = { ms: took, query, rows: completed, bytes: drained.bytes, peakRssMb: peak, peakRssBeforeMb: before };
    table.push([`export province ${query}`, `${(took / 1000).toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB`, `${completed} rows, ${(drained.bytes / 1e6).toFixed(1)} MB`]);
  }
} finally {
  for (const client of clients) client.close();
  if (server) await server.stop();
  await bare?.close();
}

console.log('');
printTable(table);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
