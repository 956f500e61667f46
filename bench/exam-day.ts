// Exam day on PostgreSQL, against the real server started as a child process:
//   1. start storm   — N physicians (default 2,000) press 开始考试 within 10 s; refused starts (429 queue, 503 shed)
//                      come back after Retry-After plus jitter, as the page does, until every one has started;
//   2. answering     — C examinees (default 500) save answers for D seconds (default 180), each pausing a random
//                      0.5–1.5 × T ms (default 2,000) between answers — 18 times the pace of 100 questions in 60
//                      minutes — then the same with no pause at all (the server's capacity): answer-save p50 / p99 and
//                      throughput, beside `pgbench -N` on the same database in the same run;
//   3. kill -9       — the answering again, with the server killed (SIGKILL) halfway and restarted: every answer the
//                      server acknowledged must be in the database afterwards (counted in SQL).
// It makes its own database (dropped at the end unless --keep) from the demo data plus N examinees of one institution
// in 待参加考核, with sessions written directly (logging 2,000 people in would measure argon2, not the exam).
// Usage: npx tsx bench/exam-day.ts [--examinees 2000] [--storm-seconds 10] [--concurrency 500] [--duration 180]
//        [--think-ms 2000] [--capacity-duration 30] [--kill-duration 60] [--port 3470] [--out file.json] [--keep]   (PostgreSQL at PGHOST, user postgres)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { seedDemo } from '../server/db/seed/demo.js';
import { openRuntime } from '../server/runtime.js';
import { seedExaminees } from './lib/examinees.js';
import { startServer, type BenchServer } from './lib/server.js';
import { percentile, printTable } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    examinees: { type: 'string', default: '2000' },
    'storm-seconds': { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '500' },
    duration: { type: 'string', default: '180' },
    'think-ms': { type: 'string', default: '2000' },
    'capacity-duration': { type: 'string', default: '30' },
    'kill-duration': { type: 'string', default: '60' },
    port: { type: 'string', default: '3470' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const EXAMINEES = Number(values.examinees);
const CONCURRENCY = Number(values.concurrency);
const THINK_MS = Number(values['think-ms']);
fs.mkdirSync(values.workdir!, { recursive: true });
const host = process.env.PGHOST ?? '127.0.0.1';
const dbName = `bench_exam_${Date.now()}`;
const url = `postgres://postgres@${host}:5432/${dbName}`;
const psql = (db: string, command: string) => execFileSync('psql', ['-h', host, '-U', 'postgres', '-d', db, '-tAc', command], { encoding: 'utf8' }).trim();
const loadavg = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

const keys = { ID_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'), ID_HMAC_KEY: crypto.randomBytes(32).toString('base64') };
const env = { DATABASE_URL: url, ...keys };

interface Examinee {
  cookie: string;
  csrf: string;
  attemptId?: number;
  questions?: number;
}

/** The demo province, then N physicians of DEMO0003 in 待参加考核 (一般程序) with a session each. */
async function setup(): Promise<Examinee[]> {
  psql('postgres', `create database ${dbName}`);
  Object.assign(process.env, env);
  const runtime = await openRuntime(loadConfig(process.env));
  try {
    await seedDemo(runtime.database.db, runtime.pii);
    examinees.push(...(await seedExaminees(runtime.database.db, runtime.pii, EXAMINEES)));
  } finally {
    await runtime.close();
  }
  return examinees;
}
const examinees: Examinee[] = [];

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 50 });
let baseUrl = '';

function post(path: string, body: unknown, who: Examinee): Promise<{ status: number; retryAfter: number; body: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const request = http.request(
      `${baseUrl}${path}`,
      { method: 'POST', agent, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json', 'content-length': payload.length } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 0), body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', () => resolve({ status: 0, retryAfter: 0, body: '' }));
      },
    );
    request.setTimeout(60_000, () => request.destroy());
    request.on('error', () => resolve({ status: 0, retryAfter: 0, body: '' }));
    request.end(payload);
  });
}

