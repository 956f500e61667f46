// 医师管理 (医师列表, 新增医师, 批量导入, 调离/调入): the API's zod schemas, reused by the forms.
import dayjs from 'dayjs';
import { z } from 'zod';
import { idTypes, physicianLevels, practiceCategories, sexes, enrolmentStatuses, type IdType } from '../enums.js';
import { normalizeIdNumber } from '../id-number.js';
import { educations, ethnicities, positions, practiceScopes, titles, transferReasons } from '../physician-catalogs.js';
import { idField, idValue, optionalOneOf, optionalPastDate, optionalText, requiredText } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';

export const rosterTabs = ['unconfirmed', 'confirmed'] as const;
export type RosterTab = (typeof rosterTabs)[number];
export const rosterTabLabels: Record<RosterTab, string> = { unconfirmed: '未确认参加', confirmed: '已确认参加' };

/** What the actor may do with a roster row; the server decides, the page only shows the buttons. */
/**
 * `returnRegistration`: 退回报名, the authority's return of a submitted registration (DESIGN §3).
 * `institutionReturn` / `hide`: 打回报名 and 隐藏, the institution's where the province's 考核政策 allows them (seed 000 §6).
 */
export const rosterActions = ['enrol', 'cancel', 'view', 'resetPassword', 'delete', 'transferOut', 'returnRegistration', 'institutionReturn', 'hide'] as const;
export type RosterAction = (typeof rosterActions)[number];
export const rosterActionLabels: Record<RosterAction, string> = {
  enrol: '参加',
  cancel: '取消参加',
  view: '查看',
  resetPassword: '重置密码',
  delete: '删除',
  transferOut: '调离',
  returnRegistration: '退回报名',
  institutionReturn: '打回报名',
  hide: '隐藏',
};

/** 证件号码 in a filter: the full number (15 or 18 digits) or at least its last four characters. */
export const ID_SEARCH_MIN = 4;
export const idNumberFilter = z
  .string({ error: '证件号码格式不正确' })
  .trim()
  .max(32, '证件号码不能超过32个字符')
  .refine((v) => v === '' || v.length >= ID_SEARCH_MIN, `证件号码请输入完整号码或至少后${ID_SEARCH_MIN}位`)
  .optional()
  .transform((v) => v || undefined);

export const ageFilter = (label: string) => z.coerce.number({ error: `${label}须为0–120的整数` }).int(`${label}须为0–120的整数`).min(0, `${label}须为0–120的整数`).max(120, `${label}须为0–120的整数`).optional();
export const filterDate = (label: string) =>
  z
    .string({ error: `${label}不是有效日期` })
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).format('YYYY-MM-DD') === v), `${label}不是有效日期`)
    .optional()
    .transform((v) => v || undefined);

export const rosterFilterFields = {
  tab: z.enum(rosterTabs, { error: '列表只能为未确认参加或已确认参加' }).default('unconfirmed'),
  /** Authority only: one institution of its jurisdiction. */
  institutionId: idField('机构').optional(),
  departmentId: idField('科室').optional(),
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
  ageMin: ageFilter('年龄下限'),
  ageMax: ageFilter('年龄上限'),
  firstRegistrationFrom: filterDate('首次注册时间（开始）'),
  firstRegistrationTo: filterDate('首次注册时间（结束）'),
  practiceCategory: z.enum(practiceCategories, { error: '执业类别不正确' }).optional(),
  physicianLevel: z.enum(physicianLevels, { error: '医师级别不正确' }).optional(),
};

const rangeChecks = <T extends { ageMin?: number; ageMax?: number; firstRegistrationFrom?: string; firstRegistrationTo?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.ageMin !== undefined && v.ageMax !== undefined && v.ageMin > v.ageMax) {
    ctx.addIssue({ code: 'custom', path: ['ageMax'], message: '年龄上限不能小于下限' });
  }
  if (v.firstRegistrationFrom && v.firstRegistrationTo && v.firstRegistrationFrom > v.firstRegistrationTo) {
    ctx.addIssue({ code: 'custom', path: ['firstRegistrationTo'], message: '首次注册时间的结束日期不能早于开始日期' });
  }
};

