// The 测评进度 benchmark, through HTTP against the real server started as a child process, next to a bare-SQL anchor:
//   a. 测评进度 list pages as the flagship institution, as the flagship acting as 考核机构 (400 assigned institutions),
//      as a city authority and as the provincial authority (unfiltered, by 测评状态, by other filters);
//   b. for each of those, the same requests' statements replayed bare on PostgreSQL (captured from the service
//      in this process, then sent through `pg` with no HTTP, session or serialisation: what the database costs);
//   c. 查看 of one paper's attempts;
//   d. 导出 of the province's 一般程序 rows that are 已完成 (time, rows, server peak RSS);
//   and, before and after, one plain scan of the cycle's enrolments: how busy the shared machine was.
// Usage: the environment of bench/generate-province.ts on PostgreSQL (DATABASE_URL + keys), then
//   npx tsx bench/exam-progress.ts [--port 3573] [--requests 100] [--steps list,record,export] [--out file.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { physicianLevels, practiceCategories } from '../common/enums.js';
import { paperKinds, procedures } from '../common/papers.js';
import { examProgressListQuerySchema, examProgressOutcomes, examProgressStates } from '../common/schemas/exam-progress.js';
import { examStages } from '../common/schemas/exams.js';
import type { Actor } from '../server/auth/access.js';
import { loadConfig } from '../server/config.js';
import { listExamProgress } from '../server/modules/exam-progress/service.js';
import { openRuntime } from '../server/runtime.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD, authorityLogin } from './lib/bench-accounts.js';
import { prepareExamProgress, type ExamProgressSample } from './lib/exam-progress-setup.js';
import { ApiClient } from './lib/http.js';
import { startServer, type BenchServer } from './lib/server.js';
import { latency, printTable, summarize, type LatencySummary } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3573' },
    requests: { type: 'string', default: '100' },
    steps: { type: 'string', default: 'list,record,export' },
    out: { type: 'string' },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
if (!process.env.DATABASE_URL) throw new Error('the bare-SQL anchor needs PostgreSQL: set DATABASE_URL');
const port = Number(values.port);
const requests = Number(values.requests);
const steps = new Set(values.steps!.split(','));
fs.mkdirSync(values.workdir!, { recursive: true });
const results: Record<string, unknown> = { database: 'PostgreSQL', date: new Date().toISOString(), cpus: os.cpus().length, loadBefore: os.loadavg()[0] };
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
type Random = ReturnType<typeof seeded>;

function paging(random: Random): string {
  const page = random.next() < 0.6 ? 1 : 2 + Math.floor(random.next() * 4);
  return `page=${page}&pageSize=${random.pick([10, 10, 20, 50, 100])}`;
}

/** Both tabs; about one filter per request, as people use the form. */
function filtered(sample: ExamProgressSample, random: Random, withInstitution: boolean): string {
  const choices: (() => string)[] = [
    () => `state=${random.pick(examProgressStates)}`,
    () => `state=${random.pick(examProgressStates)}`,
    () => `outcome=${random.pick(examProgressOutcomes)}`,
    () => `paper=${random.pick(paperKinds)}`,
    () => `stage=${random.pick(examStages)}`,
    () => `practiceCategory=${random.pick(practiceCategories)}`,
    () => `physicianLevel=${random.pick(physicianLevels)}`,
    () => `name=${encodeURIComponent(random.pick(sample.names))}`,
    () => `state=submitted&outcome=${random.pick(['passed', 'failed'])}&paper=${random.pick(paperKinds)}`,
  ];
  if (withInstitution) choices.push(() => `institutionId=${random.pick(sample.institutionIds)}`);
  return `procedure=${random.next() < 0.7 ? 'standard' : 'simplified'}&${random.pick(choices)()}`;
}
const tab = (random: Random) => `procedure=${random.pick(procedures)}`;

const queries = (count: number, make: (random: Random) => string, seed: number) => {
  const random = seeded(seed);
  return Array.from({ length: count }, () => make(random));
};

console.log('preparing…');
const sample = await prepareExamProgress();
results.sample = { enrolled: sample.enrolled, assigned: sample.assigned, assignedEnrolled: sample.assignedEnrolled, attempts: sample.attempts, rows: sample.rows };
console.log(`${sample.enrolled} enrolled; ${sample.attempts} exam attempts; 测评进度 rows: 一般程序 ${sample.rows.standard}, 简易程序 ${sample.rows.simplified}`);

