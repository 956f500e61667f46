// 我要报名 (seed 001 §1.4, seed 004 slides 12–17): the five steps, 提交, and what the physician's home shows.
import { z } from 'zod';
import { enrolmentStatuses, physicianLevels, practiceCategories, sexes, idTypes } from '../enums.js';
import { educations, ethnicities, positions, practiceScopes, titles } from '../physician-catalogs.js';
import { idValue, optionalOneOf, optionalPastDate, optionalText, requiredText } from './fields.js';
import { scheduleWindowSchema } from './home.js';

export const registrationSteps = ['basic', 'practice', 'experience', 'conduct', 'procedure'] as const;
export type RegistrationStep = (typeof registrationSteps)[number];
export const registrationStepLabels: Record<RegistrationStep, string> = {
  basic: '基本信息',
  practice: '执业信息',
  experience: '相关经历',
  conduct: '工作成绩、职业道德',
  procedure: '考核程序',
};

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const STATEMENT_MAX = 2000;
const TEXT_MAX = 500;

const requiredDate = (label: string) =>
  optionalPastDate(label).refine((v) => v !== null, `请选择${label}`);

// ---------------------------------------------------------------- step 1 基本信息

export const basicStepSchema = z.object({
  name: requiredText('姓名', 64),
  sex: z.enum(sexes, { error: '请选择性别' }),
  birthDate: requiredDate('出生年月'),
  ethnicity: z.enum(ethnicities, { error: '请选择民族' }),
  education: z.enum(educations, { error: '请选择学历' }),
  email: z.string({ error: '请输入电子邮箱' }).trim().min(1, '请输入电子邮箱').max(128, '电子邮箱不能超过128个字符').pipe(z.email('电子邮箱格式不正确')),
  mobile: z.string({ error: '请输入手机号码' }).trim().regex(MOBILE_PATTERN, '手机号码须为11位手机号'),
});
export type BasicStep = z.output<typeof basicStepSchema>;

// ---------------------------------------------------------------- step 2 执业信息

export const practiceStatuses = ['正常执业', '暂停执业', '其他'] as const;
/** 执业证书 as two page images (纸质) or one 电子证照 (seed 004 slide 13). */
export const licenseKinds = ['paper', 'electronic'] as const;
export const licenseKindLabels = { paper: '纸质执业证书（上传两页）', electronic: '电子证照（上传一张）' } as const;

export const practiceStepSchema = z
  .object({
    departmentId: idValue('请选择科室'),
    specialty: requiredText('从事专业', 16, '请选择'),
    title: z.enum(titles, { error: '请选择职称' }),
    titleDate: optionalPastDate('职称取得时间'),
    position: optionalOneOf('职务', positions),
    positionDate: optionalPastDate('职务任职时间'),
    physicianLevel: z.enum(physicianLevels, { error: '请选择医师级别' }),
    residentTrainee: z.boolean({ error: '请选择是否规培生' }),
    practiceCategory: z.enum(practiceCategories, { error: '请选择执业类别' }),
    practiceScope: requiredText('执业范围', 64, '请选择'),
    qualificationNumber: requiredText('资格证书编码', 32),
    qualificationDate: requiredDate('资格证书取得时间'),
    licenseNumber: requiredText('执业证书编码', 32),
    licenseDate: requiredDate('执业证书取得时间'),
    practiceStatus: z.enum(practiceStatuses, { error: '请选择执业情况' }),
    licenseKind: z.enum(licenseKinds, { error: '请选择执业证书形式' }),
  })
  .superRefine((v, ctx) => {
    if (!practiceScopes[v.practiceCategory]?.includes(v.practiceScope)) {
      ctx.addIssue({ code: 'custom', path: ['practiceScope'], message: `执业范围「${v.practiceScope}」不属于所选执业类别` });
    }
    if (v.title !== '无' && !v.titleDate) ctx.addIssue({ code: 'custom', path: ['titleDate'], message: '请选择职称取得时间' });
  });
export type PracticeStep = z.output<typeof practiceStepSchema>;

/** File slots of a registration: 执业证书 pages, 电子证照, 简易程序 申请材料, 免考 材料. */
export const registrationFileSlots = { licensePage1: 1, licensePage2: 2, electronicLicense: 3, simplifiedMaterial: 11, exemptionMaterial: 21 } as const;
export type RegistrationFileSlot = keyof typeof registrationFileSlots;
export const MATERIALS_MAX = 5;

// ---------------------------------------------------------------- step 3 相关经历

