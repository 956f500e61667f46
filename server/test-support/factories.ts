// Async factories: each test builds the data it needs (after Outline's buildUser({ teamId })).
import { residentIdCheckChar, maskIdNumber } from '../../common/id-number.js';
import type { InitialPasswordRule } from '../../common/enums.js';
import type { Database } from '../db/client.js';
import { accounts, assessorAssignments, assessors, authorities, cycles, institutions, physicians, policies } from '../db/schema/index.js';
import { demoCycle } from '../db/seed/demo.js';
import { hashPassword } from '../auth/passwords.js';
import type { Pii } from '../lib/pii.js';

export const TEST_PASSWORD = 'Test@2026x';
let sequence = 0;
const next = () => ++sequence;
let cachedHash: Promise<string> | null = null;
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

/** A valid 18-digit 身份证 number, different for each call unless `seq` is given. */
export function residentId(seq?: number, birth = '19800101'): string {
  // Numbers from the counter take an area code explicit ones never use: files share a worker (isolate: false), so the
  // counter runs on from file to file and would otherwise reach a test's own `residentId(n)` sooner or later.
  const area = seq === undefined ? '430121' : '430102';
  const first17 = `${area}${birth}${String((seq ?? next()) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** `initialPassword: true` leaves the province's initial password in force (must change at first login). */
interface AccountOptions {
  initialPassword?: boolean;
}

async function accountFields(options: AccountOptions) {
  return options.initialPassword
    ? { passwordHash: null, mustChangePassword: true }
    : { passwordHash: await testHash(), mustChangePassword: false };
}

export async function buildPolicy(db: Database, provinceCode: string, rule: InitialPasswordRule = 'fixed666666') {
  await db.insert(policies).values({ provinceCode, initialPasswordRule: rule }).onConflictDoUpdate({ target: policies.provinceCode, set: { initialPasswordRule: rule } });
}

export async function buildAuthority(db: Database, input: { regionCode: string; account?: string } & AccountOptions) {
  const n = next();
  const [authority] = await db.insert(authorities).values({ name: `测试卫生健康委${n}`, regionCode: input.regionCode }).returning();
  const [account] = await db
    .insert(accounts)
    .values({ kind: 'authority', loginName: input.account ?? `wjw_t${n}`, authorityId: authority.id, ...(await accountFields(input)) })
    .returning();
  return { authority, account, loginName: account.loginName! };
}

export async function buildInstitution(db: Database, input: { authorityId: number; regionCode: string; account?: string } & AccountOptions) {
  const n = next();
  const [institution] = await db
    .insert(institutions)
    .values({ name: `测试医院${n}`, authorityId: input.authorityId, regionCode: input.regionCode, type: 'medical', level: 'level2', grade: 'gradeA' })
    .returning();
  const [account] = await db
    .insert(accounts)
    .values({ kind: 'institution', loginName: input.account ?? `JG_T${n}`, institutionId: institution.id, ...(await accountFields(input)) })
    .returning();
  return { institution, account, loginName: account.loginName! };
}

export async function buildPhysician(db: Database, pii: Pii, input: { institutionId: number; idNumber?: string; name?: string } & AccountOptions) {
  const idNumber = input.idNumber ?? residentId();
  const [physician] = await db
    .insert(physicians)
    .values({
      institutionId: input.institutionId,
      name: input.name ?? `测试医师${next()}`,
      sex: Number(idNumber[16]) % 2 ? 'male' : 'female',
      idType: 'resident',
      idNumberCipher: pii.encrypt(idNumber),
      idNumberHash: pii.idNumberHash(idNumber),
      idNumberTailHash: pii.idNumberTailHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      practiceCategory: 'clinical',
      practiceScope: '内科专业',
      physicianLevel: 'physician',
      licenseNumber: `110${next()}`,
      qualificationNumber: `2010${next()}`,
    })
    .returning();
  const [account] = await db.insert(accounts).values({ kind: 'physician', physicianId: physician.id, ...(await accountFields(input)) }).returning();
  return { physician, account, idNumber };
}

export async function buildCycle(db: Database, provinceCode: string) {
  const [cycle] = await db.insert(cycles).values({ ...demoCycle(), provinceCode }).returning();
  return cycle;
}

/** Approves an institution as 考核机构 for the cycle and assigns it to the given institutions. */
export async function buildAssessor(db: Database, cycleId: number, assessorId: number, assignedTo: number[] = []) {
  await db.insert(assessors).values({ cycleId, institutionId: assessorId });
  if (assignedTo.length) {
    await db.insert(assessorAssignments).values(assignedTo.map((institutionId) => ({ cycleId, institutionId, assignedAssessorId: assessorId })));
  }
}
