// Configuration from the environment; the embedded default needs none of it.
import path from 'node:path';

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
  captchaEnabled: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Login attempts per IP address per minute. */
  loginRateLimit: number;
  idEncryptionKey: string | null;
  idHmacKey: string | null;
  logLevel: string;
  /** Which SMS provider sends codes; `outbox` (the default) only records them (server/lib/sms.ts). */
  smsProvider: SmsProviderName;
  /** The outbox provider's file: one JSON line per message, like a mail catcher. */
  smsOutboxFile: string;
  /** Bearer token that opens /metrics to callers other than loopback. */
  metricsToken: string | null;
}

export const smsProviderNames = ['outbox'] as const;
export type SmsProviderName = (typeof smsProviderNames)[number];

function smsProviderFrom(value: string | undefined): SmsProviderName {
  const name = value || 'outbox';
  if (!(smsProviderNames as readonly string[]).includes(name)) throw new Error(`SMS_PROVIDER must be one of ${smsProviderNames.join(', ')}, got "${name}"`);
  return name as SmsProviderName;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    filesDir: path.resolve(env.FILES_DIR || path.join(env.DATA_DIR || './data', 'files')),
    databaseUrl: env.DATABASE_URL || null,
    pgParallelWorkers: env.PG_PARALLEL_WORKERS === '0' ? 0 : intFrom(env.PG_PARALLEL_WORKERS, 0, 'PG_PARALLEL_WORKERS'),
    captchaEnabled: (env.CAPTCHA || 'on').toLowerCase() !== 'off',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    loginRateLimit: intFrom(env.LOGIN_RATE_LIMIT, 60, 'LOGIN_RATE_LIMIT'),
    idEncryptionKey: env.ID_ENCRYPTION_KEY || null,
    idHmacKey: env.ID_HMAC_KEY || null,
    logLevel: env.LOG_LEVEL || 'info',
    smsProvider: smsProviderFrom(env.SMS_PROVIDER),
    smsOutboxFile: path.resolve(env.SMS_OUTBOX_FILE || path.join(env.DATA_DIR || './data', 'sms-outbox.log')),
    metricsToken: env.METRICS_TOKEN || null,
  };
}