/** 1. Everyone presses 开始考试 within the storm window; refusals come back after Retry-After + up to 2 s. */
async function startStorm(stormSeconds: number) {
  const latencies: number[] = [];
  const counts = { admitted: 0, queued429: 0, shed503: 0, errors: 0 };
  const began = performance.now();
  await Promise.all(
    examinees.map(async (who, i) => {
      await sleep((i / examinees.length) * stormSeconds * 1000);
      for (;;) {
        const t0 = performance.now();
        const r = await post('/api/v1/exams/start', { paper: 'humanities' }, who);
        if (r.status === 200) {
          latencies.push(performance.now() - t0);
          who.attemptId = (JSON.parse(r.body) as { attemptId: number }).attemptId;
          counts.admitted++;
          return;
        }
        if (r.status === 429) counts.queued429++;
        else if (r.status === 503) counts.shed503++;
        else counts.errors++;
        await sleep(((r.retryAfter || 1) + Math.random() * 2) * 1000);
      }
    }),
  );
  const allStartedSeconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { examinees: examinees.length, stormSeconds, allStartedSeconds, ...counts, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

interface Acked {
  attemptId: number;
  position: number;
  seq: number;
}

/**
 * 2. / 3. `concurrency` examinees each saving one answer after another for `seconds`, pausing `thinkMs` (a random
 * 0.5–1.5 × of it) between answers; 0: no pause (a closed loop that measures capacity, where the latency is only the
 * queue of 500 requests always waiting).
 */
async function answering(seconds: number, thinkMs: number, kill?: { atMs: number; run: () => Promise<void> }) {
  const active = examinees.slice(0, CONCURRENCY);
  const latencies: number[] = [];
  const acked: Acked[] = [];
  const counts = { saved: 0, shed503: 0, refused: 0, connectionErrors: 0 };
  const seqs = new Map<number, number>();
  const began = performance.now();
  const end = began + seconds * 1000;
  const loop = async (who: Examinee) => {
    // Examinees do not all answer in step: each begins somewhere in its first pause.
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
    while (performance.now() < end) {
      const seq = (seqs.get(who.attemptId!) ?? 0) + 1;
      seqs.set(who.attemptId!, seq);
      const position = seq % who.questions!;
      const answer = 'ABCDE'[seq % 5];
      const t0 = performance.now();
      const r = await post(`/api/v1/exams/attempts/${who.attemptId}/answers`, { answers: [{ position, answer, seq }] }, who);
      if (r.status === 200) {
        latencies.push(performance.now() - t0);
        acked.push({ attemptId: who.attemptId!, position, seq });
        counts.saved++;
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
      } else if (r.status === 503) {
        counts.shed503++;
        await sleep(((r.retryAfter || 1) + Math.random()) * 1000);
      } else if (r.status === 0) {
        counts.connectionErrors++;
        await sleep(500 + Math.random() * 500);
      } else {
        counts.refused++;
        await sleep(1000);
      }
    }
  };
  const killer = kill ? sleep(kill.atMs).then(kill.run) : Promise.resolve();
  await Promise.all([...active.map(loop), killer]);
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds: elapsed, concurrency: active.length, ...counts, throughput: counts.saved / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), acked };
}

