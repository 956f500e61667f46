// SMS through one provider interface. The default `outbox` provider reaches no phone: it notes each message
// in the log (without number or text) and writes it, as one JSON line, to DATA_DIR/sms-outbox.log (a mail catcher for SMS), so every flow that
// sends a code works without a gateway. Whatever the provider, each message is also a row of `sms_messages`.
import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { smsMessages } from '../db/schema/index.js';
import { AppError } from './errors.js';

export interface SmsProvider {
  readonly name: string;
  /** Resolves once the provider has accepted the message; rejects when it could not. */
  send(phone: string, content: string): Promise<void>;
}

/** The part of Fastify's logger the providers use. */
export interface SmsLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a one-time code is for. */
export type SmsCodePurpose = 'passwordReset' | 'bindPhone' | 'passwordChange';
/** Codes, and notifications (a review's outcome, see modules/messages). */
export type SmsPurpose = SmsCodePurpose | 'notification';
export const smsPurposeLabels: Record<SmsPurpose, string> = { passwordReset: '重置密码', bindPhone: '绑定手机', passwordChange: '修改密码', notification: '审核通知' };

export interface OutboxLine {
  at: string;
  phone: string;
  content: string;
}

export function outboxProvider(options: { file: string | null; logger: SmsLogger }): SmsProvider {
  return {
    name: 'outbox',
    async send(phone, content) {
      // The number and the code stay out of the server log: they are in the outbox file (mode 0600) and its table.
      options.logger.info({ smsOutbox: options.file }, 'sms outbox (not delivered to a phone)');
      if (!options.file) return;
      const line: OutboxLine = { at: new Date().toISOString(), phone, content };
      try {
        await fs.promises.mkdir(path.dirname(options.file), { recursive: true });
        await fs.promises.appendFile(options.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      } catch (err) {
        options.logger.error({ err }, 'sms outbox file not writable');
        throw err;
      }
    },
  };
}

/** SMS_PROVIDER=off: a deployment without a gateway. Nothing is sent; whoever asks for a code is told why. */
export const smsOffProvider: SmsProvider = {
  name: 'off',
  send: () => Promise.reject(new AppError(503, 'SMS_UNAVAILABLE', '本系统未开通短信服务，无法发送短信验证码，请联系所在医疗卫生机构')),
};

/** The provider named by SMS_PROVIDER. A real gateway would be one more case here. */
export function createSmsProvider(config: Pick<Config, 'smsProvider' | 'smsOutboxFile'>, logger: SmsLogger): SmsProvider {
  switch (config.smsProvider) {
    case 'outbox':
      return outboxProvider({ file: config.smsOutboxFile, logger });
    case 'off':
      return smsOffProvider;
  }
}

/**
 * Sends one message and records it. `delivered` says whether the provider accepted it (for the outbox:
 * written to its log). A provider failure is recorded too and answered with a Chinese 503.
 */
export async function sendSms(
  db: Database,
  provider: SmsProvider,
  message: { phone: string; content: string; purpose: SmsPurpose },
): Promise<void> {
  let failure: unknown = null;
  try {
    await provider.send(message.phone, message.content);
  } catch (err) {
    failure = err;
  }
  await db.insert(smsMessages).values({ ...message, provider: provider.name, delivered: failure === null });
  if (failure instanceof AppError) throw failure;
  if (failure !== null) throw new AppError(503, 'SMS_UNAVAILABLE', '短信发送失败，请稍后再试');
}

/** The latest messages, newest first (`npm run cli -- sms-outbox`). */
export function latestSmsMessages(db: Database, limit: number) {
  return db.select().from(smsMessages).orderBy(desc(smsMessages.createdAt), desc(smsMessages.id)).limit(limit);
}
