// 机构账号 (authority) and 本机构信息 (institution): the API's zod schemas, reused by the forms.
import { z } from 'zod';
import { optionalText, requiredText } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { institutionGrades, institutionLevels, institutionTypes } from '../enums.js';

/** 机构账号: 4–32 letters, digits or underscores (unique regardless of case). */
export const INSTITUTION_ACCOUNT_PATTERN = /^[A-Za-z0-9_]{4,32}$/;
/** An 11-digit mainland mobile number. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** A landline such as 0991-86660002 (area code, number, optional extension). */
export const LANDLINE_PATTERN = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
export const REGION_CODE_PATTERN = /^\d{6}$/;

export const accountStatuses = ['normal', 'disabled', 'locked'] as const;
export type AccountStatus = (typeof accountStatuses)[number];
export const accountStatusLabels: Record<AccountStatus, string> = { normal: '正常', disabled: '停用', locked: '锁定' };

export const yesNo = ['yes', 'no'] as const;
export { pageSizes } from './pagination.js';

const mobileRequired = z
  .string({ error: '请输入手机号码' })
  .trim()
  .min(1, '请输入手机号码')
  .regex(MOBILE_PATTERN, '手机号码须为11位手机号');

const mobileOptional = z
  .string({ error: '手机号码格式不正确' })
  .trim()
  .refine((v) => v === '' || MOBILE_PATTERN.test(v), '手机号码须为11位手机号')
  .nullish()
  .transform((v) => v || null);

const contactPhone = z
  .string({ error: '联系电话格式不正确' })
  .trim()
  .refine((v) => v === '' || LANDLINE_PATTERN.test(v) || MOBILE_PATTERN.test(v), '联系电话须为固定电话（如0991-86660002）或手机号')
  .nullish()
  .transform((v) => v || null);

const regionCode = (label: string) =>
  z.string({ error: `请选择${label}` }).trim().regex(REGION_CODE_PATTERN, `请选择${label}`);

const count = (label: string) =>
  z
    .number({ error: `${label}须为非负整数` })
    .int(`${label}须为非负整数`)
    .min(0, `${label}须为非负整数`)
    .max(1_000_000, `${label}不能超过1000000`)
    .nullish()
    .transform((v) => v ?? 0);

const institutionType = z.enum(institutionTypes, { error: '请选择机构类型' });
const institutionLevel = z.enum(institutionLevels, { error: '请选择机构级别' });
const institutionGrade = z.enum(institutionGrades, { error: '请选择机构等次' });

// ---------------------------------------------------------------- 机构账号 (authority)

const listFilters = {
  regionCode: regionCode('区划').optional(),
  name: z.string({ error: '名称格式不正确' }).trim().max(128, '名称不能超过128个字符').optional(),
  type: z.enum(institutionTypes, { error: '机构类型不正确' }).optional(),
  level: z.enum(institutionLevels, { error: '机构级别不正确' }).optional(),
  /** 考核机构身份: approved as 考核机构 in the current cycle. */
  isAssessor: z.enum(yesNo, { error: '考核机构身份不正确' }).optional(),
  /** 是否已指定考核机构 in the current cycle. */
  hasAssessor: z.enum(yesNo, { error: '是否已指定考核机构不正确' }).optional(),
  accountStatus: z.enum(accountStatuses, { error: '账号状态不正确' }).optional(),
};

export const institutionExportQuerySchema = z.object(listFilters);
export type InstitutionFilters = z.infer<typeof institutionExportQuerySchema>;

export const institutionSortFields = ['name', 'account', 'regionCode', 'createdAt'] as const;
export type InstitutionSortField = (typeof institutionSortFields)[number];

export const institutionListQuerySchema = z.object({
  ...listFilters,
  ...pageQueryFields,
  sortField: z.enum(institutionSortFields, { error: '排序字段不正确' }).optional(),
  sortOrder: z.enum(['ascend', 'descend'], { error: '排序方式不正确' }).optional(),
});
export type InstitutionListQuery = z.output<typeof institutionListQuerySchema>;

