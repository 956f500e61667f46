// Configuration from the environment; the embedded default needs none of it.
import path from 'node:path';
import { SMS_RESEND_SECONDS } from '../common/schemas/account.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Uploaded files (local storage). */
  filesDir: string;
  databaseUrl: string | null;
  /**
   * PostgreSQL's max_parallel_workers_per_gather for the app's connections (PG_PARALLEL_WORKERS, default 0). On a
   * small server parallel workers add 13–15 ms to every scoped list (starting them costs more than the scan they
   * share); raise it on a database server with cores to spare and province-wide reports that scan big tables.
   */
  pgParallelWorkers: number;
  /**
   * PostgreSQL's random_page_cost for the app's connections (PG_RANDOM_PAGE_COST, default 1.1). PostgreSQL's own 4
   * prices a page read as a disk seek; with the data in memory (or on SSD) it makes the planner hash a whole table of
   * enrolments rather than look up one institution's 6,200 physicians in an index (166 ms against 9 ms).
   */
  pgRandomPageCost: number;
  captchaEnabled: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Cookies only over HTTPS: on by default in production and behind a proxy, off only when COOKIE_SECURE=false. */
  cookieSecure: boolean;
  trustProxy: boolean;
  /** NODE_ENV=production: the outbox SMS provider is refused (see `refusalToServe`). */
  production: boolean;
  /** Login attempts per IP address per minute. */
  loginRateLimit: number;
  /** 开始考试 admitted per second across all instances (the 9:00 start storm); the rest are told when to retry. */
  examStartRate: number;
  /** 监考: this instance scores snapshots (off on instances that should only answer requests). */
  proctoringWorker: boolean;
  /** Requests are shed (503 + Retry-After) while the event loop lags more than this (ms); 0 turns it off. */
  loadShedEventLoopDelayMs: number;
  /** Heap in use (bytes) above which requests are shed; 0: no limit (tests set one to see shedding). */
  loadShedMaxHeapBytes: number;
  idEncryptionKey: string | null;
  idHmacKey: string | null;
  logLevel: string;
  /** Which SMS provider sends codes; `outbox` (the default) only records them, `off` sends nothing (server/lib/sms.ts). */
  smsProvider: SmsProviderName;
  /** The outbox provider's file: one JSON line per message, like a mail catcher. */
  smsOutboxFile: string;
  /** The least seconds between two codes to one phone (SMS_RESEND_SECONDS, default 60; a gateway may ask for more). */
  smsResendSeconds: number;
  /**
   * 批量导入医师 running at once in this instance (IMPORTS_AT_ONCE, default 2): each has a reading thread of up to about
   * 220 MB; one more is refused with 429 until one ends.
   */
  importsAtOnce: number;
  /** Bearer token that opens /metrics to callers other than loopback. */
  metricsToken: string | null;
  /** The address people reach the system at (PUBLIC_URL, e.g. https://dqkh.example.gov.cn): the certificate's QR code links to its /verify page. Without it, the request's own host. */
  publicUrl: string | null;
}

export const smsProviderNames = ['outbox', 'off'] as const;
export type SmsProviderName = (typeof smsProviderNames)[number];

function smsProviderFrom(value: string | undefined): SmsProviderName {
  const name = value || 'outbox';
  if (!(smsProviderNames as readonly string[]).includes(name)) throw new Error(`SMS_PROVIDER must be one of ${smsProviderNames.join(', ')}, got "${name}"`);
  return name as SmsProviderName;
}

function booleanFrom(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function positiveNumberFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const trustProxy = env.TRUST_PROXY === 'true';
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    filesDir: path.resolve(env.FILES_DIR || path.join(env.DATA_DIR || './data', 'files')),
    databaseUrl: env.DATABASE_URL || null,
    pgParallelWorkers: env.PG_PARALLEL_WORKERS === '0' ? 0 : intFrom(env.PG_PARALLEL_WORKERS, 0, 'PG_PARALLEL_WORKERS'),
    pgRandomPageCost: positiveNumberFrom(env.PG_RANDOM_PAGE_COST, 1.1, 'PG_RANDOM_PAGE_COST'),
    captchaEnabled: (env.CAPTCHA || 'on').toLowerCase() !== 'off',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    // Production and a proxy in front mean HTTPS to the browser; plain HTTP behind a proxy must say COOKIE_SECURE=false.
    cookieSecure: booleanFrom(env.COOKIE_SECURE, production || trustProxy, 'COOKIE_SECURE'),
    trustProxy,
    production,
    loginRateLimit: intFrom(env.LOGIN_RATE_LIMIT, 60, 'LOGIN_RATE_LIMIT'),
    examStartRate: intFrom(env.EXAM_START_RATE, 100, 'EXAM_START_RATE'),
    proctoringWorker: (env.PROCTORING_WORKER || 'on').toLowerCase() !== 'off',
    loadShedMaxHeapBytes: 0,
    loadShedEventLoopDelayMs: env.LOAD_SHED_EVENT_LOOP_DELAY_MS === '0' ? 0 : intFrom(env.LOAD_SHED_EVENT_LOOP_DELAY_MS, 2000, 'LOAD_SHED_EVENT_LOOP_DELAY_MS'),
    idEncryptionKey: env.ID_ENCRYPTION_KEY || null,
    idHmacKey: env.ID_HMAC_KEY || null,
    logLevel: env.LOG_LEVEL || 'info',
    smsProvider: smsProviderFrom(env.SMS_PROVIDER),
    smsOutboxFile: path.resolve(env.SMS_OUTBOX_FILE || path.join(env.DATA_DIR || './data', 'sms-outbox.log')),
    smsResendSeconds: intFrom(env.SMS_RESEND_SECONDS, SMS_RESEND_SECONDS, 'SMS_RESEND_SECONDS'),
    importsAtOnce: intFrom(env.IMPORTS_AT_ONCE, 2, 'IMPORTS_AT_ONCE'),
    metricsToken: env.METRICS_TOKEN || null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
  };
}

/**
 * Why `serve` must not start with this configuration, or null. The outbox provider writes every SMS, codes included,
 * to the log and a file: fine for the demo, never for real physicians.
 */
export function refusalToServe(config: Pick<Config, 'production' | 'smsProvider'>): string | null {
  if (config.production && config.smsProvider === 'outbox') {
    return (
      'NODE_ENV=production 时不能使用短信发件箱（outbox 把验证码写入日志，仅供演示）：请设置 SMS_PROVIDER=off（不发短信）或接入的短信网关。\n' +
      'The outbox SMS provider writes codes to the log and is for demos only: with NODE_ENV=production set SMS_PROVIDER (off, or a real gateway).'
    );
  }
  return null;
}