const period = { startDate: requiredDate('开始时间'), endDate: optionalPastDate('结束时间') };
export const experienceStepSchema = z.object({
  multiSites: z
    .array(z.object({ institutionName: requiredText('多点执业机构', 128), departmentName: optionalText('科室', 64) }), { error: '多点执业格式不正确' })
    .max(10, '多点执业最多10条'),
  educations: z
    .array(
      z.object({ education: z.enum(['大专', '本科', '硕士研究生', '博士研究生'], { error: '请选择学历（大专及以上）' }), school: requiredText('毕业院校', 128), major: requiredText('专业', 64), ...period }),
      { error: '教育经历格式不正确' },
    )
    .max(10, '教育经历最多10条'),
  careers: z
    .array(z.object({ institutionName: requiredText('机构名称', 128), title: optionalText('职称', 32), ...period }), { error: '执业经历格式不正确' })
    .max(20, '执业经历最多20条'),
});
export type ExperienceStep = z.output<typeof experienceStepSchema>;

// ---------------------------------------------------------------- step 4 工作成绩、职业道德

/** Which 工作量 a department asks for: 手术量 for surgical departments, 检验检查量 for 医技 departments. */
export const workloadKinds = ['visits', 'surgeries', 'examinations'] as const;
export type WorkloadKind = (typeof workloadKinds)[number];
export const workloadLabels: Record<WorkloadKind, string> = { visits: '接诊人次', surgeries: '手术量', examinations: '检验检查量' };

const figure = (label: string) =>
  z.number({ error: `${label}须为非负整数` }).int(`${label}须为非负整数`).min(0, `${label}须为非负整数`).max(10_000_000, `${label}过大`).nullish().transform((v) => v ?? null);

export const conductStepSchema = z
  .object({
    hasGoodRecord: z.boolean({ error: '请选择有无良好执业行为记录' }),
    awards: optionalText('受到的表彰、奖励', TEXT_MAX),
    tasks: optionalText('完成的政府指令性任务', TEXT_MAX),
    research: optionalText('取得的科研成果', TEXT_MAX),
    hasBadRecord: z.boolean({ error: '请选择有无不良执业行为记录' }),
    badRecords: z
      .array(
        z.object({
          institutionName: requiredText('医疗卫生机构', 128),
          closedOn: requiredDate('结案时间'),
          outcome: requiredText('处理结果', 200),
          cause: requiredText('处罚事由', 200),
        }),
        { error: '不良执业行为记录格式不正确' },
      )
      .max(20, '不良执业行为记录最多20条'),
    workload: z.object({ visits: figure('接诊人次'), surgeries: figure('手术量'), examinations: figure('检验检查量') }),
    ethicsSelfAssessment: requiredText('职业道德自我评价', STATEMENT_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.hasGoodRecord && !v.awards && !v.tasks && !v.research) {
      ctx.addIssue({ code: 'custom', path: ['awards'], message: '有良好执业行为记录时，请至少填写一项表彰奖励、指令性任务或科研成果' });
    }
    if (v.hasBadRecord && v.badRecords.length === 0) ctx.addIssue({ code: 'custom', path: ['badRecords'], message: '有不良执业行为记录时，请至少添加一条' });
    if (!v.hasBadRecord && v.badRecords.length > 0) ctx.addIssue({ code: 'custom', path: ['hasBadRecord'], message: '已添加不良执业行为记录，请选择“有”' });
    if (v.workload.visits === null) ctx.addIssue({ code: 'custom', path: ['workload', 'visits'], message: '请填写接诊人次' });
  });
export type ConductStep = z.output<typeof conductStepSchema>;

// ---------------------------------------------------------------- step 5 考核程序

export const procedures = ['standard', 'simplified'] as const;
export type Procedure = (typeof procedures)[number];
export const procedureLabels: Record<Procedure, string> = { standard: '一般程序', simplified: '简易程序' };

/** 简易程序 reasons (DESIGN §3). */
export const simplifiedReasons = ['fiveYearsGood', 'twelveYearsClean', 'provincial'] as const;
export type SimplifiedReason = (typeof simplifiedReasons)[number];
export const simplifiedReasonLabels: Record<SimplifiedReason, string> = {
  fiveYearsGood: '具有5年以上执业经历，在考核周期内有良好行为记录',
  twelveYearsClean: '具有12年以上执业经历，在考核周期内没有不良行为记录',
  provincial: '省级以上卫生健康主管部门规定的其他情形',
};

/** What 免考 exempts (DESIGN §3): 简易程序 the humanities paper, 一般程序 only the proficiency paper. */
export const exemptedPaperLabel: Record<Procedure, string> = { simplified: '医学人文测评', standard: '业务水平测评' };

export const procedureStepSchema = z
  .object({
    procedure: z.enum(procedures, { error: '请选择考核程序' }),
    simplifiedReason: z.enum(simplifiedReasons, { error: '请选择简易程序申请理由' }).nullish().transform((v) => v ?? null),
    statement: z.string({ error: '个人述职格式不正确' }).trim().max(STATEMENT_MAX, `个人述职不能超过${STATEMENT_MAX}个字`).nullish().transform((v) => v || null),
    exemptionRequested: z.boolean({ error: '请选择是否申请免考' }),
    exemptionReason: optionalText('免考理由', TEXT_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.procedure === 'simplified') {
      if (!v.simplifiedReason) ctx.addIssue({ code: 'custom', path: ['simplifiedReason'], message: '请选择简易程序申请理由' });
      if (!v.statement) ctx.addIssue({ code: 'custom', path: ['statement'], message: '请填写个人述职' });
    }
    if (v.exemptionRequested && !v.exemptionReason) ctx.addIssue({ code: 'custom', path: ['exemptionReason'], message: '请填写免考理由' });
  });
