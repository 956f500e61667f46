// Graceful shutdown of the real server process: on SIGTERM it stops accepting connections, finishes the
// request it is in the middle of, closes the database and exits 0.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/client.js';
import { ensureRegions } from './db/seed/regions.js';
import { buildAuthority } from './test-support/factories.js';
import { freePort } from './test-support/free-port.js';

const root = path.resolve(import.meta.dirname, '..');

/** Whether a new connection to the port is accepted. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('SIGTERM', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-'));
    // A database that is not empty, so `serve` starts without loading the demo province.
    const database = await openPglite(path.join(dataDir, 'pgdata'));
    await database.migrate();
    await ensureRegions(database.db);
    await buildAuthority(database.db, { regionCode: '990000' });
    await database.close();
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the request in flight, refuses new connections and exits 0', async () => {
    const port = await freePort();
    // Load shedding is off: a process just started on a busy machine can lag past its limit and shed this very login.
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', CAPTCHA: 'off', LOG_LEVEL: 'warn', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', () => output.includes('已启动') && resolve());
        void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
      });

      // A login whose body is still on its way when SIGTERM arrives: the request is in flight. With
      // `Expect: 100-continue` the server answers 100 once it has taken the request up (Node sends it as it hands
      // the request to the app), so SIGTERM comes after that, whatever the machine's load.
      const body = JSON.stringify({ tab: 'organization', account: 'nobody', password: 'wrong-password', captcha: '' });
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        request.on('error', reject);
      });
      const taken = new Promise<void>((resolve) => request.once('continue', resolve));
      request.flushHeaders();
      await taken;

      server.kill('SIGTERM');
      // It stops accepting: wait until a new connection is refused.
      while (await accepts(port)) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.exitCode).toBeNull();

      request.end(body);
      const answer = await response;
      expect(answer.status, answer.body).toBe(401);
      expect(JSON.parse(answer.body).error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await exited).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 120_000);
});
