// 监考 face similarity:
//   1. per snapshot   — the model on its worker thread (one core): ms per snapshot (reference descriptor cached, as the
//                       worker keeps it per photo), over the test photos (same person, another, no face, several);
//   2. under load     — on PostgreSQL against the real server: C examinees (default 500) save answers in a closed loop
//                       for D seconds (default 60) with the worker idle, then again while snapshots arrive (uploaded
//                       through the API at --upload-rate per second) and the server's worker scores them; answer-save
//                       p50 / p99 both times, and snapshots scored per minute (counted in SQL).
// Usage: npx tsx bench/proctoring.ts [--samples 30] [--concurrency 500] [--duration 60] [--upload-rate 20]
//        [--port 3471] [--only-model] [--keep]   (PostgreSQL at PGHOST, user postgres)
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
import { faceComparer } from '../server/modules/proctoring/face.js';
import { openRuntime } from '../server/runtime.js';
import { faceFixtures } from '../server/test-support/face-fixtures.js';
import { seedExaminees, type BenchExaminee } from './lib/examinees.js';
import { startServer, type BenchServer } from './lib/server.js';
import { percentile, printTable } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '500' },
    duration: { type: 'string', default: '60' },
    'upload-rate': { type: 'string', default: '20' },
    port: { type: 'string', default: '3471' },
    'only-model': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    workdir: { type: 'string', default: '/tmp/bench' },
  },
});
const faces = faceFixtures();
const loadavg = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const fmt = (p50: number, p99: number) => `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`;

async function perSnapshot(samples: number) {
  const comparer = faceComparer();
  try {
    const t0 = performance.now();
    await comparer.compare({ referenceKey: 'ref', reference: faces.reference, snapshot: faces.samePerson });
    const firstMs = performance.now() - t0;
    const photos = [faces.samePerson, faces.otherPerson, faces.noFace, faces.severalFaces];
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) ms.push((await comparer.compare({ referenceKey: 'ref', reference: faces.reference, snapshot: photos[i % photos.length] })).ms);
    const uncached = (await comparer.compare({ referenceKey: 'other-ref', reference: faces.reference, snapshot: faces.samePerson })).ms;
    ms.sort((a, b) => a - b);
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    return { firstMs, samples, p50: percentile(ms, 50), p95: percentile(ms, 95), mean, perMinute: 60_000 / mean, uncachedReferenceMs: uncached };
  } finally {
    await comparer.close();
  }
}

console.log(`1. similarity per snapshot (one worker thread), load ${loadavg()}`);
const model = await perSnapshot(Number(values.samples));
printTable([
  ['what', 'figure', ''],
  ['first comparison (model load + warm-up)', `${model.firstMs.toFixed(0)} ms`, ''],
  [`per snapshot, ${model.samples} samples`, `p50 ${model.p50} ms, p95 ${model.p95} ms`, `≈ ${model.perMinute.toFixed(0)} / min on one core`],
  ['a snapshot with a new reference photo', `${model.uncachedReferenceMs} ms`, 'both photos described'],
]);
if (values['only-model']) process.exit(0);

const CONCURRENCY = Number(values.concurrency);
const DURATION = Number(values.duration);
const UPLOAD_RATE = Number(values['upload-rate']);
fs.mkdirSync(values.workdir!, { recursive: true });
const host = process.env.PGHOST ?? '127.0.0.1';
const dbName = `bench_proctoring_${Date.now()}`;
const url = `postgres://postgres@${host}:5432/${dbName}`;
const psql = (db: string, command: string) => execFileSync('psql', ['-h', host, '-U', 'postgres', '-d', db, '-tAc', command], { encoding: 'utf8' }).trim();
const filesDir = fs.mkdtempSync(path.join(values.workdir!, 'files-'));
const env = { DATABASE_URL: url, FILES_DIR: filesDir, ID_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'), ID_HMAC_KEY: crypto.randomBytes(32).toString('base64') };

interface Examinee extends BenchExaminee {
  attemptId?: number;
}
let examinees: Examinee[] = [];

/** Demo data, C examinees each with their own registration photo (a file of the reference), 监考 on. */
async function setup() {
  psql('postgres', `create database ${dbName}`);
  Object.assign(process.env, env);
  const runtime = await openRuntime(loadConfig(process.env));
  try {
    const { db } = runtime.database;
    await seedDemo(db, runtime.pii);
    examinees = await seedExaminees(db, runtime.pii, CONCURRENCY);
    const ids = examinees.map(() => crypto.randomUUID());
    await Promise.all(ids.map((id) => runtime.storage.put(`physicianPhoto/${id}`, faces.reference)));
    await db.execute(sql`
      with photos as (select unnest(${`{${ids.join(',')}}`}::uuid[]) as id, unnest(${`{${examinees.map((e) => e.physicianId).join(',')}}`}::int[]) as physician_id),
      stored as (
        insert into files (id, owner_type, owner_id, original_name, mime_type, size, storage_key)
        select id, 'physicianPhoto', physician_id, '照片.jpg', 'image/jpeg', ${faces.reference.length}, 'physicianPhoto/' || id from photos returning id, owner_id)
      update physicians p set photo_file_id = stored.id from stored where p.id = stored.owner_id`);
    await db.execute(sql`update policies set proctoring_enabled = true`);
    await db.execute(sql`insert into policies (province_code, proctoring_enabled) values ('990000', true) on conflict (province_code) do update set proctoring_enabled = true`);
  } finally {
    await runtime.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 50 });
let baseUrl = '';

function send(method: string, urlPath: string, who: Examinee, body: Buffer, contentType: string): Promise<{ status: number; retryAfter: number; body: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      `${baseUrl}${urlPath}`,
      { method, agent, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': contentType, 'content-length': body.length } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 0), body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', () => resolve({ status: 0, retryAfter: 0, body: '' }));
      },
    );
    request.setTimeout(60_000, () => request.destroy());
    request.on('error', () => resolve({ status: 0, retryAfter: 0, body: '' }));
    request.end(body);
  });
}
const postJson = (urlPath: string, body: unknown, who: Examinee) => send('POST', urlPath, who, Buffer.from(JSON.stringify(body)), 'application/json');