export const rosterFiltersSchema = z.object(rosterFilterFields).superRefine(rangeChecks);
export type RosterFilters = z.output<typeof rosterFiltersSchema>;
export type RosterFiltersInput = z.input<typeof rosterFiltersSchema>;

/** The columns of the 医师列表 that sort (not 科室: across a jurisdiction it would sort every row of a province by a joined name). */
export const rosterSortFields = ['name', 'age', 'licenseDate', 'firstRegistrationDate'] as const;
export type RosterSortField = (typeof rosterSortFields)[number];

export const rosterListQuerySchema = z
  .object({
    ...rosterFilterFields,
    ...pageQueryFields,
    sortField: z.enum(rosterSortFields, { error: '排序字段不正确' }).optional(),
    sortOrder: z.enum(['ascend', 'descend'], { error: '排序方式不正确' }).optional(),
  })
  .superRefine(rangeChecks);
export type RosterListQuery = z.output<typeof rosterListQuerySchema>;

export const rosterItemSchema = z.object({
  id: z.number(),
  institutionId: z.number(),
  institutionName: z.string(),
  departmentName: z.string().nullable(),
  name: z.string(),
  age: z.number().nullable(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  physicianLevel: z.enum(physicianLevels).nullable(),
  licenseDate: z.string().nullable(),
  firstRegistrationDate: z.string().nullable(),
  /** NOT_ENROLLED also when the physician has no enrolment in the current cycle. */
  enrolmentStatus: z.enum(enrolmentStatuses),
  /** The reason of the last 取消参加, shown in 未确认参加. */
  cancelReason: z.string().nullable(),
  actions: z.array(z.enum(rosterActions)),
});
export type RosterItem = z.infer<typeof rosterItemSchema>;

export const ROSTER_COUNT_CAP = 10_000;

export const rosterListSchema = pageOf(rosterItemSchema).extend({
  /** False when the province has no current cycle: nobody can be enrolled. */
  hasCurrentCycle: z.boolean(),
  /** A jurisdiction-wide list counts only up to ROSTER_COUNT_CAP rows: `total` is then a lower bound (「10000+」). */
  totalCapped: z.boolean(),
});
export type RosterList = z.infer<typeof rosterListSchema>;

/** 参加 / 批量参加: the chosen rows, or every row of 未确认参加 the filter matches. */
export const enrolBodySchema = z
  .object({
    physicianIds: z.array(idValue('医师不正确'), { error: '请选择医师' }).max(1000, '一次最多选择1000名医师').optional(),
    filters: rosterFiltersSchema.optional(),
  })
  .refine((v) => (v.physicianIds ? v.physicianIds.length > 0 : Boolean(v.filters)), { message: '请选择医师', path: ['physicianIds'] });
export type EnrolBody = z.input<typeof enrolBodySchema>;
export const enrolResultSchema = z.object({ enrolled: z.number() });

export const REASON_MAX = 200;
export const cancelEnrolmentBodySchema = z.object({ reason: requiredText('取消原因', REASON_MAX) });
export const returnRegistrationBodySchema = z.object({ reason: requiredText('退回理由', REASON_MAX) });
export type ReturnRegistrationBody = z.input<typeof returnRegistrationBodySchema>;
/** 打回报名 (institution, before its review). */
export const institutionReturnBodySchema = z.object({ reason: requiredText('打回原因', REASON_MAX) });
/** 隐藏: why the physician cannot or need not take part in this cycle. */
export const hidePhysicianBodySchema = z.object({ reason: requiredText('隐藏原因', REASON_MAX) });

/** 医师暂存: the institution's hidden physicians. */
export const hiddenPhysiciansQuerySchema = z.object({
  ...pageQueryFields,
  name: z.string().trim().max(32, '姓名不能超过32个字符').optional().transform((v) => v || undefined),
});
export type HiddenPhysiciansQuery = z.input<typeof hiddenPhysiciansQuerySchema>;
export const hiddenPhysicianSchema = z.object({
  id: z.number(),
  name: z.string(),
  departmentName: z.string().nullable(),
  idNumberMasked: z.string(),
  practiceCategory: z.enum(practiceCategories),
  physicianLevel: z.enum(physicianLevels).nullable(),
  hiddenAt: z.string(),
  hiddenReason: z.string().nullable(),
});
export type HiddenPhysician = z.infer<typeof hiddenPhysicianSchema>;
export const hiddenPhysicianListSchema = pageOf(hiddenPhysicianSchema);
export type HiddenPhysicianList = z.infer<typeof hiddenPhysicianListSchema>;
export type CancelEnrolmentBody = z.input<typeof cancelEnrolmentBodySchema>;

export const transferOutBodySchema = z.object({
  reason: z.enum(transferReasons, { error: '请选择调离原因' }),
  detail: requiredText('具体理由', REASON_MAX),
});
export type TransferOutBody = z.input<typeof transferOutBodySchema>;

/**
 * 调入医师 查询 and 调入 both carry the full 证件号码, always in the body (a URL reaches logs): 调入 needs the
 * number the search found, not a bare id.
 */
export const transferIdNumberBodySchema = z.object({
  idNumber: z.string({ error: '请输入证件号码' }).trim().min(1, '请输入证件号码').max(32, '证件号码不能超过32个字符'),
});
export type TransferIdNumberBody = z.input<typeof transferIdNumberBodySchema>;

/** One result of 调入医师 (seed 004 slide 9). */
export const transferCandidateSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  licenseNumber: z.string(),
  /** 管辖关系: the authority of the (original) institution. */
  authorityName: z.string(),
  /** 医疗机构, or the 原单位 when transferred out. */
  institutionName: z.string(),
  transferredOut: z.boolean(),
  transferReason: z.enum(transferReasons).nullable(),
  transferDetail: z.string().nullable(),
  transferredOutAt: z.string().nullable(),
  /** Already on the actor's own roster. */
  ownRoster: z.boolean(),
  canTransferIn: z.boolean(),
});
export type TransferCandidate = z.infer<typeof transferCandidateSchema>;
export const transferSearchResultSchema = z.object({ items: z.array(transferCandidateSchema) });

