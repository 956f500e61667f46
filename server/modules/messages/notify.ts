// Telling a physician what happened to their registration: a 站内消息 written in the change's own transaction,
// and an SMS to the bound phone sent after the change is committed (a failed SMS never undoes a review).
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { sendSms, type SmsLogger, type SmsProvider } from '../../lib/sms.js';

export interface Notice {
  title: string;
  content: string;
}

/** An SMS to send once the transaction that wrote its 站内消息 has committed. */
export interface PendingSms {
  phone: string;
  content: string;
}

const SMS_SIGNATURE = '【医师定期考核】';

/**
 * Writes the same 站内消息 to each physician's account in one statement, and returns the SMS for those with a
 * bound phone. Call inside the transaction of the change it reports.
 */
export async function notifyPhysicians(tx: Database | Tx, physicianIds: readonly number[], notice: Notice): Promise<PendingSms[]> {
  if (physicianIds.length === 0) return [];
  const result = await tx.execute(sql`
    insert into messages (account_id, title, content)
    select a.id, ${notice.title}, ${notice.content} from accounts a where a.physician_id = any(${`{${physicianIds.join(',')}}`}::int[])
    returning (select bound_phone from accounts b where b.id = messages.account_id) as phone`);
  const rows = (result as unknown as { rows: { phone: string | null }[] }).rows;
  return rows.filter((r) => r.phone).map((r) => ({ phone: r.phone!, content: `${SMS_SIGNATURE}${notice.title}：${notice.content}` }));
}

/** Sends the SMS one by one; a provider failure is recorded (sms_messages.delivered = false) and logged, not thrown. */
export async function deliverSms(db: Database, provider: SmsProvider, logger: SmsLogger, pending: readonly PendingSms[]): Promise<void> {
  for (const sms of pending) {
    try {
      await sendSms(db, provider, { phone: sms.phone, content: sms.content, purpose: 'notification' });
    } catch (err) {
      logger.error({ err }, 'notification sms not delivered');
    }
  }
}
