// Database-backed sessions: stateless app processes, idle and absolute timeouts.
import crypto from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Role } from '../../common/enums.js';
import type { Database, Tx } from '../db/client.js';
import { sessions } from '../db/schema/index.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
/** lastSeenAt is written at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRow {
  tokenHash: string;
  accountId: number;
  role: Role;
  csrfToken: string;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Database | Tx,
  input: { accountId: number; role: Role; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId: input.accountId,
    role: input.role,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 256),
  });
  return { token, csrfToken };
}

/** The live session for a cookie value, or null when absent, idle too long or too old (then deleted). */
export async function loadSession(db: Database, token: string, timeouts: SessionTimeouts): Promise<SessionRow | null> {
  const tokenHash = hashToken(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const now = Date.now();
  const idle = now - row.lastSeenAt.getTime() > timeouts.idleMinutes * 60_000;
  const old = now - row.createdAt.getTime() > timeouts.absoluteHours * 3_600_000;
  if (idle || old) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { tokenHash, accountId: row.accountId, role: row.role as Role, csrfToken: row.csrfToken };
}

export async function setSessionRole(db: Database | Tx, tokenHash: string, role: Role): Promise<void> {
  await db.update(sessions).set({ role }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database | Tx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of an account except, optionally, the one in use (after a password change). */
export async function deleteAccountSessions(db: Database | Tx, accountId: number, keepTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined));
}

export async function purgeExpiredSessions(db: Database, timeouts: SessionTimeouts): Promise<void> {
  const now = Date.now();
  await db.delete(sessions).where(
    or(
      lt(sessions.lastSeenAt, new Date(now - timeouts.idleMinutes * 60_000)),
      lt(sessions.createdAt, new Date(now - timeouts.absoluteHours * 3_600_000)),
    ),
  );
}
