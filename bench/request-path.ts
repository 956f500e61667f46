// The cost of one authenticated request, under load: autocannon -c 50 against GET /api/v1/auth/me with a session,
// beside its anchors measured in the same run, one after the other:
//   pgbench -S        the machine and PostgreSQL (select-only TPS, same client count);
//   bare SQL          the session lookup's one statement, sent through `pg` by 50 loops over a pool of 10 (the app's),
//                     unnamed (planned on every call) and named (prepared once per connection, as the app sends it);
//   /api/health       the same server with one `select 1` and no session.
// Usage: the environment of bench/generate-province.ts (DATABASE_URL + keys; PostgreSQL only), then
//   npx tsx bench/request-path.ts [--port 3458] [--duration 10] [--connections 50] [--runs 2] [--out file.json]
// pgbench's tables (scale 1) are created in the same database when missing (`pgbench_*`; the app never reads them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { SESSION_STATEMENT_NAME, hashToken, sessionAccountQuery } from '../server/auth/sessions.js';
import { loadConfig } from '../server/config.js';
import { BENCH_INSTITUTION, BENCH_PASSWORD } from './lib/bench-accounts.js';
import { startServer } from './lib/server.js';
import { percentile, printTable } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3458' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '2' },
    out: { type: 'string' },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('request-path.ts measures PostgreSQL: set DATABASE_URL');
fs.mkdirSync(values.workdir!, { recursive: true });
const duration = Number(values.duration);
const connections = Number(values.connections);

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const pgArgs = () => {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
};

function pgbench(): Figure {
  const hasTables = execFileSync('psql', ['-tAc', "select to_regclass('pgbench_accounts') is not null", ...pgArgs()], { encoding: 'utf8' }).trim() === 't';
  if (!hasTables) execFileSync('pgbench', ['-i', '-s', '1', '-q', ...pgArgs()], { stdio: 'ignore' });
  const latencyLog = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-'));
  const out = execFileSync('pgbench', ['-S', '-n', '-c', String(connections), '-j', '2', '-T', String(duration), '-l', '--log-prefix', path.join(latencyLog, 'l'), ...pgArgs()], {
    encoding: 'utf8',
  });
  // Per-transaction log lines: client, tx, latency µs, …
  const latencies = fs
    .readdirSync(latencyLog)
    .flatMap((f) => fs.readFileSync(path.join(latencyLog, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => Number(line.split(' ')[2]) / 1000)
    .sort((a, b) => a - b);
  fs.rmSync(latencyLog, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  return { rps: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors: 0 };
}

/**
 * The session lookup's statement, `connections` loops over a pool of 10, for `duration` s: named (prepared once per
 * connection, as the app sends it) or unnamed (parsed and planned on every call, as the app sent it before).
 */
async function bareSql(token: string, named: boolean): Promise<Figure> {
  const config = loadConfig(process.env);
  const query = new PgDialect().sqlToQuery(
    sessionAccountQuery(hashToken(token), { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }),
  );
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + duration * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        await pool.query({ ...(named ? { name: SESSION_STATEMENT_NAME } : {}), text: query.sql, values: query.params as unknown[] });
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function cannon(target: string, cookie?: string): Promise<Figure> {
  const result = await autocannon({ url: target, connections, duration, headers: cookie ? { cookie } : {} });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const server = await startServer({}, Number(values.port), path.join(values.workdir!, 'server-request-path.log'));
const results: Record<string, unknown>[] = [];
try {
  // A server just started on a busy machine may answer 503 (its event-loop check) for a few seconds.
  let login: Response;
  for (let attempt = 1; ; attempt++) {
    login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tab: 'organization', account: BENCH_INSTITUTION, password: BENCH_PASSWORD, captcha: '' }),
    });
    if (login.status !== 503 || attempt === 10) break;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const cookie = cookies.join('; ');
  const token = cookies.find((c) => c.startsWith('sid='))!.slice(4);
  // Warm-up: JIT, the pool's connections.
  await autocannon({ url: `${server.baseUrl}/api/v1/auth/me`, connections, duration: 2, headers: { cookie } });

  for (let run = 1; run <= Number(values.runs); run++) {
    const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    const row: Record<string, unknown> = { run, date: new Date().toISOString(), loadavg: load };
    row.pgbench = pgbench();
    row.bareSqlUnnamed = await bareSql(token, false);
    row.bareSql = await bareSql(token, true);
    row.health = await cannon(`${server.baseUrl}/api/health`);
    row.me = await cannon(`${server.baseUrl}/api/v1/auth/me`, cookie);
    row.loadavgAfter = os.loadavg().map((n) => n.toFixed(2)).join(' ');
    results.push(row);
    const fmt = (f: Figure) => `${Math.round(f.rps)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.errors ? `, ${f.errors} errors` : ''}`;
    const me = row.me as Figure;
    console.log(`\nrun ${run} (load average ${load} → ${row.loadavgAfter}), -c ${connections}, ${duration} s each`);
    printTable([
      ['what', 'throughput and latency', 'GET /auth/me as a share'],
      ['pgbench -S', fmt(row.pgbench as Figure), (me.rps / (row.pgbench as Figure).rps).toFixed(2)],
      ['session statement, bare, unnamed', fmt(row.bareSqlUnnamed as Figure), (me.rps / (row.bareSqlUnnamed as Figure).rps).toFixed(2)],
      ['session statement, bare, named', fmt(row.bareSql as Figure), (me.rps / (row.bareSql as Figure).rps).toFixed(2)],
      ['GET /api/health', fmt(row.health as Figure), (me.rps / (row.health as Figure).rps).toFixed(2)],
      ['GET /api/v1/auth/me (session)', fmt(me), ''],
    ]);
  }
} finally {
  await server.stop();
}
if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
