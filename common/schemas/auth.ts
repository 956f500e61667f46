import { z } from 'zod';
import { accountKinds, initialPasswordRules, roles } from '../enums.js';
import { passwordProblem } from '../password.js';

export const loginTabs = ['physician', 'organization'] as const;
export type LoginTab = (typeof loginTabs)[number];

export const loginBodySchema = z.object({
  tab: z.enum(loginTabs, { error: '请选择登录类型（医师或机构）' }).default('organization'),
  account: z.string({ error: '请输入账号' }).trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长'),
  captcha: z.string({ error: '请输入验证码' }).trim().max(10, '验证码过长').default(''),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const newPasswordSchema = z
  .string({ error: '请输入新密码' })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const changePasswordBodySchema = z.object({
  oldPassword: z.string({ error: '请输入原密码' }).min(1, '请输入原密码'),
  newPassword: newPasswordSchema,
  /** The SMS code sent to the bound phone, where the 考核政策 asks for one (seed 001 §1.6). */
  code: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: '短信验证码为6位数字' }).trim().regex(/^\d{6}$/, '短信验证码为6位数字').optional(),
  ),
});

/** What 修改密码 asks of this account: an SMS code to the bound phone (masked) where the 考核政策 says so. */
export const passwordChangeRequirementsSchema = z.object({
  smsCodeRequired: z.boolean(),
  phoneMasked: z.string().nullable(),
});
export type PasswordChangeRequirements = z.infer<typeof passwordChangeRequirementsSchema>;
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const switchRoleBodySchema = z.object({
  role: z.enum(['institution', 'assessor'], { error: '只能切换为医疗卫生机构或考核机构' }),
});

export const organizationSchema = z.object({
  id: z.number(),
  kind: z.enum(['authority', 'institution']),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});

export const meSchema = z.object({
  accountId: z.number(),
  account: z.string(),
  kind: z.enum(accountKinds),
  role: z.enum(roles),
  displayName: z.string(),
  organization: organizationSchema.nullable(),
  mustChangePassword: z.boolean(),
  /** The role this session may switch to (切换), if any. */
  switchableTo: z.enum(['institution', 'assessor']).nullable(),
  /** The province's initial-password rule, so that 重置密码 and 新增机构 can say what the password is. */
  initialPasswordRule: z.enum(initialPasswordRules),
});
export type Me = z.infer<typeof meSchema>;