// ---------------------------------------------------------------- 新增医师 (seed 004 slide 8)

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export const physicianBodySchema = z
  .object({
    name: requiredText('姓名', 64),
    sex: z.enum(sexes, { error: '请选择性别' }),
    idType: z.enum(idTypes, { error: '请选择证件类型' }),
    idNumber: requiredText('证件号码', 32),
    birthDate: optionalPastDate('出生年月'),
    education: optionalOneOf('学历', educations),
    email: z
      .string({ error: '电子邮箱格式不正确' })
      .trim()
      .max(128, '电子邮箱不能超过128个字符')
      .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确')
      .nullish()
      .transform((v) => v || null),
    ethnicity: optionalOneOf('民族', ethnicities),
    mobile: z
      .string({ error: '手机号码格式不正确' })
      .trim()
      .refine((v) => v === '' || MOBILE_PATTERN.test(v), '手机号码须为11位手机号')
      .nullish()
      .transform((v) => v || null),
    departmentId: idValue('科室不正确').nullish().transform((v) => v ?? null),
    specialty: optionalText('从事专业', 16),
    title: optionalOneOf('职称', titles),
    titleDate: optionalPastDate('职称取得时间'),
    physicianLevel: optionalOneOf('医师级别', physicianLevels),
    residentTrainee: z.boolean({ error: '规培生须为是或否' }).nullish().transform((v) => v ?? null),
    position: optionalOneOf('职务', positions),
    positionDate: optionalPastDate('职务取得时间'),
    practiceCategory: z.enum(practiceCategories, { error: '请选择执业类别' }),
    practiceScope: requiredText('执业范围', 64, '请选择'),
    licenseNumber: requiredText('执业证书编码', 32),
    licenseDate: optionalPastDate('执业证取得时间'),
    qualificationNumber: requiredText('资格证书编码', 32),
    qualificationDate: optionalPastDate('资格证取得时间'),
    firstRegistrationDate: optionalPastDate('首次注册时间'),
  })
  .superRefine((v, ctx) => {
    const id = normalizeIdNumber(v.idType as IdType, v.idNumber);
    if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.message });
    else {
      // A 身份证 carries the birth date and sex: what was typed must agree, and fills what was left empty.
      if (id.birthDate && v.birthDate && v.birthDate !== id.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `出生年月与证件号码不一致（证件号码为${id.birthDate}）` });
      }
      if (id.sex && v.sex !== id.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: '性别与证件号码不一致' });
    }
    if (!practiceScopes[v.practiceCategory]?.includes(v.practiceScope)) {
      ctx.addIssue({ code: 'custom', path: ['practiceScope'], message: `执业范围「${v.practiceScope}」不属于所选执业类别` });
    }
    if (v.titleDate && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: '填写了职称取得时间，请选择职称' });
    if (v.positionDate && !v.position) ctx.addIssue({ code: 'custom', path: ['position'], message: '填写了职务取得时间，请选择职务' });
  })
  .transform((v) => {
    const id = normalizeIdNumber(v.idType as IdType, v.idNumber);
    return id.ok ? { ...v, idNumber: id.value, birthDate: v.birthDate ?? id.birthDate ?? null } : v;
  });
