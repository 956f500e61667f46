// 考核政策: every authority of the province reads it; the provincial authority saves it.
import type { z } from 'zod';
import { normalizePapers } from '../../../common/papers.js';
import type { Policy, PolicyFields, PolicyRules, policyBodySchema } from '../../../common/schemas/policy.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { isProvincialAuthority, requireAuthority, requireProvincialAuthority } from '../cycles/provincial.js';
import { lockProvince } from '../cycles/repository.js';
import { cachedPolicy, forgetPolicy } from './cache.js';
import { readPolicy, upsertPolicy } from './repository.js';

type PolicyBody = z.output<typeof policyBodySchema>;

function view(provinceCode: string, fields: PolicyFields, updatedAt: Date | null, actor: Actor): Policy {
  return { ...fields, provinceCode, updatedAt: updatedAt?.toISOString() ?? null, canEdit: isProvincialAuthority(actor) };
}

export async function getPolicy(db: Database, actor: Actor): Promise<Policy> {
  requireAuthority(actor);
  const { fields, updatedAt } = await cachedPolicy(db, actor.provinceCode);
  return view(actor.provinceCode, fields, updatedAt, actor);
}

/** The options that change what an institution or physician of the province sees (any signed-in role reads them). */
export async function getPolicyRules(db: Database, actor: Actor): Promise<PolicyRules> {
  const { fields } = await cachedPolicy(db, actor.provinceCode);
  return {
    institutionReturnEnabled: fields.institutionReturnEnabled,
    physicianHidingEnabled: fields.physicianHidingEnabled,
    passwordChangeSmsRequired: fields.passwordChangeSmsRequired,
    multiSiteEvaluationRequired: fields.multiSiteEvaluationRequired,
  };
}

/** 403 unless the province's 考核政策 turns `rule` on; `what` names it, e.g. 「打回报名」. */
export async function requirePolicyRule(db: Database, actor: Actor, rule: keyof PolicyRules, what: string): Promise<void> {
  const { fields } = await cachedPolicy(db, actor.provinceCode);
  if (!fields[rule]) throw forbidden(`本省考核政策未开启${what}`);
}

/** 保存: upsert of the province's row, refused with 409 if someone saved since the form was loaded. */
export async function updatePolicy(db: Database, actor: Actor, body: PolicyBody, ip: string): Promise<Policy> {
  requireProvincialAuthority(actor, '修改考核政策');
  const { updatedAt: version, ...input } = body;
  const fields: PolicyFields = {
    ...input,
    papersByProcedure: { standard: normalizePapers(input.papersByProcedure.standard), simplified: normalizePapers(input.papersByProcedure.simplified) },
  };
  const saved = await db.transaction(async (tx) => {
    await lockProvince(tx, actor.provinceCode);
    const before = await readPolicy(tx, actor.provinceCode, true);
    const sameVersion =
      before.updatedAt === null ? version === null : version !== null && Math.abs(before.updatedAt.getTime() - Date.parse(version)) < 1;
    if (!sameVersion) throw conflict('考核政策已被他人修改，请刷新后重试');
    const updatedAt = await upsertPolicy(tx, actor.provinceCode, fields);
    await recordAudit(tx, { action: 'policy.updated', actor, targetType: 'policy', targetId: actor.provinceCode, before: before.fields, after: fields, ip });
    return view(actor.provinceCode, fields, updatedAt, actor);
  });
  forgetPolicy(db, actor.provinceCode);
  return saved;
}
