// Reading and writing the province's 考核政策 row; a province without a row has the defaults.
import { eq, sql } from 'drizzle-orm';
import { defaultPapersByProcedure } from '../../../common/papers.js';
import { policyFieldsSchema, type PolicyFields } from '../../../common/schemas/policy.js';
import type { Database, Tx } from '../../db/client.js';
import { policies } from '../../db/schema/index.js';

export const DEFAULT_POLICY: PolicyFields = {
  initialPasswordRule: 'fixed666666',
  lockoutMaxFailures: 5,
  lockoutMinutes: 15,
  retakeAllowed: true,
  papersByProcedure: defaultPapersByProcedure,
  proctoringEnabled: false,
  proctoringThreshold: 40,
  proctoringSnapshots: 3,
  proctoringRetentionDays: 180,
  institutionReturnEnabled: false,
  physicianHidingEnabled: false,
  passwordChangeSmsRequired: false,
  multiSiteEvaluationRequired: false,
};

export interface StoredPolicy {
  fields: PolicyFields;
  /** null: no row yet, the defaults apply. */
  updatedAt: Date | null;
  /** md5 of the stored row; null without a row. */
  version: string | null;
}

type PolicyRow = typeof policies.$inferSelect;

export function policyFieldsOf(row: PolicyRow): PolicyFields {
  const candidate = {
    initialPasswordRule: row.initialPasswordRule,
    lockoutMaxFailures: row.lockoutMaxFailures,
    lockoutMinutes: row.lockoutMinutes,
    retakeAllowed: row.retakeAllowed,
    papersByProcedure: row.papersByProcedure,
    proctoringEnabled: row.proctoringEnabled,
    proctoringThreshold: row.proctoringThreshold,
    proctoringSnapshots: row.proctoringSnapshots,
    proctoringRetentionDays: row.proctoringRetentionDays,
    institutionReturnEnabled: row.institutionReturnEnabled,
    physicianHidingEnabled: row.physicianHidingEnabled,
    passwordChangeSmsRequired: row.passwordChangeSmsRequired,
    multiSiteEvaluationRequired: row.multiSiteEvaluationRequired,
  };
  // A value the form no longer offers (written by hand or by an older version) falls back to its default, field by field.
  return Object.fromEntries(
    (Object.keys(DEFAULT_POLICY) as (keyof PolicyFields)[]).map((key) => {
      const parsed = policyFieldsSchema.shape[key].safeParse(candidate[key]);
      return [key, parsed.success ? parsed.data : DEFAULT_POLICY[key]];
    }),
  ) as PolicyFields;
}

/** What tells one stored policy from another, whoever wrote it: a hash of the whole row (the session lookup reads the same). */
export const policyVersionSql = sql<string>`md5(${sql.identifier('policies')}::text)`;

export async function readPolicy(db: Database | Tx, provinceCode: string, lock = false): Promise<StoredPolicy> {
  const query = db.select({ row: policies, version: policyVersionSql }).from(policies).where(eq(policies.provinceCode, provinceCode));
  const [found] = lock ? await query.for('update') : await query;
  return found
    ? { fields: policyFieldsOf(found.row), updatedAt: found.row.updatedAt, version: found.version }
    : { fields: DEFAULT_POLICY, updatedAt: null, version: null };
}

export async function upsertPolicy(tx: Tx, provinceCode: string, fields: PolicyFields): Promise<Date> {
  const values = { ...fields, updatedAt: new Date() };
  const [row] = await tx
    .insert(policies)
    .values({ provinceCode, ...values })
    .onConflictDoUpdate({ target: policies.provinceCode, set: values })
    .returning({ updatedAt: policies.updatedAt });
  return row.updatedAt;
}
