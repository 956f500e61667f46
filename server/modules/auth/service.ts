// Use cases of 登录, 退出, 修改密码 and 切换 (institution ⇄ assessor).
import { and, eq, sql } from 'drizzle-orm';
import type { InitialPasswordRule, Role } from '../../../common/enums.js';
import { canonicalIdNumber } from '../../../common/id-number.js';
import type { LoginBody, ChangePasswordBody, Me } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/client.js';
import { accounts } from '../../db/schema/index.js';
import type { Actor } from '../../auth/access.js';
import { consumeCaptcha } from '../../auth/captcha.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { createSession, deleteAccountSessions, deleteSession, setSessionRole, type SessionAccount } from '../../auth/sessions.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, forbidden, unauthorized } from '../../lib/errors.js';
import type { Pii } from '../../lib/pii.js';
import { loadAccountById, loadOrganizationAccount, loadPhysicianAccount, type AccountContext, type AccountIdentity } from '../accounts/repository.js';
import { isAssessorInCurrentCycle } from '../cycles/service.js';
import { requirePasswordChangeCode } from './password-sms.js';

export interface AuthDeps {
  db: Database;
  pii: Pii;
  captchaEnabled: boolean;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
  captchaId: string | undefined;
}

function lockMessage(until: Date): string {
  const time = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return `账号已锁定，请于${time}后再试，或联系上级单位解锁`;
}

export function actorOf(ctx: AccountIdentity, role: Role): Actor {
  return { accountId: ctx.id, kind: ctx.kind, role, orgId: ctx.orgId, regionCode: ctx.regionCode, provinceCode: ctx.provinceCode };
}

/** `known`: the 考核机构 standing when the caller already read it (the session lookup does), else it is queried. */
async function switchableTo(db: Database, ctx: AccountIdentity, role: Role, known?: boolean): Promise<Me['switchableTo']> {
  if (ctx.kind !== 'institution') return null;
  if (role === 'assessor') return 'institution';
  return (known ?? (await isAssessorInCurrentCycle(db, ctx.orgId, ctx.provinceCode))) ? 'assessor' : null;
}

export async function describeMe(db: Database, ctx: AccountIdentity & { initialPasswordRule: InitialPasswordRule }, role: Role, assessorInCurrentCycle?: boolean): Promise<Me> {
  return {
    accountId: ctx.id,
    account: ctx.kind === 'physician' ? (ctx.physicianIdNumberMasked ?? '') : (ctx.loginName ?? ''),
    kind: ctx.kind,
    role,
    displayName: ctx.displayName,
    organization: ctx.organization,
    mustChangePassword: ctx.mustChangePassword,
    switchableTo: await switchableTo(db, ctx, role, assessorInCurrentCycle),
    initialPasswordRule: ctx.initialPasswordRule,
  };
}

/** The name the initial-password rule is computed from: the 机构账号, or the 18-digit 证件号码. */
function ruleAccountName(pii: Pii, ctx: AccountContext): string {
  if (ctx.kind === 'physician' && ctx.physicianIdNumberCipher) return canonicalIdNumber(pii.decrypt(ctx.physicianIdNumberCipher));
  return ctx.loginName ?? '';
}

function checkPassword(pii: Pii, ctx: AccountContext | null, password: string): Promise<boolean> {
  return verifyPassword(password, ctx && { hash: ctx.passwordHash, rule: ctx.policy.initialPasswordRule, account: ruleAccountName(pii, ctx) });
}

export const HIDDEN_MESSAGE = '您的账号已被机构隐藏，请联系机构解除隐藏';

/** The one answer to a wrong password, whatever the account: unknown, disabled, locked or about to lock. */
const wrongCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '账号或密码错误');

/**
 * Counts a wrong password in one statement, so that parallel wrong attempts cannot both read the same count.
 * A locked account is left as it is (its lock is not prolonged); reaching the policy's limit locks it.
 */
async function countFailure(db: Database, ctx: AccountContext, ip: string): Promise<void> {
  const { lockoutMaxFailures: max, lockoutMinutes } = ctx.policy;
  const restart = sql`${accounts.lockedUntil} is not null and ${accounts.lockedUntil} <= now()`;
  const [updated] = await db
    .update(accounts)
    .set({
      failedLoginCount: sql`case when ${restart} then 1 else ${accounts.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when (case when ${restart} then 1 else ${accounts.failedLoginCount} + 1 end) >= ${max}
        then now() + make_interval(mins => ${lockoutMinutes}) else null end`,
    })
    .where(and(eq(accounts.id, ctx.id), sql`(${accounts.lockedUntil} is null or ${accounts.lockedUntil} <= now())`))
    .returning({ failed: accounts.failedLoginCount, lockedUntil: accounts.lockedUntil });
  await recordAudit(db, { action: 'auth.loginFailed', targetType: 'account', targetId: ctx.id, after: updated ? { failed: updated.failed } : { locked: true }, ip });
  if (updated?.lockedUntil) {
    await recordAudit(db, { action: 'auth.locked', targetType: 'account', targetId: ctx.id, after: { lockedUntil: updated.lockedUntil }, ip });
  }
}

