// Creates an authority and its account: the first provincial account of a real deployment (CLI).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { passwordProblem } from '../../../common/password.js';
import { regionCatalog } from '../../../common/regions.js';
import type { Database } from '../../db/client.js';
import { accounts, authorities } from '../../db/schema/index.js';
import { hashPassword } from '../../auth/passwords.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict } from '../../lib/errors.js';

/** A random password that meets the password rule; the account must change it at first login. */
function generatePassword(): string {
  for (;;) {
    const candidate = `${crypto.randomBytes(9).toString('base64url')}#7a`;
    if (!passwordProblem(candidate)) return candidate;
  }
}

export async function createAuthority(db: Database, input: { regionCode: string; name: string; account: string }) {
  if (!regionCatalog.some((r) => r.code === input.regionCode)) throw badRequest(`行政区划代码 ${input.regionCode} 不存在`);
  if (!/^[A-Za-z0-9_]{4,32}$/.test(input.account)) throw badRequest('账号应为4至32位字母、数字或下划线');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.loginName}) = lower(${input.account})`);
    if (taken) throw conflict(`账号 ${input.account} 已存在`);
    const [existing] = await tx.select({ id: authorities.id }).from(authorities).where(sql`${authorities.regionCode} = ${input.regionCode}`);
    if (existing) throw conflict(`行政区划 ${input.regionCode} 已有卫生行政部门`);
    const [authority] = await tx.insert(authorities).values({ name: input.name, regionCode: input.regionCode }).returning();
    const [account] = await tx
      .insert(accounts)
      .values({ kind: 'authority', loginName: input.account, authorityId: authority.id, passwordHash, mustChangePassword: true })
      .returning({ id: accounts.id });
    await recordAudit(tx, { action: 'authority.created', targetType: 'account', targetId: account.id, after: { name: input.name, regionCode: input.regionCode, account: input.account } });
  });
  return { password };
}
