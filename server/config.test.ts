import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig, refusalToServe } from './config.js';

describe.each([
  { name: 'SMS_RESEND_SECONDS', key: 'smsResendSeconds', fallback: 60, value: '20' },
  { name: 'IMPORTS_AT_ONCE', key: 'importsAtOnce', fallback: 2, value: '4' },
] as const)('$name', ({ name, key, fallback, value }) => {
  it(`is ${fallback} unless set, and a positive whole number`, () => {
    expect(loadConfig({})[key]).toBe(fallback);
    expect(loadConfig({ [name]: value })[key]).toBe(Number(value));
    expect(() => loadConfig({ [name]: '0' })).toThrow(`${name} must be a positive integer`);
    expect(() => loadConfig({ [name]: 'soon' })).toThrow(`${name} must be a positive integer`);
  });
});

describe('COOKIE_SECURE', () => {
  it('is off for the embedded demo, on in production and behind a proxy', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SMS_PROVIDER: 'off' }).cookieSecure).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'true' }).cookieSecure).toBe(true);
  });

  it('follows an explicit value either way', () => {
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow('COOKIE_SECURE must be true or false, got "yes"');
  });
});

describe('PG_RANDOM_PAGE_COST', () => {
  it('is 1.1 unless given, and must be a positive number', () => {
    expect(loadConfig({}).pgRandomPageCost).toBe(1.1);
    expect(loadConfig({ PG_RANDOM_PAGE_COST: '4' }).pgRandomPageCost).toBe(4);
    expect(() => loadConfig({ PG_RANDOM_PAGE_COST: 'fast' })).toThrow('PG_RANDOM_PAGE_COST must be a positive number, got "fast"');
    expect(() => loadConfig({ PG_RANDOM_PAGE_COST: '0' })).toThrow('PG_RANDOM_PAGE_COST must be a positive number');
  });
});

describe('the SMS outbox in production', () => {
  it('is refused with NODE_ENV=production, in Chinese and English, naming SMS_PROVIDER', () => {
    const refusal = refusalToServe(loadConfig({ NODE_ENV: 'production' }));
    expect(refusal).toContain('NODE_ENV=production 时不能使用短信发件箱');
    expect(refusal).toContain('set SMS_PROVIDER');
    expect(refusalToServe(loadConfig({ NODE_ENV: 'production', SMS_PROVIDER: 'off' }))).toBeNull();
    expect(refusalToServe(loadConfig({}))).toBeNull();
  });

  it('stops `serve` before it opens anything', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'refuse-'));
    try {
      const root = path.resolve(import.meta.dirname, '..');
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', SMS_PROVIDER: '', DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      const failure = (await run.then(() => null, (err: unknown) => err)) as { code: number; stderr: string } | null;
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('请设置 SMS_PROVIDER');
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