export type ProcedureStep = z.output<typeof procedureStepSchema>;

export const stepSchemas = {
  basic: basicStepSchema,
  practice: practiceStepSchema,
  experience: experienceStepSchema,
  conduct: conductStepSchema,
  procedure: procedureStepSchema,
} as const;

// ---------------------------------------------------------------- what the pages read

export const exemptionStatuses = ['none', 'pendingInstitution', 'pendingAssessor', 'approved', 'rejected'] as const;
export type ExemptionStatus = (typeof exemptionStatuses)[number];
export const exemptionStatusLabels: Record<ExemptionStatus, string> = {
  none: '未申请',
  pendingInstitution: '待医疗卫生机构审核',
  pendingAssessor: '待考核机构复核',
  approved: '免考通过',
  rejected: '免考驳回',
};

/** Why 我要报名 is not possible now (seed 004 FAQ 7–8), or null when it is. */
export const registrationBlocks = ['transferredOut', 'noCycle', 'notEnrolled', 'notStarted', 'ended', 'noDepartments', 'submitted'] as const;
export type RegistrationBlock = (typeof registrationBlocks)[number];

export const registrationFileSchema = z.object({ id: z.string(), slot: z.number(), name: z.string(), size: z.number() });

/** The facts behind a 简易程序 reason, computed from the data, shown before submitting and to reviewers. */
export const simplifiedCheckSchema = z.object({
  yearsOfPractice: z.number().nullable(),
  hasGoodRecord: z.boolean().nullable(),
  hasBadRecord: z.boolean().nullable(),
  /** Whether the data supports the chosen reason; null for 省级规定的其他情形 (decided by the reviewer). */
  supported: z.boolean().nullable(),
  message: z.string(),
});
export type SimplifiedCheck = z.infer<typeof simplifiedCheckSchema>;

export const registrationSchema = z.object({
  enrolmentId: z.number(),
  status: z.enum(enrolmentStatuses),
  /** Steps saved complete (a draft saved with gaps is not one of them; the wizard resumes at the first missing one). */
  savedSteps: z.array(z.enum(registrationSteps)),
  editable: z.boolean(),
  /** The latest 驳回 reason while the registration is returned. */
  returnReason: z.string().nullable(),
  identity: z.object({ idType: z.enum(idTypes), idNumberMasked: z.string(), photoFileId: z.string().nullable() }),
  /** 首次注册时间 from the registry: the years of practice behind a 简易程序 reason. */
  firstRegistrationDate: z.string().nullable(),
  basic: z.record(z.string(), z.unknown()).nullable(),
  practice: z.record(z.string(), z.unknown()).nullable(),
  experience: z.record(z.string(), z.unknown()).nullable(),
  conduct: z.record(z.string(), z.unknown()).nullable(),
  procedure: z.record(z.string(), z.unknown()).nullable(),
  files: z.array(registrationFileSchema),
  /** 工作量 figures the 科室 asks for. */
  workloadKinds: z.array(z.enum(workloadKinds)),
  simplifiedCheck: simplifiedCheckSchema.nullable(),
  exemptionStatus: z.enum(exemptionStatuses),
  submittedAt: z.string().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** An error of 提交: the step and field it belongs to. */
export const submitProblemSchema = z.object({ step: z.enum(registrationSteps), field: z.string(), message: z.string() });
export type SubmitProblem = z.infer<typeof submitProblemSchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  label: z.string(),
  actorRole: z.string().nullable(),
  status: z.enum(enrolmentStatuses).nullable(),
  reason: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** 当前任务 on the physician's home. */
export const physicianTaskSchema = z.object({
  cycle: z.object({ id: z.number(), name: z.string(), startDate: z.string(), endDate: z.string(), windows: z.array(scheduleWindowSchema) }).nullable(),
  status: z.enum(enrolmentStatuses).nullable(),
  statusLabel: z.string(),
  institutionName: z.string(),
  canRegister: z.boolean(),
  block: z.enum(registrationBlocks).nullable(),
  /** Why not, and whom to contact, in the words of seed 004 FAQ 7. */
  blockMessage: z.string().nullable(),
  returnReason: z.string().nullable(),
  exemptionStatus: z.enum(exemptionStatuses),
  timeline: z.array(timelineEntrySchema),
});
export type PhysicianTask = z.infer<typeof physicianTaskSchema>;

export { practiceCategories };
