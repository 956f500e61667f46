// 考核机构: 开通申请权限, 申请考核机构, 考核机构审核, 指定考核机构, 考核委员会 / 考核办公室 (seeds 000 §5, 002 §1.4, 003 §2.2.4, 004 slide 4).
import { z } from 'zod';
import { idValue } from './fields.js';
import { pageOf, pageQuerySchema } from './pagination.js';

// ── shared pieces ────────────────────────────────────────────────────────────────────────────────

export { pageOf, pageQuerySchema, pageSizes } from './pagination.js';

const optionalText = (max: number, label: string) =>
  z.string({ error: `${label}格式不正确` }).trim().max(max, `${label}不能超过${max}个字符`).optional()
    .transform((v) => (v ? v : undefined));

/** An optional query filter (the client leaves empty filters out). */
const blank = <T extends z.ZodType>(schema: T) => schema.optional();

const regionFilter = blank(z.string({ error: '区划格式不正确' }).regex(/^\d{6}$/, '区划格式不正确'));

const idListSchema = (label: string) =>
  z
    .array(idValue(`${label}格式不正确`), { error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(1000, `一次最多选择1000个${label}`);


// ── statuses ─────────────────────────────────────────────────────────────────────────────────────

export const applicationStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

/** Where an institution stands in the current cycle (the 开通申请权限 list's 申请状态). */
export const applicationStates = ['notOpened', 'opened', 'pending', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof applicationStates)[number];
export const applicationStateLabels: Record<ApplicationState, string> = {
  notOpened: '未开通',
  opened: '已开通未申请',
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};

/** The five attachment slots of 申请考核机构 (seed 004 slide 4); 1–4 are required. */
export const applicationSlots = [
  { slot: 1, label: '医师定期考核机构信息登记表', required: true },
  { slot: 2, label: '医疗机构执业许可证/中华人民共和国组织机构代码证/社会团体法人登记证书副本、复印件', required: true },
  { slot: 3, label: '拟成立的医师定期考核委员会组织架构、成员名单及个人简历', required: true },
  { slot: 4, label: '医师定期考核工作制度和具体实施方案', required: true },
  { slot: 5, label: '省级卫生行政部门规定的其他材料', required: false },
] as const;
export const applicationFileMaxMb = 10;
/** Multipart field name of a slot's file. */
export const slotField = (slot: number) => `slot${slot}`;

// ── 开通申请权限 ─────────────────────────────────────────────────────────────────────────────────

export const permissionListQuerySchema = pageQuerySchema.extend({
  name: optionalText(64, '机构名称'),
  regionCode: regionFilter,
  state: blank(z.enum(applicationStates, { error: '申请状态不正确' })),
});
export type PermissionListQuery = z.infer<typeof permissionListQuerySchema>;
export type PermissionListQueryInput = z.input<typeof permissionListQuerySchema>;

export const permissionRowSchema = z.object({
  institutionId: z.number(),
  name: z.string(),
  account: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  state: z.enum(applicationStates),
  openedAt: z.string().nullable(),
  /** Actions the actor may take on the row. */
  canOpen: z.boolean(),
});
export type PermissionRow = z.infer<typeof permissionRowSchema>;
export const permissionListSchema = pageOf(permissionRowSchema).extend({ cycle: z.object({ id: z.number(), name: z.string() }).nullable() });
export type PermissionList = z.infer<typeof permissionListSchema>;

export const openPermissionBodySchema = z.object({ institutionIds: idListSchema('机构') });
export type OpenPermissionBody = z.infer<typeof openPermissionBodySchema>;
export const openPermissionResultSchema = z.object({ opened: z.number(), alreadyOpened: z.number() });

// ── 申请考核机构 (the institution) ───────────────────────────────────────────────────────────────

export const applicationFileSchema = z.object({ id: z.string(), slot: z.number(), name: z.string(), size: z.number() });
export type ApplicationFile = z.infer<typeof applicationFileSchema>;

export const applicationSchema = z.object({
  id: z.number(),
  cycleName: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  files: z.array(applicationFileSchema),
});
export type Application = z.infer<typeof applicationSchema>;

export const myApplicationSchema = z.object({
  cycle: z.object({ id: z.number(), name: z.string() }).nullable(),
  window: z.object({ start: z.string(), end: z.string(), state: z.enum(['notStarted', 'open', 'ended']) }).nullable(),
  permissionOpened: z.boolean(),
  isAssessor: z.boolean(),
  application: applicationSchema.nullable(),
  /** Whether 提交申请 / 重新申请 is possible now, and if not, why. */
  canApply: z.boolean(),
  reason: z.string().nullable(),
});
export type MyApplication = z.infer<typeof myApplicationSchema>;

// ── 考核机构审核 (the authority) ─────────────────────────────────────────────────────────────────

export const applicationListQuerySchema = pageQuerySchema.extend({
  name: optionalText(64, '机构名称'),
  regionCode: regionFilter,
  status: blank(z.enum(applicationStatuses, { error: '审核状态不正确' })),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;
export type ApplicationListQueryInput = z.input<typeof applicationListQuerySchema>;

export const applicationRowSchema = z.object({
  id: z.number(),
  institutionId: z.number(),
  name: z.string(),
  account: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  cycleName: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  canReview: z.boolean(),
});
export type ApplicationRow = z.infer<typeof applicationRowSchema>;
export const applicationListSchema = pageOf(applicationRowSchema);
export type ApplicationList = z.infer<typeof applicationListSchema>;

export const applicationDetailSchema = applicationRowSchema.extend({
  files: z.array(applicationFileSchema),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const REJECT_REASON_MAX = 200;
export const rejectBodySchema = z.object({
  reason: z.string({ error: '请输入驳回理由' }).trim().min(1, '请输入驳回理由').max(REJECT_REASON_MAX, `驳回理由不能超过${REJECT_REASON_MAX}个字符`),
});
export type RejectBody = z.infer<typeof rejectBodySchema>;

// ── 指定考核机构 ─────────────────────────────────────────────────────────────────────────────────

export const assignmentListQuerySchema = pageQuerySchema.extend({
  name: optionalText(64, '机构名称'),
  regionCode: regionFilter,
  assigned: blank(z.enum(['yes', 'no'], { error: '是否已指定格式不正确' })),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;
export type AssignmentListQueryInput = z.input<typeof assignmentListQuerySchema>;

export const assignmentRowSchema = z.object({
  institutionId: z.number(),
  name: z.string(),
  account: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  assessor: z.object({ id: z.number(), name: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
});
export type AssignmentRow = z.infer<typeof assignmentRowSchema>;
export const assignmentListSchema = pageOf(assignmentRowSchema).extend({ cycle: z.object({ id: z.number(), name: z.string() }).nullable() });
export type AssignmentList = z.infer<typeof assignmentListSchema>;

export const assessorOptionsQuerySchema = pageQuerySchema.extend({ name: optionalText(64, '考核机构名称') });
export type AssessorOptionsQuery = z.infer<typeof assessorOptionsQuerySchema>;
export const assessorOptionSchema = z.object({ id: z.number(), name: z.string(), regionCode: z.string(), regionName: z.string(), assignedCount: z.number() });
export type AssessorOption = z.infer<typeof assessorOptionSchema>;
export const assessorOptionListSchema = pageOf(assessorOptionSchema);
export type AssessorOptionList = z.infer<typeof assessorOptionListSchema>;

export const assignBodySchema = z.object({
  institutionIds: idListSchema('机构'),
  assessorId: idValue('请选择考核机构'),
});
export type AssignBody = z.infer<typeof assignBodySchema>;
export const assignResultSchema = z.object({ assigned: z.number() });

// ── 考核委员会 / 考核办公室 ──────────────────────────────────────────────────────────────────────

export const committeeBodies = ['committee', 'office'] as const;
export type CommitteeBody = (typeof committeeBodies)[number];
export const committeeBodyLabels: Record<CommitteeBody, string> = { committee: '考核委员会', office: '考核办公室' };
/** 委员会职务 in the committee, its counterpart in the office. */
export const committeeRoleLabels: Record<CommitteeBody, string> = { committee: '委员会职务', office: '办公室职务' };

/** 手机号码 (11 digits from 13–19) or 固定电话 with area code (0991-86660001, optional extension). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const committeeMemberFieldsSchema = z.object({
  name: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(32, '姓名不能超过32个字符'),
  title: optionalText(32, '职称'),
  position: optionalText(64, '职务'),
  committeeRole: optionalText(32, '委员会职务'),
  phone: z
    .string({ error: '联系电话格式不正确' })
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || PHONE_PATTERN.test(v), '联系电话格式不正确，请输入手机号码或带区号的固定电话'),
});
export type CommitteeMemberFields = z.input<typeof committeeMemberFieldsSchema>;

export const createCommitteeMemberBodySchema = committeeMemberFieldsSchema.extend({
  body: z.enum(committeeBodies, { error: '请选择考核委员会或考核办公室' }),
});
export type CreateCommitteeMemberBody = z.input<typeof createCommitteeMemberBodySchema>;

export const committeeListQuerySchema = pageQuerySchema.extend({
  body: z.enum(committeeBodies, { error: '请选择考核委员会或考核办公室' }),
});
export type CommitteeListQuery = z.infer<typeof committeeListQuerySchema>;

export const committeeMemberSchema = z.object({
  id: z.number(),
  body: z.enum(committeeBodies),
  name: z.string(),
  title: z.string().nullable(),
  position: z.string().nullable(),
  committeeRole: z.string().nullable(),
  phone: z.string().nullable(),
});
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;
export const committeeMemberListSchema = pageOf(committeeMemberSchema);
export type CommitteeMemberList = z.infer<typeof committeeMemberListSchema>;