function pgbenchN(seconds: number, clients: number) {
  if (psql(dbName, "select to_regclass('pgbench_accounts') is not null") !== 't') execFileSync('pgbench', ['-h', host, '-U', 'postgres', '-i', '-s', '1', '-q', dbName], { stdio: 'ignore' });
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-'));
  const out = execFileSync('pgbench', ['-h', host, '-U', 'postgres', '-N', '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-l', '--log-prefix', path.join(logDir, 'l'), dbName], { encoding: 'utf8' });
  const latencies = fs
    .readdirSync(logDir)
    .flatMap((f) => fs.readFileSync(path.join(logDir, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => Number(line.split(' ')[2]) / 1000)
    .sort((a, b) => a - b);
  fs.rmSync(logDir, { recursive: true, force: true });
  return { clients, tps: Number(/tps = ([\d.]+)/.exec(out)?.[1]), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Acknowledged answers missing from the database (or older there than acknowledged). */
function lostAnswers(acked: Acked[]): { acknowledged: number; lost: number } {
  const newest = new Map<string, Acked>();
  for (const a of acked) {
    const key = `${a.attemptId}:${a.position}`;
    if ((newest.get(key)?.seq ?? 0) < a.seq) newest.set(key, a);
  }
  const file = path.join(values.workdir!, 'acked.csv');
  fs.writeFileSync(file, [...newest.values()].map((a) => `${a.attemptId},${a.position},${a.seq}`).join('\n') + '\n');
  psql(dbName, 'create table if not exists bench_acked (attempt_id int, position int, seq int); truncate bench_acked');
  execFileSync('psql', ['-h', host, '-U', 'postgres', '-d', dbName, '-c', `\\copy bench_acked from '${file}' csv`], { stdio: 'ignore' });
  const lost = Number(
    psql(dbName, 'select count(*) from bench_acked k left join exam_answers a on a.attempt_id = k.attempt_id and a.position = k.position where a.seq is null or a.seq < k.seq'),
  );
  return { acknowledged: newest.size, lost };
}

const fmt = (p50: number, p99: number) => `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`;
let server: BenchServer | null = null;
const serverEnv = { ...env };
const logFile = path.join(values.workdir!, 'server-exam-day.log');
const results: Record<string, unknown> = { date: new Date().toISOString(), loadavgBefore: loadavg() };
try {
  console.log(`setting up ${dbName}: demo data + ${EXAMINEES} examinees …`);
  await setup();
  server = await startServer(serverEnv, Number(values.port), logFile);
  baseUrl = server.baseUrl;

  const storm = await startStorm(Number(values['storm-seconds']));
  results.storm = { ...storm, loadavg: loadavg() };
  const counts = psql(dbName, "select count(*) || ',' || max(question_count) from exam_attempts where kind = 'exam'").split(',');
  for (const who of examinees) who.questions = Number(counts[1]);
  console.log(`\n1. start storm (load ${loadavg()}): ${storm.examinees} starts offered over ${storm.stormSeconds} s, all started after ${storm.allStartedSeconds.toFixed(1)} s;`);
  console.log(`   ${storm.admitted} admitted (${fmt(storm.p50, storm.p99)}), ${storm.queued429} told to queue (429), ${storm.shed503} shed (503), ${storm.errors} errors; ${counts[0]} attempts in the database`);

  const duration = Number(values.duration);
  const pgb = pgbenchN(Math.min(30, duration), 50);
  const answer = await answering(duration, THINK_MS);
  const capacity = await answering(Number(values['capacity-duration']), 0);
  const pgbAfter = pgbenchN(Math.min(30, duration), 50);
  const { acked, ...answerFigures } = answer;
  const { acked: capacityAcked, ...capacityFigures } = capacity;
  results.answering = { ...answerFigures, thinkMs: THINK_MS, loadavg: loadavg(), pgbenchBefore: pgb, pgbenchAfter: pgbAfter, ...lostAnswers(acked) };
  results.capacity = { ...capacityFigures, ...lostAnswers(capacityAcked) };
  console.log(`\n2. answering (load ${loadavg()}), ${answer.concurrency} examinees for ${duration} s, ${THINK_MS} ms between answers on average; then ${values['capacity-duration']} s without pauses:`);
  printTable([
    ['what', 'throughput', 'latency'],
    [`answer save (HTTP, one answer), ${THINK_MS} ms pauses`, `${answer.throughput.toFixed(0)} /s`, fmt(answer.p50, answer.p99)],
    ['answer save, no pauses (capacity)', `${capacity.throughput.toFixed(0)} /s`, fmt(capacity.p50, capacity.p99)],
    ['pgbench -N -c 50 (before)', `${pgb.tps.toFixed(0)} tps`, fmt(pgb.p50, pgb.p99)],
    ['pgbench -N -c 50 (after)', `${pgbAfter.tps.toFixed(0)} tps`, fmt(pgbAfter.p50, pgbAfter.p99)],
  ]);
  console.log(`   ${answer.saved} saved, ${answer.shed503} shed (503), ${answer.refused} refused, ${answer.connectionErrors} connection errors; lost ${(results.answering as { lost: number }).lost} of ${(results.answering as { acknowledged: number }).acknowledged} acknowledged`);
  console.log(`   capacity: ${capacity.saved} saved, ${capacity.shed503} shed (503), ${capacity.refused} refused, ${capacity.connectionErrors} connection errors`);

  const killSeconds = Number(values['kill-duration']);
  let restartedAfterMs = 0;
  const killed = await answering(killSeconds, THINK_MS, {
    atMs: (killSeconds * 1000) / 2,
    run: async () => {
    process.kill(server!.pid, 'SIGKILL');
    const t0 = performance.now();
    await sleep(200);
    server = await startServer(serverEnv, Number(values.port), logFile);
    restartedAfterMs = performance.now() - t0;
    },
  });
  const { acked: killedAcked, ...killedFigures } = killed;
  const loss = lostAnswers(killedAcked);
  results.kill = { ...killedFigures, restartedAfterMs, loadavg: loadavg(), ...loss };
  console.log(`\n3. kill -9 halfway through ${killSeconds} s of answering, restarted in ${(restartedAfterMs / 1000).toFixed(1)} s: ${killed.saved} acknowledged saves, ${killed.connectionErrors} connection errors while down;`);
  console.log(`   acknowledged answers lost: ${loss.lost} of ${loss.acknowledged} (counted in SQL)`);
} finally {
  await server?.stop().catch(() => undefined);
  agent.destroy();
  if (values.out) fs.writeFileSync(values.out, JSON.stringify(results, null, 2));
  if (!values.keep) psql('postgres', `drop database if exists ${dbName} with (force)`);
}