export const institutionListItemSchema = z.object({
  id: z.number(),
  accountId: z.number().nullable(),
  name: z.string(),
  account: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  /** 管辖关系: the authority's name. */
  authorityName: z.string(),
  type: z.enum(institutionTypes),
  level: z.enum(institutionLevels),
  grade: z.enum(institutionGrades),
  isAssessor: z.boolean(),
  assignedAssessorName: z.string().nullable(),
  accountStatus: z.enum(accountStatuses),
});
export type InstitutionListItem = z.infer<typeof institutionListItemSchema>;

export const institutionListSchema = pageOf(institutionListItemSchema);
export type InstitutionList = z.infer<typeof institutionListSchema>;

/** 新增机构. */
export const createInstitutionBodySchema = z.object({
  name: requiredText('机构名称', 128),
  account: z
    .string({ error: '请输入机构账号' })
    .trim()
    .min(1, '请输入机构账号')
    .regex(INSTITUTION_ACCOUNT_PATTERN, '机构账号须为4–32位字母、数字或下划线'),
  regionCode: regionCode('区划'),
  type: institutionType,
  level: institutionLevel,
  grade: institutionGrade,
  contactPerson: optionalText('联系人', 64),
  mobile: mobileOptional,
});
export type CreateInstitutionBody = z.input<typeof createInstitutionBodySchema>;

/** The columns of the 批量导入 template, in order, and the body field each fills. */
export const importColumns = [
  ['机构名称', 'name'],
  ['机构账号', 'account'],
  ['区划代码', 'regionCode'],
  ['机构类型', 'type'],
  ['机构级别', 'level'],
  ['机构等次', 'grade'],
  ['联系人', 'contactPerson'],
  ['手机号码', 'mobile'],
] as const satisfies readonly (readonly [string, keyof CreateInstitutionBody])[];

export const importResultSchema = z.object({
  imported: z.number(),
  rejected: z.number(),
  errors: z.array(z.object({ row: z.number(), reason: z.string() })),
  /** The rejected rows with a 失败原因 column, as a base64 .xlsx; null when nothing was rejected. */
  rejectedFile: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// ---------------------------------------------------------------- 本机构信息 (institution)

export const PHYSICIAN_SUM_MESSAGE = '执业医师人数与执业助理医师人数之和不能超过医师总数';

/** 保存 of 本机构信息 (seed 004 slide 5). */
export const updateInstitutionProfileBodySchema = z
  .object({
    name: requiredText('机构名称', 128),
    regionCode: regionCode('详细地址（省/市/区）'),
    street: requiredText('详细地址（街道门牌）', 200),
    type: institutionType,
    level: institutionLevel,
    grade: institutionGrade,
    bedCount: count('核定床位数'),
    physicianTotal: count('医师总数'),
    licensedPhysicianCount: count('执业医师人数'),
    assistantPhysicianCount: count('执业助理医师人数'),
    legalRepresentative: requiredText('法人代表', 64),
    contactPerson: requiredText('联系人', 64),
    contactPhone,
    mobile: mobileRequired,
  })
  .superRefine((v, ctx) => {
    if (v.licensedPhysicianCount + v.assistantPhysicianCount > v.physicianTotal) {
      ctx.addIssue({ code: 'custom', path: ['licensedPhysicianCount'], message: PHYSICIAN_SUM_MESSAGE });
    }
  });
export type UpdateInstitutionProfileBody = z.input<typeof updateInstitutionProfileBodySchema>;

export const institutionProfileSchema = z.object({
  id: z.number(),
  name: z.string(),
  account: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  street: z.string().nullable(),
  type: z.enum(institutionTypes),
  level: z.enum(institutionLevels),
  grade: z.enum(institutionGrades),
  bedCount: z.number(),
  physicianTotal: z.number(),
  licensedPhysicianCount: z.number(),
  assistantPhysicianCount: z.number(),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  mobile: z.string().nullable(),
  /** 管辖关系: an institution's address must stay inside this authority's jurisdiction. */
  authority: z.object({ id: z.number(), name: z.string(), regionCode: z.string() }),
});
export type InstitutionProfile = z.infer<typeof institutionProfileSchema>;

/** One institution as its authority sees it (GET /institutions/:id). */
export const institutionDetailSchema = institutionProfileSchema.extend({
  accountId: z.number().nullable(),
  accountStatus: z.enum(accountStatuses),
  isAssessor: z.boolean(),
  assignedAssessorName: z.string().nullable(),
});
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;
