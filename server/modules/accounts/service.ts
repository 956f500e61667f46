// 解锁 and 重置密码: what an account's superior may do for it.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/access.js';
import { requireAccess, requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { accounts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { deleteAccountSessions } from '../../auth/sessions.js';

export async function unlockAccount(db: Database, actor: Actor, accountId: number, ip: string): Promise<void> {
  requireRole(actor, ['authority', 'institution']);
  await requireAccess(db, actor, 'account.unlock', [accountId]);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ failedLoginCount: accounts.failedLoginCount, lockedUntil: accounts.lockedUntil })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for('update');
    await tx.update(accounts).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
    await recordAudit(tx, { action: 'account.unlocked', actor, targetType: 'account', targetId: accountId, before, after: { failedLoginCount: 0, lockedUntil: null }, ip });
  });
}

/**
 * Back to the province's initial password, to be changed at the next login; the lock is lifted, the
 * account's sessions end, and a physician's bound phone is cleared (seed 004 FAQ 9: a lost phone is why
 * people ask), so the SMS reset cannot go to a number the physician no longer holds.
 */
export async function resetPassword(db: Database, actor: Actor, accountId: number, ip: string): Promise<void> {
  requireRole(actor, ['authority', 'institution']);
  await requireAccess(db, actor, 'account.resetPassword', [accountId]);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash: null, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, boundPhone: null })
      .where(eq(accounts.id, accountId));
    await deleteAccountSessions(tx, accountId);
    await recordAudit(tx, { action: 'account.passwordReset', actor, targetType: 'account', targetId: accountId, ip });
  });
}
