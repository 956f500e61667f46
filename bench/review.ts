// The 审核 benchmark, through HTTP against the real server started as a child process:
//   a. 一般程序审核 list pages of the flagship's 5,000 报名待审核 (p50/p95), as the reviewing clerk pages through them;
//   b. 批量审核 of all 5,000 in one request (time, server peak RSS), then a check that every one moved.
// Usage: the environment of bench/generate-province.ts (DATABASE_URL + keys, or DATA_DIR), then
//   npx tsx bench/review.ts [--port 3457] [--out file.json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reviewListQuerySchema, type ReviewList } from '../common/schemas/review.js';
import { listReviews } from '../server/modules/reviews/lists.js';
import { bareRow, openBare, type Bare } from './lib/bare.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD } from './lib/bench-accounts.js';
import { ApiClient } from './lib/http.js';
import { REVIEW_BATCH, prepareReview } from './lib/review-setup.js';
import { startServer } from './lib/server.js';
import { latency, printTable, summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3457' }, out: { type: 'string' }, workdir: { type: 'string', default: '/tmp/bench' } },
});
fs.mkdirSync(values.workdir!, { recursive: true });
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let bare: Bare | null = null;

console.log(`preparing (${database})…`);
const prepared = await prepareReview();
console.log(`flagship ${prepared.flagshipId}: ${prepared.submitted} 待医疗卫生机构审核`);

const server = await startServer({}, Number(values.port), path.join(values.workdir!, 'server-review.log'));
const client = new ApiClient(server.baseUrl);
const table: [string, string, string][] = [['step', 'result', 'detail']];
const results: Record<string, unknown> = { database, date: new Date().toISOString(), submitted: prepared.submitted };
try {
  await client.login(BENCH_INSTITUTION, BENCH_PASSWORD);
  const listUrl = (page: number) => `/api/v1/reviews?kind=standard&tab=pending&pendingKind=submitted&pageSize=100&page=${page}`;
  await client.json('GET', listUrl(1)); // warm-up, not counted
  const times: number[] = [];
  const items: { enrolmentId: number; version: number }[] = [];
  for (let page = 1; items.length < REVIEW_BATCH; page++) {
    const { ms: took, value } = await client.json<ReviewList>('GET', listUrl(page));
    times.push(took);
    if (value.items.length === 0) break;
    items.push(...value.items.map((i) => ({ enrolmentId: i.enrolmentId, version: i.version })));
  }
  const list = summarize(times);
  results.list = list;
  table.push(['一般程序审核 list, 100 per page', latency(list), `${list.count} pages, ${items.length} rows`]);
  // What the clerk sees: 10 per page, any page, sometimes narrowed by 姓名 or 执业类别.
  const clerk: number[] = [];
  const narrowings = ['', '&practiceCategory=clinical', `&name=${encodeURIComponent('王')}`, '&physicianLevel=assistant'];
  const clerkQueries = Array.from({ length: 200 }, (_, i) => `kind=standard&tab=pending&pageSize=10&page=${1 + ((i * 37) % 500)}${narrowings[i % narrowings.length]}`);
  for (const query of clerkQueries) clerk.push((await client.json<ReviewList>('GET', `/api/v1/reviews?${query}`)).ms);
  const view = summarize(clerk);
  results.clerkView = view;
  table.push(['一般程序审核 list, 10 per page (± 姓名 / 执业类别 / 医师级别)', latency(view), `${view.count} requests`]);
  // The same requests without HTTP (bench/lib/bare.ts).
  bare = await openBare();
  const pages = Array.from({ length: list.count }, (_, i) => listUrl(i + 1).split('?')[1]);
  for (const [label, queries, http] of [['100 per page', pages, list], ['10 per page', clerkQueries, view]] as const) {
    const alone = await bare.time(client, reviewListQuerySchema, listReviews, [...queries]);
    results[`${label}, bare`] = alone;
    table.push(bareRow(`  ${label} … bare (no HTTP)`, http, alone));
  }

  const chosen = items.slice(0, REVIEW_BATCH);
  const rssBefore = server.peakRssMb();
  const { ms: took, value } = await client.json<{ approved: number }>('POST', '/api/v1/reviews/batch-approve', { items: chosen });
  const left = (await client.json<ReviewList>('GET', listUrl(1))).value.total;
  results.batch = { ms: took, chosen: chosen.length, approved: value.approved, leftPending: left, peakRssMb: server.peakRssMb(), peakRssBeforeMb: rssBefore };
  table.push([`批量审核 ${chosen.length}`, `${(took / 1000).toFixed(2)} s, peak RSS ${server.peakRssMb().toFixed(0)} MB`, `${value.approved} approved, ${left} left pending`]);
} finally {
  client.close();
  await server.stop();
  await bare?.close();
}
console.log('');
printTable(table);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
