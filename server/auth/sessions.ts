// Database-backed sessions: stateless app processes, idle and absolute timeouts.
import crypto from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { InitialPasswordRule, Role } from '../../common/enums.js';
import type { Database, Tx } from '../db/client.js';
import { sessions } from '../db/schema/index.js';
import { identityOf, type AccountIdentity } from '../modules/accounts/repository.js';
import { observePolicyVersion } from '../modules/policies/cache.js';
import { DEFAULT_POLICY } from '../modules/policies/repository.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
/** lastSeenAt is written at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_SECONDS = 60;

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRow {
  tokenHash: string;
  accountId: number;
  role: Role;
  csrfToken: string;
  /** The account as the session lookup read it (same statement). */
  account: SessionAccount;
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

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

export interface SessionAccount extends AccountIdentity {
  /** An institution approved as 考核机构 of its province's current cycle (切换 is offered). */
  assessorInCurrentCycle: boolean;
  /** The province's initial-password rule (/auth/me tells it, for 重置密码 and 新增机构). */
  initialPasswordRule: InitialPasswordRule;
}

interface SessionAccountRow {
  live: boolean;
  role: string;
  csrf_token: string;
  account_id: number;
  kind: string;
  login_name: string | null;
  must_change_password: boolean;
  disabled: boolean;
  authority_id: number | null;
  authority_name: string | null;
  authority_region: string | null;
  institution_id: number | null;
  institution_name: string | null;
  institution_region: string | null;
  physician_id: number | null;
  physician_name: string | null;
  physician_id_number_masked: string | null;
  assessor_now: boolean;
  policy_version: string | null;
  initial_password_rule: string | null;
}

/** The one statement of `loadSessionAccount` (exported for bench/request-path.ts, which times it bare). */
export function sessionAccountQuery(tokenHash: string, timeouts: SessionTimeouts) {
  return sql`
    with s as (
      select token_hash, account_id, role, csrf_token,
             last_seen_at > now() - make_interval(mins => ${timeouts.idleMinutes}::int)
               and created_at > now() - make_interval(hours => ${timeouts.absoluteHours}::int) as live
      from sessions where token_hash = ${tokenHash}
    ),
    expired as (
      delete from sessions where token_hash = ${tokenHash} and exists (select 1 from s where not s.live) returning 1
    ),
    touched as (
      update sessions set last_seen_at = now()
      where token_hash = ${tokenHash} and exists (select 1 from s where s.live)
        and last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS}::int)
      returning 1
    )
    select s.live, s.role, s.csrf_token, a.id as account_id, a.kind, a.login_name, a.must_change_password, a.disabled,
           au.id as authority_id, au.name as authority_name, au.region_code as authority_region,
           i.id as institution_id, i.name as institution_name, i.region_code as institution_region,
           p.id as physician_id, p.name as physician_name, p.id_number_masked as physician_id_number_masked,
           a.kind = 'institution' and exists (
             select 1 from assessors x join cycles c on c.id = x.cycle_id
             where x.institution_id = i.id and c.is_current and c.province_code = left(i.region_code, 2) || '0000'
           ) as assessor_now,
           md5(pol::text) as policy_version, pol.initial_password_rule
    from s
    join accounts a on a.id = s.account_id
    left join authorities au on au.id = a.authority_id
    left join physicians p on p.id = a.physician_id
    left join institutions i on i.id = coalesce(a.institution_id, p.institution_id)
    left join policies pol on pol.province_code = left(coalesce(au.region_code, i.region_code), 2) || '0000'`;
}

/** The name the session statement is prepared under on each PostgreSQL connection (bench/request-path.ts sends it too). */
export const SESSION_STATEMENT_NAME = 'session_account';
const dialect = new PgDialect();

/**
 * On PostgreSQL the statement is sent as a named prepared statement: each pooled connection parses it once and, after
 * a few executions, may reuse a generic plan, where an unnamed statement was planned on every request (about as long as
 * it runs). Its text never varies (the token and the timeouts are parameters). PGlite runs it as any other query.
 */
async function runSessionStatement(db: Database, query: ReturnType<typeof sessionAccountQuery>): Promise<SessionAccountRow[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await client.query<SessionAccountRow>({ name: SESSION_STATEMENT_NAME, text, values: params })).rows;
  }
  const result = (await db.execute(query)) as unknown as { rows: SessionAccountRow[] };
  return result.rows;
}

/**
 * The live session for a cookie value with its account, organisation, 考核机构 standing and the province's policy
 * version, in ONE statement (one round trip per authenticated request). In the same statement an expired session
 * (idle or too old, by the database's clock) is deleted, and a live one has last_seen_at bumped when it is more than
 * a minute old, so reads do not turn every request into a write. Null when absent or expired.
 */
export async function loadSessionAccount(
  db: Database,
  token: string,
  timeouts: SessionTimeouts,
): Promise<SessionRow | null> {
  const tokenHash = hashToken(token);
  const [row] = await runSessionStatement(db, sessionAccountQuery(tokenHash, timeouts));
  if (!row?.live) return null;
  const identity = identityOf({
    account: { id: row.account_id, kind: row.kind, loginName: row.login_name, mustChangePassword: row.must_change_password, disabled: row.disabled },
    authority: row.authority_id === null ? null : { id: row.authority_id, name: row.authority_name!, regionCode: row.authority_region! },
    institution: row.institution_id === null ? null : { id: row.institution_id, name: row.institution_name!, regionCode: row.institution_region! },
    physician: row.physician_id === null ? null : { id: row.physician_id, name: row.physician_name!, idNumberMasked: row.physician_id_number_masked },
  });
  if (!identity) return null;
  observePolicyVersion(db, identity.provinceCode, row.policy_version);
  const account = {
    ...identity,
    assessorInCurrentCycle: Boolean(row.assessor_now),
    initialPasswordRule: (row.initial_password_rule ?? DEFAULT_POLICY.initialPasswordRule) as InitialPasswordRule,
  };
  return { tokenHash, accountId: row.account_id, role: row.role as Role, csrfToken: row.csrf_token, account };
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
