// The 医师管理 benchmark, through HTTP against the real server started as a child process:
//   a. 医师列表: varied list requests as the flagship institution and as the provincial authority (p50/p95/max);
//   b. 批量参加 of the flagship's 5,000 未确认参加 by {filters};
//   c. 批量导入 of a 100k-row workbook (time, server peak RSS);
//   d. 导出 of ≥ 100k rows (time, server peak RSS);
//   d2. (step import-again, after import) the same file uploaded again: every row refused as 已存在.
//   e. (step enrol-imported, after import) 批量参加 of every 未确认参加 of the flagship, the imported rows included.
// The server is restarted before c and d so that each peak RSS is its own. Targets 127.0.0.1 only.
// Usage: the environment of bench/generate-province.ts (DATABASE_URL + keys, or DATA_DIR), then
//   npx tsx bench/roster.ts [--port 3456] [--requests 200] [--import-rows 100000] [--steps list,enrol,import,export] [--out file.json]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rosterListQuerySchema } from '../common/schemas/physician.js';
import { listRoster } from '../server/modules/physicians/roster.js';
import { bareRow, openBare, type Bare } from './lib/bare.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD, authorityLogin } from './lib/bench-accounts.js';
import { ApiClient } from './lib/http.js';
import { writeImportFile } from './lib/import-file.js';
import { insertAnchor } from './lib/insert-anchor.js';
import { authorityQueries, institutionQueries } from './lib/list-queries.js';
import { prepare } from './lib/prepare.js';
import { startServer, type BenchServer } from './lib/server.js';
import { latency, printTable, summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3456' },
    requests: { type: 'string', default: '200' },
    'import-rows': { type: 'string', default: '100000' },
    steps: { type: 'string', default: 'list,enrol,import,export' },
    out: { type: 'string' },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const port = Number(values.port);
const requests = Number(values.requests);
const importRows = Number(values['import-rows']);
const steps = new Set(values.steps!.split(','));
fs.mkdirSync(values.workdir!, { recursive: true });
const logFile = path.join(values.workdir!, 'server.log');
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const results: Record<string, unknown> = { database, date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };
const table: [string, string, string][] = [['step', 'result', 'detail']];
const ms = (n: number) => `${n.toFixed(1)} ms`;
// `as`: opened inside a function, so that the `finally` does not take it for always null.
let bare = null as Bare | null;
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

console.log(`preparing (${database})…`);
const sample = await prepare();
results.physiciansBefore = sample.physicians;
console.log(`${sample.physicians} physicians; flagship institution ${sample.flagshipId}`);

let server: BenchServer | null = null;
const clients: ApiClient[] = [];
async function session(account: string): Promise<ApiClient> {
  const client = new ApiClient(server!.baseUrl);
  clients.push(client);
  await client.login(account, BENCH_PASSWORD);
  return client;
}
async function restart(): Promise<void> {
  for (const client of clients.splice(0)) client.close();
  if (server) await server.stop();
  server = await startServer({}, port, logFile);
  console.log(`server pid ${server.pid} up, RSS ${server.rssMb().toFixed(0)} MB`);
}
type Page = { total: number; items: unknown[] };
const totalOf = async (client: ApiClient, query: string) => (await client.json<Page>('GET', `/api/v1/physicians?${query}&pageSize=10`)).value.total;

/** Times each query once, in order; every (ms, total, query) also goes to `<workdir>/list-<who>.tsv` for analysis. */
async function measureList(who: string, client: ApiClient, queries: string[]) {
  for (const query of queries.slice(0, 10)) await client.json('GET', `/api/v1/physicians?${query}`); // warm-up, not counted
  const times: number[] = [];
  const oneInstitution: number[] = [];
  const jurisdictionWide: number[] = [];
  let empty = 0;
  let slowest = { ms: 0, query: '' };
  const lines: string[] = [];
  for (const query of queries) {
    const { ms: took, value } = await client.json<Page>('GET', `/api/v1/physicians?${query}`);
    times.push(took);
    (query.includes('institutionId=') ? oneInstitution : jurisdictionWide).push(took);
    lines.push(`${took.toFixed(1)}\t${value.total}\t${value.items.length}\t${query}`);
    if (value.items.length === 0) empty++;
    if (took > slowest.ms) slowest = { ms: took, query };
  }
  fs.writeFileSync(path.join(values.workdir!, `list-${who}.tsv`), `${lines.join('\n')}\n`);
  return {
    ...summarize(times),
    emptyResults: empty,
    slowest: `${slowest.query} (${ms(slowest.ms)})`,
    // For the authority: requests narrowed to one institution, and jurisdiction-wide ones.
    withInstitutionId: oneInstitution.length ? summarize(oneInstitution) : null,
    withoutInstitutionId: summarize(jurisdictionWide),
  };
}

/** Runs one step; a failure is recorded in the table and the run goes on with the next step. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  if (!steps.has(name)) return;
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name} failed: ${message}`);
    results[name] = { error: message };
    table.push([name, 'FAILED', message.slice(0, 160)]);
  }
}

try {
  if (steps.has('list') || steps.has('enrol')) await restart();
  await step('list', async () => {
    const institution = await session(BENCH_INSTITUTION);
    const own = await measureList('institution', institution, institutionQueries(sample, requests));
    results.listInstitution = own;
    table.push(['list (institution, 6.2k roster)', latency(own), `${own.count} requests, ${own.emptyResults} empty`]);
    const authority = await session(authorityLogin(sample.provinceCode));
    const wide = await measureList('authority', authority, authorityQueries(sample, requests));
    results.listAuthority = wide;
    table.push(['list (provincial authority)', latency(wide), `${wide.count} requests, ${wide.emptyResults} empty`]);
    for (const [label, part] of [['  with institutionId', wide.withInstitutionId], ['  jurisdiction-wide', wide.withoutInstitutionId]] as const) {
      if (part) table.push([label, latency(part), `${part.count} requests`]);
    }
    console.log(`slowest institution request: ${own.slowest}\nslowest authority request: ${wide.slowest}`);
    // The same requests without HTTP (bench/lib/bare.ts), part by part, with the ratio of the p95s.
    bare = await openBare();
    const authorityList = authorityQueries(sample, requests);
    const parts = [
      ['institution', institution, institutionQueries(sample, requests), own],
      ['  with institutionId', authority, authorityList.filter((q) => q.includes('institutionId=')), wide.withInstitutionId],
      ['  jurisdiction-wide', authority, authorityList.filter((q) => !q.includes('institutionId=')), wide.withoutInstitutionId],
    ] as const;
    for (const [label, client, list, http] of parts) {
      if (!http || list.length === 0) continue;
      const alone = await bare.time(client, rosterListQuerySchema, listRoster, list);
      results[`list ${label.trim()}, bare`] = alone;
      table.push(bareRow(`${label} … bare (no HTTP)`, http, alone));
    }
  });

  await step('enrol', async () => {
    const institution = await session(BENCH_INSTITUTION);
    const before = await totalOf(institution, 'tab=unconfirmed');
    const { ms: took, value } = await institution.json<{ enrolled: number }>('POST', '/api/v1/physicians/enrol', { filters: { tab: 'unconfirmed' } });
    const after = await totalOf(institution, 'tab=unconfirmed');
    results.enrol = { ms: took, matched: before, enrolled: value.enrolled, unconfirmedAfter: after, peakRssMb: server!.peakRssMb() };
    table.push(['批量参加 by {filters}', s(took), `${value.enrolled} enrolled of ${before} matched; ${after} left`]);
  });

  const file = path.join(values.workdir!, `import-${importRows}.xlsx`);
  /** Uploads the import workbook as the flagship to a server just restarted, so that its peak RSS is the upload's own. */
  async function uploadImportFile() {
    await restart();
    const institution = await session(BENCH_INSTITUTION);
    const data = fs.readFileSync(file);
    const rssBefore = server!.peakRssMb();
    const answer = await institution.upload<{ imported: number; rejected: number; errors: { row: number; reason: string }[]; rejectedFile: string | null }>(
      '/api/v1/physicians/import',
      { field: 'file', filename: 'import.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data },
    );
    return { ...answer, bytes: data.length, rssBefore, peak: server!.peakRssMb() };
  }

  await step('import', async () => {
    if (!fs.existsSync(file)) {
      console.log(`writing ${file}…`);
      await writeImportFile(file, importRows, sample.flagshipDepartmentNames);
    }
    // The anchor first, in a process of its own: exceljs streaming the same file.
    const anchor = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib/read-sheet.ts'), file], { encoding: 'utf8' }).trim().split('\n').pop()!,
    ) as { ms: number; rows: number; peakRssMb: number };
    results.importAnchor = anchor;
    table.push(['anchor: exceljs streaming read of the file', `${s(anchor.ms)}, peak RSS ${anchor.peakRssMb.toFixed(0)} MB`, `${anchor.rows} rows, own process`]);
    // The other anchor: the database writing as many rows with nothing else (PostgreSQL only).
    const written = database === 'PostgreSQL' ? await insertAnchor(importRows) : null;
    if (written) {
      results.importDatabaseAnchor = written;
      table.push(['anchor: the database inserts as many rows', s(written.ms), `${written.rows} rows by INSERT … SELECT, rolled back; ${(written.ms / anchor.ms).toFixed(1)}× exceljs`]);
    }
    const { ms: took, value, bytes, rssBefore, peak } = await uploadImportFile();
    results.import = { ms: took, rows: importRows, fileBytes: bytes, imported: value.imported, rejected: value.rejected, firstErrors: value.errors?.slice(0, 5), peakRssMb: peak, peakRssBeforeMb: rssBefore };
    table.push([
      `import ${importRows} rows`,
      `${s(took)}, peak RSS ${peak.toFixed(0)} MB`,
      `${value.imported} imported, ${value.rejected} rejected; file ${(bytes / 1e6).toFixed(1)} MB; ${(took / anchor.ms).toFixed(1)}× exceljs` +
        (written ? `, ${(took / written.ms).toFixed(1)}× the database's insert` : ''),
    ]);
    if (value.rejected > 0) console.log('first import errors:', value.errors.slice(0, 5));
  });

  // The same file a second time (a clerk uploading it again): every row is refused as 已存在, and all of them come back
  // in the 导入失败数据 workbook — the import's largest answer.
  await step('import-again', async () => {
    const { ms: took, value, peak } = await uploadImportFile();
    const rejectedFileMb = value.rejectedFile ? (value.rejectedFile.length * 3) / 4 / 1e6 : 0;
    results.importAgain = { ms: took, rows: importRows, imported: value.imported, rejected: value.rejected, rejectedFileMb, peakRssMb: peak };
    table.push([`the same ${importRows} rows again`, `${s(took)}, peak RSS ${peak.toFixed(0)} MB`, `${value.imported} imported, ${value.rejected} rejected; 导入失败数据 ${rejectedFileMb.toFixed(1)} MB`]);
  });

  // The case: 批量参加 of tens of thousands just imported (e.g. --import-rows 50000 --steps import,enrol-imported).
  await step('enrol-imported', async () => {
    const institution = await session(BENCH_INSTITUTION);
    const before = await totalOf(institution, 'tab=unconfirmed');
    const { ms: took, value } = await institution.json<{ enrolled: number }>('POST', '/api/v1/physicians/enrol', { filters: { tab: 'unconfirmed' } });
    const after = await totalOf(institution, 'tab=unconfirmed');
    results.enrolImported = { ms: took, matched: before, enrolled: value.enrolled, unconfirmedAfter: after, peakRssMb: server!.peakRssMb() };
    table.push(['批量参加 after import', s(took), `${value.enrolled} enrolled of ${before} matched; ${after} left`]);
  });

  await step('export', async () => {
    await restart();
    const institution = await session(BENCH_INSTITUTION);
    const authority = await session(authorityLogin(sample.provinceCode));
    // The first scope that matches about 100k rows or more: the flagship after the import, else the province.
    const candidates: [string, ApiClient, string][] = [
      ['institution', institution, 'tab=unconfirmed'],
      ['authority', authority, 'tab=unconfirmed'],
      ['authority', authority, 'tab=confirmed'],
    ];
    let chosen: [string, ApiClient, string, number] | null = null;
    for (const [who, client, query] of candidates) {
      const total = await totalOf(client, query);
      if (total >= 95_000) {
        chosen = [who, client, query, total];
        break;
      }
    }
    if (!chosen) throw new Error('no scope matches 95k rows or more');
    const [who, client, query, total] = chosen;
    const rssBefore = server!.peakRssMb();
    const { ms: took, value } = await client.drain(`/api/v1/physicians/export?${query}`);
    const peak = server!.peakRssMb();
    results.export = { ms: took, who, query, rows: total, bytes: value.bytes, contentType: value.contentType, peakRssMb: peak, peakRssBeforeMb: rssBefore };
    table.push([`export (${who}, ${query})`, `${s(took)}, peak RSS ${peak.toFixed(0)} MB`, `${total} rows, ${(value.bytes / 1e6).toFixed(1)} MB`]);
  });
} finally {
  for (const client of clients) client.close();
  if (server) await (server as BenchServer).stop();
  await bare?.close();
}

console.log('');
printTable(table);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
