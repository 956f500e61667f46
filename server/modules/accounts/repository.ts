// Loads an account with everything that defines who it is: organisation, region, province policy.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AccountKind, InitialPasswordRule } from '../../../common/enums.js';
import { provinceCodeOf, regionPath } from '../../../common/regions.js';
import type { Database } from '../../db/client.js';
import { accounts, authorities, institutions, physicians, policies } from '../../db/schema/index.js';
import { DEFAULT_POLICY, policyFieldsOf } from '../policies/repository.js';

export interface PolicyView {
  initialPasswordRule: InitialPasswordRule;
  lockoutMaxFailures: number;
  lockoutMinutes: number;
  /** 修改密码 asks for an SMS code to the bound phone (考核政策). */
  passwordChangeSmsRequired: boolean;
}

/** Who an account is: what every authenticated request needs (the session lookup loads it in the same query). */
export interface AccountIdentity {
  id: number;
  kind: AccountKind;
  loginName: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  /** authority id, institution id or physician id. */
  orgId: number;
  displayName: string;
  organization: { id: number; kind: 'authority' | 'institution'; name: string; regionCode: string; regionName: string };
  regionCode: string;
  provinceCode: string;
  physicianIdNumberMasked: string | null;
}

export interface AccountContext extends AccountIdentity {
  passwordHash: string | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
  physicianIdNumberCipher: string | null;
  /** 隐藏 by the institution (医师暂存): the physician cannot log in. */
  physicianHidden: boolean;
  /** The bound phone (账户设置), where SMS codes go. */
  boundPhone: string | null;
  policy: PolicyView;
}

interface IdentityParts {
  account: { id: number; kind: string; loginName: string | null; mustChangePassword: boolean; disabled: boolean };
  authority: { id: number; name: string; regionCode: string } | null;
  institution: { id: number; name: string; regionCode: string } | null;
  physician: { id: number; name: string; idNumberMasked: string | null } | null;
}

/** The identity from an account row and its joined organisation; null when the organisation is missing. */
export function identityOf({ account, authority, institution, physician }: IdentityParts): AccountIdentity | null {
  const org = account.kind === 'authority' ? authority : institution;
  if (!org || (account.kind === 'physician' && !physician)) return null;
  const regionCode = org.regionCode;
  const orgId = account.kind === 'authority' ? authority!.id : account.kind === 'institution' ? institution!.id : physician!.id;
  return {
    id: account.id,
    kind: account.kind as AccountKind,
    loginName: account.loginName,
    mustChangePassword: account.mustChangePassword,
    disabled: account.disabled,
    orgId,
    displayName: account.kind === 'physician' ? physician!.name : org.name,
    organization: {
      id: org.id,
      kind: account.kind === 'authority' ? 'authority' : 'institution',
      name: org.name,
      regionCode,
      regionName: regionPath(regionCode).join(' '),
    },
    regionCode,
    provinceCode: provinceCodeOf(regionCode),
    physicianIdNumberMasked: physician?.idNumberMasked ?? null,
  };
}

// The province's policy row is joined in the same statement (login reads it fresh; no second query).
async function loadWhere(db: Database, where: SQL): Promise<AccountContext | null> {
  const [row] = await db
    .select({
      account: accounts,
      authority: { id: authorities.id, name: authorities.name, regionCode: authorities.regionCode },
      institution: { id: institutions.id, name: institutions.name, regionCode: institutions.regionCode },
      physician: { id: physicians.id, name: physicians.name, idNumberMasked: physicians.idNumberMasked, idNumberCipher: physicians.idNumberCipher, hiddenAt: physicians.hiddenAt },
      policy: policies,
    })
    .from(accounts)
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(physicians, eq(physicians.id, accounts.physicianId))
    .leftJoin(institutions, sql`${institutions.id} = coalesce(${accounts.institutionId}, ${physicians.institutionId})`)
    .leftJoin(
      policies,
      sql`${policies.provinceCode} = left(coalesce(${authorities.regionCode}, ${institutions.regionCode}), 2) || '0000'`,
    )
    .where(where)
    .limit(1);
  if (!row) return null;
  const identity = identityOf(row);
  if (!identity) return null;
  const { initialPasswordRule, lockoutMaxFailures, lockoutMinutes, passwordChangeSmsRequired } = row.policy ? policyFieldsOf(row.policy) : DEFAULT_POLICY;
  return {
    ...identity,
    passwordHash: row.account.passwordHash,
    failedLoginCount: row.account.failedLoginCount,
    lockedUntil: row.account.lockedUntil,
    physicianIdNumberCipher: row.physician?.idNumberCipher ?? null,
    physicianHidden: Boolean(row.physician?.hiddenAt),
    boundPhone: row.account.boundPhone ?? null,
    policy: { initialPasswordRule, lockoutMaxFailures, lockoutMinutes, passwordChangeSmsRequired },
  };
}

export const loadAccountById = (db: Database, id: number) => loadWhere(db, eq(accounts.id, id));

export const loadOrganizationAccount = (db: Database, loginName: string) =>
  loadWhere(
    db,
    and(sql`lower(${accounts.loginName}) = lower(${loginName})`, inArray(accounts.kind, ['authority', 'institution']))!,
  );

export const loadPhysicianAccount = (db: Database, idNumberHash: string) =>
  loadWhere(db, and(eq(physicians.idNumberHash, idNumberHash), eq(accounts.kind, 'physician'))!);
