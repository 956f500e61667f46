// 医师信息修改申请 (seed 003 home tile 医师信息 修改申请): the physician asks for a change of 科室, 从事专业 or other
// registry fields with a reason; their institution approves (the change is applied) or rejects with a reason.
import { z } from 'zod';
import { physicianLevels, practiceCategories } from '../enums.js';
import { educations, positions, titles } from '../physician-catalogs.js';
import { dateField, idValue, requiredText, todayCached } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';

export const CHANGE_REASON_MAX = 200;
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** The registry fields a physician may ask to change, in the order the form shows them, with their labels. */
export const changeFieldLabels = {
  departmentId: '科室',
  specialty: '从事专业',
  title: '职称',
  titleDate: '职称取得时间',
  position: '职务',
  positionDate: '职务取得时间',
  physicianLevel: '医师级别',
  practiceScope: '执业范围',
  education: '学历',
  mobile: '手机号码',
  email: '电子邮箱',
} as const;
export type ChangeField = keyof typeof changeFieldLabels;
export const changeFields = Object.keys(changeFieldLabels) as ChangeField[];

const pastDate = (label: string) => dateField(label).refine((v) => v <= todayCached(), `${label}不能晚于今天`);

/** Each field present is the value asked for; a field left out stays as it is. */
export const changeValuesSchema = z.object(
  {
    departmentId: idValue('请选择科室').optional(),
    specialty: requiredText('从事专业', 16, '请选择').optional(),
    title: z.enum(titles, { error: '请选择职称' }).optional(),
    titleDate: pastDate('职称取得时间').optional(),
    position: z.enum(positions, { error: '请选择职务' }).optional(),
    positionDate: pastDate('职务取得时间').optional(),
    physicianLevel: z.enum(physicianLevels, { error: '请选择医师级别' }).optional(),
    practiceScope: requiredText('执业范围', 64, '请选择').optional(),
    education: z.enum(educations, { error: '请选择学历' }).optional(),
    mobile: z.string({ error: '请输入手机号码' }).trim().regex(MOBILE_PATTERN, '手机号码须为11位手机号').optional(),
    email: z.string({ error: '请输入电子邮箱' }).trim().min(1, '请输入电子邮箱').max(128, '电子邮箱不能超过128个字符').pipe(z.email('电子邮箱格式不正确')).optional(),
  },
  { error: '请填写要修改的信息' },
);
export type ChangeValues = z.output<typeof changeValuesSchema>;

export const NOTHING_TO_CHANGE = '请至少修改一项信息';

export const changeRequestBodySchema = z.object({
  changes: changeValuesSchema.refine((v) => Object.values(v).some((value) => value !== undefined), NOTHING_TO_CHANGE),
  reason: requiredText('申请理由', CHANGE_REASON_MAX),
});
export type ChangeRequestBody = z.input<typeof changeRequestBodySchema>;

export const changeRequestRejectBodySchema = z.object({ reason: requiredText('驳回理由', CHANGE_REASON_MAX) });
export type ChangeRequestRejectBody = z.input<typeof changeRequestRejectBodySchema>;

export const changeRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];
export const changeRequestStatusLabels: Record<ChangeRequestStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

/** One field of a request as people read it: the words of the old and the asked value. */
export const changeLineSchema = z.object({
  field: z.enum(changeFields as [ChangeField, ...ChangeField[]]),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ChangeLine = z.infer<typeof changeLineSchema>;

export const changeRequestActions = ['approve', 'reject'] as const;
export type ChangeRequestAction = (typeof changeRequestActions)[number];

export const changeRequestItemSchema = z.object({
  id: z.number(),
  physicianId: z.number(),
  physicianName: z.string(),
  idNumberMasked: z.string(),
  /** The physician's 科室 now. */
  departmentName: z.string().nullable(),
  /** The 科室 asked for; null when the request does not change it. */
  requestedDepartmentName: z.string().nullable(),
  changes: z.array(changeLineSchema),
  reason: z.string(),
  status: z.enum(changeRequestStatuses),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** What the caller may do with it; the client only hides buttons. */
  actions: z.array(z.enum(changeRequestActions)),
});
export type ChangeRequestItem = z.infer<typeof changeRequestItemSchema>;

export const changeRequestListQuerySchema = z.object({
  status: z
    .union([z.enum(changeRequestStatuses), z.literal('')], { error: '审核状态只能为待审核、已通过或已驳回' })
    .optional()
    .transform((v) => v || undefined),
  ...pageQueryFields,
});
export type ChangeRequestListQuery = z.input<typeof changeRequestListQuerySchema>;

export const changeRequestListSchema = pageOf(changeRequestItemSchema);
export type ChangeRequestList = z.infer<typeof changeRequestListSchema>;

/** The physician's own page: what is recorded now (the form starts from it), whether they may ask, and their requests. */
export const myChangeRequestsSchema = z.object({
  institutionName: z.string(),
  practiceCategory: z.enum(practiceCategories),
  current: z.object({
    departmentId: z.number().nullable(),
    departmentName: z.string().nullable(),
    specialty: z.string().nullable(),
    title: z.string().nullable(),
    titleDate: z.string().nullable(),
    position: z.string().nullable(),
    positionDate: z.string().nullable(),
    physicianLevel: z.enum(physicianLevels).nullable(),
    practiceScope: z.string(),
    education: z.string().nullable(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
  }),
  canRequest: z.boolean(),
  /** Why not (调离, a request still pending); null when they may. */
  blockedReason: z.string().nullable(),
  items: z.array(changeRequestItemSchema),
});
export type MyChangeRequests = z.infer<typeof myChangeRequestsSchema>;
