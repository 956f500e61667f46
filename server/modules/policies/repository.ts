// Reading and writing the province's 考核政策 row; a province without a row has the defaults.
import { eq } from 'drizzle-orm';
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
};

export interface StoredPolicy {
  fields: PolicyFields;
  /** null: no row yet, the defaults apply. */
  updatedAt: Date | null;
}

type PolicyRow = typeof policies.$inferSelect;

function fieldsOf(row: PolicyRow): PolicyFields {
  const candidate = {
    initialPasswordRule: row.initialPasswordRule,
    lockoutMaxFailures: row.lockoutMaxFailures,
    lockoutMinutes: row.lockoutMinutes,
    retakeAllowed: row.retakeAllowed,
    papersByProcedure: row.papersByProcedure,
    proctoringEnabled: row.proctoringEnabled,
    proctoringThreshold: row.proctoringThreshold,
  };
  // A value the form no longer offers (written by hand or by an older version) falls back to its default, field by field.
  return Object.fromEntries(
    (Object.keys(DEFAULT_POLICY) as (keyof PolicyFields)[]).map((key) => {
      const parsed = policyFieldsSchema.shape[key].safeParse(candidate[key]);
      return [key, parsed.success ? parsed.data : DEFAULT_POLICY[key]];
    }),
  ) as PolicyFields;
}

export async function readPolicy(db: Database | Tx, provinceCode: string, lock = false): Promise<StoredPolicy> {
  const query = db.select().from(policies).where(eq(policies.provinceCode, provinceCode));
  const [row] = lock ? await query.for('update') : await query;
  return row ? { fields: fieldsOf(row), updatedAt: row.updatedAt } : { fields: DEFAULT_POLICY, updatedAt: null };
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

/** What login needs of the policy: the initial-password rule and the lockout limits. */
export async function loginPolicy(db: Database, provinceCode: string): Promise<Pick<PolicyFields, 'initialPasswordRule' | 'lockoutMaxFailures' | 'lockoutMinutes'>> {
  const { fields } = await readPolicy(db, provinceCode);
  return { initialPasswordRule: fields.initialPasswordRule, lockoutMaxFailures: fields.lockoutMaxFailures, lockoutMinutes: fields.lockoutMinutes };
}