// The anchor: the service in this process, its statements captured and replayed bare through `pg`.
const runtime = await openRuntime(loadConfig());
const appPool = (runtime.database.db as unknown as { $client: pg.Pool }).$client;
const captured: { text: string; values: unknown[] }[] = [];
const originalQuery = appPool.query.bind(appPool) as (...args: unknown[]) => Promise<unknown>;
(appPool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
  const [first, second] = args;
  if (typeof first === 'string') captured.push({ text: first, values: (second as unknown[]) ?? [] });
  else if (first && typeof first === 'object' && 'text' in first) captured.push({ text: String((first as { text: string }).text), values: (first as { values?: unknown[] }).values ?? (second as unknown[]) ?? [] });
  return originalQuery(...args);
};
const barePool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, options: '-c max_parallel_workers_per_gather=0' });
const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await runtime.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const [flagship] = await rowsOf<{ region_code: string }>(sql`select region_code from institutions where id = ${sample.flagshipId}`);
const authorityId = async (code: string) => Number((await rowsOf<{ id: number }>(sql`select id from authorities where region_code = ${code}`))[0].id);
const actors: Record<string, Actor> = {
  institution: { accountId: 0, kind: 'institution', role: 'institution', orgId: sample.flagshipId, regionCode: flagship.region_code, provinceCode: sample.provinceCode },
  assessor: { accountId: 0, kind: 'institution', role: 'assessor', orgId: sample.flagshipId, regionCode: flagship.region_code, provinceCode: sample.provinceCode },
  city: { accountId: 0, kind: 'authority', role: 'authority', orgId: await authorityId(sample.cityCode), regionCode: sample.cityCode, provinceCode: sample.provinceCode },
  province: { accountId: 0, kind: 'authority', role: 'authority', orgId: await authorityId(sample.provinceCode), regionCode: sample.provinceCode, provinceCode: sample.provinceCode },
};

/** The list's own statements (page and count: the two that read `exam_attempts`), sent bare and side by side as the service sends them. */
async function statementsOf(actor: Actor, query: string) {
  const parsed = examProgressListQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
  captured.length = 0;
  await listExamProgress({ db: runtime.database.db, pii: runtime.pii }, actor, parsed);
  return captured.filter((s) => s.text.includes('exam_attempts'));
}

async function bare(label: string, actor: Actor, list: string[]): Promise<LatencySummary> {
  const statements = [];
  for (const query of list) statements.push(await statementsOf(actor, query));
  for (const s of statements.slice(0, 5)) await Promise.all(s.map((q) => barePool.query(q.text, q.values)));
  const times: number[] = [];
  for (const s of statements) {
    const start = performance.now();
    await Promise.all(s.map((q) => barePool.query(q.text, q.values)));
    times.push(performance.now() - start);
  }
  const summary = summarize(times);
  results[`${label} (bare SQL)`] = summary;
  table.push([`  bare SQL, same statements`, latency(summary), `${summary.count} × (page ‖ count)`]);
  return summary;
}

type Page = { total: number; items: unknown[]; totalCapped: boolean };

/** Times each request once, in order, after 5 uncounted warm-ups; every request also goes to `<workdir>/exam-progress-<label>.tsv`. */
async function measure(label: string, client: ApiClient, urlPath: string, list: string[]): Promise<LatencySummary> {
  for (const query of list.slice(0, 5)) await client.json('GET', `${urlPath}?${query}`);
  const times: number[] = [];
  const lines: string[] = [];
  let slowest = { ms: 0, query: '' };
  for (const query of list) {
    const { ms: took, value } = await client.json<Page>('GET', `${urlPath}?${query}`);
    times.push(took);
    lines.push(`${took.toFixed(1)}\t${value.total ?? ''}\t${value.items?.length ?? ''}\t${query}`);
    if (took > slowest.ms) slowest = { ms: took, query };
  }
  fs.writeFileSync(path.join(values.workdir!, `exam-progress-${label.replace(/[^\p{L}\p{N}-]+/gu, '_')}.tsv`), `${lines.join('\n')}\n`);
  const summary = summarize(times);
  results[label] = { ...summary, slowest: `${slowest.query} (${ms(slowest.ms)})` };
  table.push([label, latency(summary), `${summary.count} requests; slowest ${slowest.query} (${ms(slowest.ms)})`]);
  return summary;
}

