// Loads an account with everything that defines who it is: organisation, region, province policy.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AccountKind, InitialPasswordRule } from '../../../common/enums.js';
import { provinceCodeOf, regionPath } from '../../../common/regions.js';
import type { Database } from '../../db/client.js';
import { accounts, authorities, institutions, physicians } from '../../db/schema/index.js';
import { loginPolicy } from '../policies/repository.js';

export interface PolicyView {
  initialPasswordRule: InitialPasswordRule;
  lockoutMaxFailures: number;
  lockoutMinutes: number;
}

export interface AccountContext {
  id: number;
  kind: AccountKind;
  loginName: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  disabled: boolean;
  /** authority id, institution id or physician id. */
  orgId: number;
  displayName: string;
  organization: { id: number; kind: 'authority' | 'institution'; name: string; regionCode: string; regionName: string };
  regionCode: string;
  provinceCode: string;
  physicianIdNumberMasked: string | null;
  physicianIdNumberCipher: string | null;
  policy: PolicyView;
}

/** The province's 考核政策 as login needs it (what the provincial authority set under 考核政策, or the defaults). */
export function policyFor(db: Database, provinceCode: string): Promise<PolicyView> {
  return loginPolicy(db, provinceCode);
}

async function loadWhere(db: Database, where: SQL): Promise<AccountContext | null> {
  const [row] = await db
    .select({
      account: accounts,
      authority: authorities,
      institution: institutions,
      physician: { id: physicians.id, name: physicians.name, idNumberMasked: physicians.idNumberMasked, idNumberCipher: physicians.idNumberCipher },
    })
    .from(accounts)
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(physicians, eq(physicians.id, accounts.physicianId))
    .leftJoin(institutions, sql`${institutions.id} = coalesce(${accounts.institutionId}, ${physicians.institutionId})`)
    .where(where)
    .limit(1);
  if (!row) return null;
  const { account, authority, institution, physician } = row;
  const org = account.kind === 'authority' ? authority : institution;
  if (!org) return null;
  const regionCode = org.regionCode;
  const provinceCode = provinceCodeOf(regionCode);
  const orgId = account.kind === 'authority' ? authority!.id : account.kind === 'institution' ? institution!.id : physician!.id;
  return {
    id: account.id,
    kind: account.kind as AccountKind,
    loginName: account.loginName,
    passwordHash: account.passwordHash,
    mustChangePassword: account.mustChangePassword,
    failedLoginCount: account.failedLoginCount,
    lockedUntil: account.lockedUntil,
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
    provinceCode,
    physicianIdNumberMasked: physician?.idNumberMasked ?? null,
    physicianIdNumberCipher: physician?.idNumberCipher ?? null,
    policy: await policyFor(db, provinceCode),
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
