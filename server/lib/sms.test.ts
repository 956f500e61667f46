import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.js';
import { smsMessages } from '../db/schema/index.js';
import { openTestDatabase } from '../test-support/database.js';
import { AppError } from './errors.js';
import { latestSmsMessages, outboxProvider, sendSms, smsOffProvider, type SmsProvider } from './sms.js';

let database: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-'));
const logged: object[] = [];
const logger = { info: (obj: object) => logged.push(obj), error: () => {} };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sendSms', () => {
  it('the outbox provider notes the message in the log without number or code, writes a JSON line in its file and a row', async () => {
    const file = path.join(dir, 'nested', 'sms-outbox.log');
    await sendSms(database.db, outboxProvider({ file, logger }), { phone: '13800000001', content: '您的验证码为123456', purpose: 'bindPhone' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8').trim())).toMatchObject({ phone: '13800000001', content: '您的验证码为123456' });
    // The server log notes the message but never its number or code.
    expect(logged).toContainEqual({ smsOutbox: file });
    expect(JSON.stringify(logged)).not.toMatch(/13800000001|123456/);
    const [row] = await latestSmsMessages(database.db, 1);
    expect(row).toMatchObject({ phone: '13800000001', provider: 'outbox', purpose: 'bindPhone', delivered: true });
  });

  it('records a message the provider refused and answers 503 in Chinese', async () => {
    const broken: SmsProvider = { name: 'broken', send: () => Promise.reject(new Error('gateway down')) };
    const sent = sendSms(database.db, broken, { phone: '13800000002', content: 'x', purpose: 'passwordReset' });
    await expect(sent).rejects.toBeInstanceOf(AppError);
    await expect(sent).rejects.toMatchObject({ statusCode: 503, message: '短信发送失败，请稍后再试' });
    const [row] = await database.db.select().from(smsMessages).where(eq(smsMessages.phone, '13800000002'));
    expect(row).toMatchObject({ provider: 'broken', delivered: false });
  });

  it('with SMS_PROVIDER=off sends nothing, records it, and says the system has no SMS service', async () => {
    const sent = sendSms(database.db, smsOffProvider, { phone: '13800000003', content: 'x', purpose: 'passwordReset' });
    await expect(sent).rejects.toMatchObject({ statusCode: 503, message: '本系统未开通短信服务，无法发送短信验证码，请联系所在医疗卫生机构' });
    const [row] = await database.db.select().from(smsMessages).where(eq(smsMessages.phone, '13800000003'));
    expect(row).toMatchObject({ provider: 'off', delivered: false });
  });
});