/** How busy the machine is: one plain scan of the cycle's enrolments (a count), timed 10 times. */
async function machineAnchor(label: string) {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await barePool.query('select count(*) from enrolments where cycle_id = $1 and status <> $2', [sample.cycleId, 'NOT_ENROLLED']);
    times.push(performance.now() - start);
  }
  const summary = summarize(times);
  results[label] = { ...summary, load: os.loadavg()[0] };
  table.push([label, `p50 ${ms(summary.p50)} max ${ms(summary.max)}`, `count(*) of the cycle's ${sample.enrolled} enrolments (seq scan), load average ${os.loadavg()[0].toFixed(1)}`]);
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

try {
  server = await startServer({}, port, path.join(values.workdir!, 'server-exam-progress.log'));
  console.log(`server pid ${server.pid} up`);
  const institution = await session(BENCH_INSTITUTION);
  const assessor = await session(BENCH_INSTITUTION, 'assessor');
  const city = await session(authorityLogin(sample.cityCode));
  const province = await session(authorityLogin(sample.provinceCode));
  const n = requests;
  const url = '/api/v1/exam-progress';
  await machineAnchor('anchor before');

  if (steps.has('list')) {
    const cases: [string, ApiClient, Actor, string[]][] = [
      ['list institution', institution, actors.institution, queries(n, (r) => `${r.next() < 0.2 ? tab(r) : filtered(sample, r, false)}&${paging(r)}`, 11)],
      [`list assessor (${sample.assigned} institutions)`, assessor, actors.assessor, queries(n, (r) => `${r.next() < 0.2 ? tab(r) : filtered(sample, r, false)}&${paging(r)}`, 12)],
      ['list city authority', city, actors.city, queries(n, (r) => `${r.next() < 0.2 ? tab(r) : filtered(sample, r, false)}&${paging(r)}`, 13)],
      ['list province, unfiltered', province, actors.province, queries(n, (r) => `${tab(r)}&${paging(r)}`, 14)],
      ['list province, 测评状态', province, actors.province, queries(n, (r) => `${tab(r)}&state=${r.pick(examProgressStates)}&${paging(r)}`, 15)],
      ['list province, other filters', province, actors.province, queries(n, (r) => `${filtered(sample, r, true)}&${paging(r)}`, 16)],
    ];
    for (const [label, client, actor, list] of cases) {
      await measure(label, client, url, list);
      await bare(label, actor, list);
    }
  }

  if (steps.has('record')) {
    const { value } = await institution.json<{ items: { enrolmentId: number; paper: string }[] }>('GET', `${url}?state=submitted&pageSize=100`);
    const list = Array.from({ length: Math.max(20, Math.floor(n / 2)) }, (_, i) => value.items[i % value.items.length]);
    const times: number[] = [];
    for (const item of list) times.push((await institution.json('GET', `${url}/enrolments/${item.enrolmentId}/papers/${item.paper}`)).ms);
    const summary = summarize(times);
    results.record = summary;
    table.push(['查看 (institution)', latency(summary), `${summary.count} requests`]);
  }

  if (steps.has('export')) {
    const query = 'procedure=standard&state=submitted';
    const { value } = await province.json<Page>('GET', `${url}?${query}&pageSize=10`);
    const before = server.peakRssMb();
    const { ms: took, value: drained } = await province.drain(`${url}/export?${query}`);
    const peak = server.peakRssMb();
    const [{ n: rows }] = await rowsOf<{ n: number }>(sql`select count(*)::int n from exam_attempts a join enrolments e on e.id = a.enrolment_id
      where a.kind = 'exam' and e.cycle_id = ${sample.cycleId} and e.procedure = 'standard' and a.status = 'submitted'
        and (a.stage = 'retake' or not exists (select 1 from exam_attempts b where b.enrolment_id = a.enrolment_id and b.paper = a.paper and b.kind = 'exam' and b.stage = 'retake'))`);
    results.export = { ms: took, query, rows, listTotal: value.total, bytes: drained.bytes, peakRssMb: peak, peakRssBeforeMb: before };
    table.push([`export province ${query}`, `${(took / 1000).toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB`, `about ${rows} rows, ${(drained.bytes / 1e6).toFixed(1)} MB`]);
  }
  await machineAnchor('anchor after');
} finally {
  for (const client of clients) client.close();
  if (server) await server.stop();
  await barePool.end();
  await runtime.close();
}

results.loadAfter = os.loadavg()[0];
console.log('');
printTable(table);
console.log(`load average ${Number(results.loadBefore).toFixed(1)} → ${Number(results.loadAfter).toFixed(1)}`);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