/**
 * A wrong password gets the same answer, at the same cost (one argon2 verification), whether the account exists,
 * is disabled or locked: only whoever knows the password learns the account's state.
 */
export async function login(deps: AuthDeps, body: LoginBody, meta: RequestMeta) {
  const { db, pii } = deps;
  if (deps.captchaEnabled && !(await consumeCaptcha(db, meta.captchaId, body.captcha))) {
    throw badRequest('验证码错误或已过期，请重新输入', { captcha: '验证码错误或已过期' });
  }
  const ctx =
    body.tab === 'physician'
      ? await loadPhysicianAccount(db, pii.idNumberHash(body.account))
      : await loadOrganizationAccount(db, body.account);

  if (!(await checkPassword(pii, ctx, body.password))) {
    if (ctx) await countFailure(db, ctx, meta.ip);
    else await recordAudit(db, { action: 'auth.loginFailed', targetType: 'account', after: { reason: 'unknownAccount', tab: body.tab }, ip: meta.ip });
    throw wrongCredentials();
  }
  if (!ctx) throw wrongCredentials(); // unreachable: nobody's password matches an unknown account
  // Told only to whoever knows the password (seed 001 FAQ 3.1), and nothing else about the account.
  if (ctx.physicianHidden) throw new AppError(403, 'ACCOUNT_HIDDEN', HIDDEN_MESSAGE);
  if (ctx.disabled) throw forbidden('账号已停用，请联系隶属卫生行政部门');
  if (ctx.lockedUntil && ctx.lockedUntil.getTime() > Date.now()) {
    throw new AppError(403, 'ACCOUNT_LOCKED', lockMessage(ctx.lockedUntil));
  }

  const role: Role = ctx.kind;
  const session = await db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(accounts.id, ctx.id));
    const created = await createSession(tx, { accountId: ctx.id, role, ip: meta.ip, userAgent: meta.userAgent });
    await recordAudit(tx, { action: 'auth.login', actor: { accountId: ctx.id, role }, targetType: 'account', targetId: ctx.id, ip: meta.ip });
    return created;
  });
  return { session, me: await describeMe(db, { ...ctx, initialPasswordRule: ctx.policy.initialPasswordRule }, role) };
}

export async function logout(db: Database, actor: Actor, tokenHash: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await recordAudit(tx, { action: 'auth.logout', actor, targetType: 'account', targetId: actor.accountId, ip });
  });
}

/** From what the session lookup read in its one query: no further query. */
export function me(db: Database, actor: Actor, account: SessionAccount): Promise<Me> {
  return describeMe(db, account, actor.role, account.assessorInCurrentCycle);
}

export async function changePassword(
  deps: Pick<AuthDeps, 'db' | 'pii'>,
  actor: Actor,
  tokenHash: string,
  body: ChangePasswordBody,
  ip: string,
): Promise<Me> {
  const { db, pii } = deps;
  const ctx = await loadAccountById(db, actor.accountId);
  if (!ctx) throw unauthorized();
  if (!(await checkPassword(pii, ctx, body.oldPassword))) throw badRequest('原密码不正确', { oldPassword: '原密码不正确' });
  if (body.oldPassword === body.newPassword) throw badRequest('新密码不能与原密码相同', { newPassword: '新密码不能与原密码相同' });
  await requirePasswordChangeCode(db, ctx, body.code);
  const hash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash: hash, mustChangePassword: false }).where(eq(accounts.id, ctx.id));
    await deleteAccountSessions(tx, ctx.id, tokenHash);
    await recordAudit(tx, { action: 'auth.passwordChanged', actor, targetType: 'account', targetId: ctx.id, ip });
  });
  return describeMe(db, { ...ctx, mustChangePassword: false, initialPasswordRule: ctx.policy.initialPasswordRule }, actor.role);
}

export async function switchRole(db: Database, actor: Actor, tokenHash: string, role: 'institution' | 'assessor', ip: string): Promise<Me> {
  const ctx = await loadAccountById(db, actor.accountId);
  if (!ctx) throw unauthorized();
  if (ctx.kind !== 'institution') throw forbidden('只有医疗卫生机构账号可以切换身份');
  if (role === 'assessor' && !(await isAssessorInCurrentCycle(db, ctx.orgId, ctx.provinceCode))) {
    throw forbidden('本机构不是本考核周期的考核机构，无法切换');
  }
  await db.transaction(async (tx) => {
    await setSessionRole(tx, tokenHash, role);
    await recordAudit(tx, { action: 'auth.roleSwitched', actor, targetType: 'account', targetId: ctx.id, before: { role: actor.role }, after: { role }, ip });
  });
  return describeMe(db, { ...ctx, initialPasswordRule: ctx.policy.initialPasswordRule }, role);
}
