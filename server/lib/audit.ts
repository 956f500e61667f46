// Typed, append-only audit events, written with the transaction of the change they record.
import type { Database, Tx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../auth/access.js';

export const auditActions = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出',
  'auth.passwordChanged': '修改密码',
  'auth.roleSwitched': '切换身份',
  'account.unlocked': '解锁账号',
  'account.passwordReset': '重置密码',
  'physician.idNumberViewed': '查看完整证件号码',
  'authority.created': '创建卫生行政部门账号',
} as const;
export type AuditAction = keyof typeof auditActions;

export interface AuditEvent {
  action: AuditAction;
  actor?: Pick<Actor, 'accountId' | 'role'> | null;
  targetType?: string;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function recordAudit(db: Database | Tx, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    action: event.action,
    actorAccountId: event.actor?.accountId ?? null,
    actorRole: event.actor?.role ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId === undefined ? null : String(event.targetId),
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.ip ?? null,
  });
}
