// Builds the real app on a fresh database for API tests, and a small cookie-aware client for inject.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { LogOptions } from '../lib/logger.js';
import { createPii, parseKeys, type Pii } from '../lib/pii.js';
import { localStorage, type Storage } from '../lib/storage.js';
import { openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  pii: Pii;
  storage: Storage;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    captcha?: boolean;
    loginRateLimit?: number;
    examStartRate?: number;
    /** Load shedding as configured in production; off in tests unless asked for (a busy CI machine lags). */
    loadShedding?: { maxEventLoopDelayMs?: number; maxHeapUsedBytes?: number };
    /** Log lines (JSON) to this stream; off by default. */
    log?: LogOptions;
    /** Extra routes a test needs beside the product's, added before the app is ready. */
    extraRoutes?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const pii = createPii(parseKeys(crypto.randomBytes(32).toString('base64'), crypto.randomBytes(32).toString('base64')));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));
  // The SMS outbox file goes with the temporary folder, never into the repository's ./data.
  const config = {
    ...loadConfig({}),
    captchaEnabled: options.captcha ?? false,
    loginRateLimit: options.loginRateLimit ?? 10_000,
    examStartRate: options.examStartRate ?? 10_000,
    loadShedEventLoopDelayMs: options.loadShedding?.maxEventLoopDelayMs ?? 0,
    loadShedMaxHeapBytes: options.loadShedding?.maxHeapUsedBytes ?? 0,
    smsOutboxFile: path.join(filesDir, 'sms-outbox.log'),
  };
  const storage = localStorage(filesDir);
  const app = await buildApp({ config, database, pii, storage }, { log: options.log ?? false });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    pii,
    storage,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like session: keeps cookies and sends the CSRF header on mutations. */
export class Client {
  cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = this.cookies.get('csrf_token');
    const response = await this.app.inject({
      method,
      url,
      payload: payload as InjectOptions['payload'],
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown, headers?: Record<string, string>) => this.request('POST', url, payload ?? {}, headers);
  put = (url: string, payload?: unknown) => this.request('PUT', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

export async function loginAs(app: FastifyInstance, account: string, password: string, tab: 'organization' | 'physician' = 'organization'): Promise<Client> {
  const client = new Client(app);
  const response = await client.post('/api/v1/auth/login', { tab, account, password, captcha: '' });
  if (response.statusCode !== 200) throw new Error(`login ${account} failed: ${response.statusCode} ${response.body}`);
  return client;
}