async function startAll() {
  await Promise.all(
    examinees.map(async (who) => {
      for (;;) {
        const r = await postJson('/api/v1/exams/start', { paper: 'humanities', proctoringConsent: true }, who);
        if (r.status === 200) return void (who.attemptId = (JSON.parse(r.body) as { attemptId: number }).attemptId);
        await sleep(((r.retryAfter || 1) + Math.random() * 2) * 1000);
      }
    }),
  );
}

const boundary = 'benchboundary';
const snapshotBody = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="snapshot.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
  faces.otherPerson,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

async function answering(seconds: number, uploadRate: number) {
  const latencies: number[] = [];
  const counts = { saved: 0, other: 0, uploads: 0, uploadsRefused: 0 };
  const seqs = new Map<number, number>();
  const end = performance.now() + seconds * 1000;
  const loop = async (who: Examinee) => {
    while (performance.now() < end) {
      const seq = (seqs.get(who.attemptId!) ?? 0) + 1;
      seqs.set(who.attemptId!, seq);
      const t0 = performance.now();
      const r = await postJson(`/api/v1/exams/attempts/${who.attemptId}/answers`, { answers: [{ position: seq % 50, answer: 'ABCDE'[seq % 5], seq }] }, who);
      if (r.status === 200) {
        latencies.push(performance.now() - t0);
        counts.saved++;
      } else {
        counts.other++;
        await sleep(((r.retryAfter || 1) + Math.random()) * 1000);
      }
    }
  };
  const uploader = async () => {
    if (uploadRate <= 0) return;
    let i = 0;
    while (performance.now() < end) {
      const who = examinees[i++ % examinees.length];
      void send('POST', `/api/v1/proctoring/attempts/${who.attemptId}/snapshots?trigger=random&takenAt=${encodeURIComponent(new Date().toISOString())}`, who, snapshotBody, `multipart/form-data; boundary=${boundary}`).then((r) => {
        if (r.status === 201) counts.uploads++;
        else counts.uploadsRefused++;
      });
      await sleep(1000 / uploadRate);
    }
  };
  const began = performance.now();
  await Promise.all([...examinees.map(loop), uploader()]);
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds: elapsed, ...counts, throughput: counts.saved / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const scored = () => Number(psql(dbName, "select count(*) from proctoring_snapshots where status = 'done'"));

let server: BenchServer | null = null;
try {
  console.log(`\nsetting up ${dbName}: demo data + ${CONCURRENCY} examinees with photos, 监考 on …`);
  await setup();
  server = await startServer(env, Number(values.port), path.join(values.workdir!, 'server-proctoring.log'));
  baseUrl = server.baseUrl;
  await startAll();
  const idle = await answering(DURATION, 0);
  const before = scored();
  const t0 = performance.now();
  const loaded = await answering(DURATION, UPLOAD_RATE);
  const during = scored() - before;
  const minutes = (performance.now() - t0) / 60_000;
  const backlog = Number(psql(dbName, "select count(*) from proctoring_snapshots where status in ('pending', 'processing')"));
  console.log(`\n2. ${CONCURRENCY} examinees answering for ${DURATION} s each run (load ${loadavg()}):`);
  printTable([
    ['run', 'answer saves', 'latency'],
    ['worker idle (no snapshots)', `${idle.throughput.toFixed(0)} /s`, fmt(idle.p50, idle.p99)],
    [`snapshots arriving at ${UPLOAD_RATE}/s, worker scoring`, `${loaded.throughput.toFixed(0)} /s`, fmt(loaded.p50, loaded.p99)],
  ]);
  console.log(`   snapshots uploaded ${loaded.uploads} (refused ${loaded.uploadsRefused}); scored during the run ${during} = ${(during / minutes).toFixed(0)} / min; still queued at the end ${backlog}`);
} finally {
  await server?.stop().catch(() => undefined);
  agent.destroy();
  if (!values.keep) psql('postgres', `drop database if exists ${dbName} with (force)`);
  fs.rmSync(filesDir, { recursive: true, force: true });
}
