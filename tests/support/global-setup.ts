// Browser journeys run against the real thing: the built web client served by `server/main.ts serve` on a fresh
// database with the demo data, captcha off (for automation only). The database is a new one on the PostgreSQL
// server of TEST_DATABASE_URL when that is set (as in production), otherwise the embedded one (the API projects
// cover both). With JOURNEY_SERVERS=N, N journeys run at a time, each worker against a server of its own
// (tests/support/server.ts). The default is 1: on 2 cores beside the API tests, two at a time kept the load at
// 13-14 and lost clicks in antd's moving menus and lists.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { secretsInLog, smsSecrets } from './server-log.js';
import { freePort } from '../../server/test-support/free-port.js';
import { adminQuery, databaseUrl } from '../../server/test-support/template-setup.js';

export interface JourneyServer {
  baseUrl: string;
  /** A provincial authority made with `create-authority`: its one-time password must be changed. */
  firstAuthority: { account: string; password: string };
  /** The server's DATA_DIR: the default SMS provider writes its outbox file (sms-outbox.log) there. */
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per browser worker (JOURNEY_SERVERS, default 2). */
    journeyServers: JourneyServer[];
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

/** Seeds a fresh database and starts a server on it; `stop` ends it and checks its log for secrets. */
async function startServer(index: number): Promise<{ server: JourneyServer; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-'));
  const port = await freePort();
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database = adminUrl ? `journeys_${crypto.randomBytes(6).toString('hex')}` : null;
  if (adminUrl && database) await adminQuery(adminUrl, `create database ${database}`);
  const databaseEnv = adminUrl && database ? databaseUrl(adminUrl, database) : '';
  // With DATABASE_URL the keys come from the environment (as on a cluster): one fresh pair for the server.
  const keys = databaseEnv
    ? { ID_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'), ID_HMAC_KEY: crypto.randomBytes(32).toString('base64') }
    : {};
  const env = { ...process.env, ...keys, DATA_DIR: dataDir, DATABASE_URL: databaseEnv };
  const cli = async (...args: string[]) =>
    (await run(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env, encoding: 'utf8' })).stdout;
  await cli('seed');
  const created = await cli('create-authority', '--region', '430000', '--name', '湖南省卫生健康委员会', '--account', 'wjw430000');
  const password = /初始密码：(\S+?)（/.exec(created)?.[1];
  if (!password) throw new Error(`create-authority printed no password:\n${created}`);
  let output = '';
  // The whole run's server log, at info (every request): checked for secrets when the server stops.
  const logName = index === 0 ? 'server.log' : `server-${index + 1}.log`;
  const logFile = path.join(root, 'test-results', logName);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  // Node itself with tsx as its loader (not through npx): SIGTERM at the end must reach the server, not a wrapper
  // that exits and leaves the server running. Load shedding off: a busy CI machine lags the event loop. A code to
  // the same phone again after 20 s, not 60: the SMS journey waits that out once instead of a minute.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off', LOGIN_RATE_LIMIT: '1000', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0', LOG_LEVEL: 'info', SMS_RESEND_SECONDS: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const keep = (d: Buffer) => {
    if (output.length < 100_000) output += d;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  const stop = async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    await new Promise((r) => log.end(r));
    const secrets = [
      { kind: '密码', value: 'Demo@2026' },
      { kind: '密码', value: password },
      ...smsSecrets(path.join(dataDir, 'sms-outbox.log')),
    ];
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (adminUrl && database) await adminQuery(adminUrl, `drop database if exists ${database} with (force)`);
    const found = secretsInLog(fs.readFileSync(logFile, 'utf8'), secrets);
    if (found.length) throw new Error(`test-results/${logName} holds personal data or secrets:\n${found.slice(0, 20).join('\n')}`);
  };
  return { server: { baseUrl, firstAuthority: { account: 'wjw430000', password }, dataDir }, stop };
}

const journeyServerCount = () => Math.max(1, Number(process.env.JOURNEY_SERVERS ?? 2));

export default async function setup(project: TestProject) {
  // A production build, as users get it (vitest sets NODE_ENV=test, which antd answers with test ids); `npm test`
  // makes it before starting (tests/run-suite.mjs) and says so with WEB_BUILT.
  if (process.env.WEB_BUILT !== '1') {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const started = await Promise.allSettled(Array.from({ length: journeyServerCount() }, (_, i) => startServer(i)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.allSettled(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  project.provide('journeyServers', servers.map((s) => s.server));
  return async () => {
    const stopped = await Promise.allSettled(servers.map((s) => s.stop()));
    const error = stopped.find((s) => s.status === 'rejected');
    if (error) throw error.reason;
  };
}
