// 考核政策: what differs between provinces (DESIGN §1), set by the provincial authority.
import { z } from 'zod';
import { initialPasswordRules } from '../enums.js';
import { paperKinds, procedureLabels, type Procedure } from '../papers.js';

export const POLICY_LIMITS = {
  lockoutMaxFailures: { min: 3, max: 10 },
  lockoutMinutes: { min: 5, max: 1440 },
  proctoringThreshold: { min: 1, max: 99 },
  proctoringSnapshots: { min: 1, max: 10 },
  proctoringRetentionDays: { min: 30, max: 1095 },
} as const;

function intField(label: string, { min, max }: { min: number; max: number }) {
  const range = `${label}须为${min}–${max}之间的整数`;
  return z.number({ error: `请输入${label}` }).int(range).min(min, range).max(max, range);
}

function papersField(procedure: Procedure) {
  const label = `${procedureLabels[procedure]}测评试卷`;
  return z
    .array(z.enum(paperKinds, { error: `${label}只能选择医学人文·法律法规或业务水平` }), { error: `请选择${label}` })
    .min(1, `请至少选择一种${label}`);
}

export const policyFieldsSchema = z.object({
  initialPasswordRule: z.enum(initialPasswordRules, { error: '请选择初始密码规则' }),
  lockoutMaxFailures: intField('连续错误次数上限', POLICY_LIMITS.lockoutMaxFailures),
  lockoutMinutes: intField('锁定时长（分钟）', POLICY_LIMITS.lockoutMinutes),
  retakeAllowed: z.boolean({ error: '请选择是否允许补考' }),
  papersByProcedure: z.object(
    { standard: papersField('standard'), simplified: papersField('simplified') },
    { error: '请选择各程序测评试卷' },
  ),
  proctoringEnabled: z.boolean({ error: '请选择是否开启监考' }),
  proctoringThreshold: intField('人脸相似度阈值（%）', POLICY_LIMITS.proctoringThreshold),
  proctoringSnapshots: intField('考试中随机抓拍次数', POLICY_LIMITS.proctoringSnapshots),
  proctoringRetentionDays: intField('监考照片保存天数（考核周期结束后）', POLICY_LIMITS.proctoringRetentionDays),
  // The Beijing system's own rules (seeds 000 / 001), off unless the province turns them on.
  institutionReturnEnabled: z.boolean({ error: '请选择是否允许机构打回报名' }).default(false),
  physicianHidingEnabled: z.boolean({ error: '请选择是否允许机构隐藏医师' }).default(false),
  passwordChangeSmsRequired: z.boolean({ error: '请选择修改密码是否须短信验证' }).default(false),
  multiSiteEvaluationRequired: z.boolean({ error: '请选择是否所有多点执业机构均须评价' }).default(false),
});
export type PolicyFields = z.output<typeof policyFieldsSchema>;

/** 保存: the fields and the `updatedAt` the form was loaded with (null while the province still has the defaults). */
export const policyBodySchema = policyFieldsSchema.extend({
  updatedAt: z.iso.datetime({ error: '缺少版本信息，请刷新后重试' }).nullable(),
});
export type PolicyBody = z.input<typeof policyBodySchema>;

export const policySchema = policyFieldsSchema.extend({
  provinceCode: z.string(),
  /** null: the province has not saved a policy yet and the defaults apply. */
  updatedAt: z.string().nullable(),
  /** Only the provincial authority edits; others see the values. */
  canEdit: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;

/** The 考核政策 options that change what institutions and physicians see (menus, buttons, the 修改密码 form). */
export const policyRulesSchema = policyFieldsSchema.pick({
  institutionReturnEnabled: true,
  physicianHidingEnabled: true,
  passwordChangeSmsRequired: true,
  multiSiteEvaluationRequired: true,
});
export type PolicyRules = z.infer<typeof policyRulesSchema>;