export type PhysicianBody = z.input<typeof physicianBodySchema>;
export type PhysicianValues = z.output<typeof physicianBodySchema>;

export const PHYSICIAN_EXISTS = '医师已存在，请前往【调入医师】模块查询';

/** The columns of the 批量导入医师 template, in order, and the body field each fills. */
export const physicianImportColumns = [
  ['姓名', 'name', true],
  ['性别', 'sex', true],
  ['证件类型', 'idType', true],
  ['证件号码', 'idNumber', true],
  ['出生年月', 'birthDate', false],
  ['民族', 'ethnicity', false],
  ['学历', 'education', false],
  ['电子邮箱', 'email', false],
  ['手机号码', 'mobile', false],
  ['科室', 'departmentId', false],
  ['职称', 'title', false],
  ['职称取得时间', 'titleDate', false],
  ['医师级别', 'physicianLevel', false],
  ['规培生', 'residentTrainee', false],
  ['职务', 'position', false],
  ['职务取得时间', 'positionDate', false],
  ['执业类别', 'practiceCategory', true],
  ['执业范围', 'practiceScope', true],
  ['执业证书编码', 'licenseNumber', true],
  ['执业证取得时间', 'licenseDate', false],
  ['资格证书编码', 'qualificationNumber', true],
  ['资格证取得时间', 'qualificationDate', false],
  ['首次注册时间', 'firstRegistrationDate', false],
] as const satisfies readonly (readonly [string, keyof PhysicianBody, boolean])[];

// ---------------------------------------------------------------- 查看

export const physicianDetailSchema = z.object({
  id: z.number(),
  institutionId: z.number(),
  institutionName: z.string(),
  basic: z.object({
    name: z.string(),
    sex: z.enum(sexes),
    idType: z.enum(idTypes),
    idNumberMasked: z.string(),
    birthDate: z.string().nullable(),
    age: z.number().nullable(),
    ethnicity: z.string().nullable(),
    education: z.string().nullable(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    photoFileId: z.string().nullable(),
  }),
  practice: z.object({
    departmentId: z.number().nullable(),
    departmentName: z.string().nullable(),
    specialty: z.string().nullable(),
    specialtyName: z.string().nullable(),
    title: z.string().nullable(),
    titleDate: z.string().nullable(),
    position: z.string().nullable(),
    positionDate: z.string().nullable(),
    physicianLevel: z.enum(physicianLevels).nullable(),
    residentTrainee: z.boolean().nullable(),
    practiceCategory: z.enum(practiceCategories),
    practiceScope: z.string(),
    licenseNumber: z.string(),
    licenseDate: z.string().nullable(),
    qualificationNumber: z.string(),
    qualificationDate: z.string().nullable(),
    firstRegistrationDate: z.string().nullable(),
  }),
  multiSites: z.array(z.object({ institutionName: z.string(), departmentName: z.string().nullable() })),
  educations: z.array(z.object({ education: z.string(), school: z.string(), major: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
  careers: z.array(z.object({ institutionName: z.string(), title: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
  /** 考核历史: one row per cycle the physician was enrolled in, newest first. */
  history: z.array(z.object({ cycleName: z.string(), institutionName: z.string(), status: z.enum(enrolmentStatuses), result: z.enum(['passed', 'failed']).nullable() })),
  enrolmentStatus: z.enum(enrolmentStatuses),
  cancelReason: z.string().nullable(),
  actions: z.array(z.enum(rosterActions)),
});
export type PhysicianDetail = z.infer<typeof physicianDetailSchema>;
