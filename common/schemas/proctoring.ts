// 监考 (seed 002 §1.9, seed 003 §2.2.9 (3), DESIGN §4): the physician's consent and snapshots during a test, and
// 监考管理 — the list by 相似度, 查看, 标记疑似 (institution), 认定作弊 / 撤销认定 (provincial authority).
import { z } from 'zod';
import { paperKinds, procedures } from '../papers.js';
import { idField, requiredText } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { idNumberFilter } from './physician.js';
import { progressScopeFields } from './assessment-progress.js';

/** What the physician is told before consenting (PIPL art. 28–30: sensitive personal information, separate consent). */
export const proctoringSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Snapshots at random moments besides the one at the start. */
  snapshots: z.number(),
  retentionDays: z.number(),
});
export type ProctoringSettings = z.infer<typeof proctoringSettingsSchema>;

export const snapshotTriggers = ['start', 'random'] as const;
export const snapshotQuerySchema = z.object({
  trigger: z.enum(snapshotTriggers, { error: '抓拍类型不正确' }),
  takenAt: z.iso.datetime({ error: '抓拍时间格式不正确' }),
});
export type SnapshotQuery = z.infer<typeof snapshotQuerySchema>;
export const SNAPSHOT_MAX_BYTES = 512 * 1024;

/** Camera problems, each with its own message on the page; the test goes on and the attempt is marked for review. */
export const cameraIssues = ['denied', 'busy', 'absent', 'lost'] as const;
export type CameraIssue = (typeof cameraIssues)[number];
export const cameraIssueLabels: Record<CameraIssue, string> = {
  denied: '未授权使用摄像头',
  busy: '摄像头被占用',
  absent: '未检测到摄像头',
  lost: '考试中摄像头断开',
};
/** What the attempt page says for each problem: what happened and what to do. */
export const cameraIssueMessages: Record<CameraIssue, string> = {
  denied: '未获得摄像头使用权限：请在浏览器地址栏左侧的权限设置中允许本网站使用摄像头，然后刷新页面。',
  busy: '摄像头正被其他程序占用：请关闭视频会议、相机等正在使用摄像头的程序，然后刷新页面。',
  absent: '未检测到摄像头：请连接摄像头后刷新页面；没有摄像头请联系所在医疗卫生机构安排现场监考。',
  lost: '考试过程中摄像头连接已断开：请检查摄像头连接，然后刷新页面。',
};
export const CAMERA_ISSUE_FOOTNOTE = '考试可继续作答，答案照常保存；本次考试将标记为待人工复核。';

/** The attempt page's plan: whether this attempt is proctored, how many random snapshots, how many already arrived. */
export const proctoringPlanSchema = z.object({ proctored: z.boolean(), snapshots: z.number(), received: z.number() });
export type ProctoringPlan = z.infer<typeof proctoringPlanSchema>;

export const cameraIssueBodySchema = z.object({ issue: z.enum(cameraIssues, { error: '摄像头问题类型不正确' }) });

/** 标记状态 无 / 疑似 / 已认定. */
export const proctoringMarks = ['none', 'suspected', 'confirmed'] as const;
export type ProctoringMark = (typeof proctoringMarks)[number];
export const proctoringMarkLabels: Record<ProctoringMark, string> = { none: '无', suspected: '疑似', confirmed: '已认定' };

/** 查看状态 未查看 / 已查看. */
export const proctoringViewStates = ['unviewed', 'viewed'] as const;
export type ProctoringViewState = (typeof proctoringViewStates)[number];
export const proctoringViewLabels: Record<ProctoringViewState, string> = { unviewed: '未查看', viewed: '已查看' };

export const snapshotOutcomes = ['matched', 'noFace', 'severalFaces', 'noReference', 'unreadable'] as const;
export type SnapshotOutcome = (typeof snapshotOutcomes)[number];
export const snapshotOutcomeLabels: Record<SnapshotOutcome, string> = {
  matched: '已比对',
  noFace: '未检测到人脸',
  severalFaces: '检测到多张人脸',
  noReference: '报名照片中未检测到人脸',
  unreadable: '照片无法识别',
};

const similarityMessage = '相似度须为1–100之间的整数';
export const proctoringFilterFields = {
  ...progressScopeFields,
  /** 相似度 below this value (%); the province's threshold when not given; 0 lists every attempt. */
  similarityBelow: z.coerce.number({ error: similarityMessage }).int(similarityMessage).min(0, similarityMessage).max(100, similarityMessage).optional(),
  mark: z.enum(proctoringMarks, { error: '标记状态不正确' }).optional(),
  viewed: z.enum(proctoringViewStates, { error: '查看状态不正确' }).optional(),
  paper: z.enum(paperKinds, { error: '试卷名称不正确' }).optional(),
  procedure: z.enum(procedures, { error: '考核程序只能为一般程序或简易程序' }).optional(),
  name: z.string({ error: '姓名格式不正确' }).trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
  idNumber: idNumberFilter,
};
export const proctoringListQuerySchema = z.object({ ...proctoringFilterFields, ...pageQueryFields });
export type ProctoringListQuery = z.output<typeof proctoringListQuerySchema>;

/** The actions the actor may take on a row (the client only hides buttons). */
export const proctoringActions = ['view', 'suspect', 'confirm', 'revoke'] as const;
export type ProctoringAction = (typeof proctoringActions)[number];

/** One row: 序号 (client), 管辖区, 医疗卫生机构, 姓名, 年龄, 证件号码, 考核程序, 试卷名称, 标记状态, 查看状态 — and 相似度. */
export const proctoringItemSchema = z.object({
  attemptId: z.number(),
  authorityName: z.string().nullable(),
  institutionName: z.string(),
  name: z.string(),
  age: z.number().nullable(),
  idNumberMasked: z.string(),
  procedure: z.enum(procedures).nullable(),
  paper: z.enum(paperKinds),
  lowestSimilarity: z.number().nullable(),
  snapshotCount: z.number(),
  cameraIssue: z.enum(cameraIssues).nullable(),
  mark: z.enum(proctoringMarks),
  viewed: z.boolean(),
  actions: z.array(z.enum(proctoringActions)),
});
export type ProctoringItem = z.infer<typeof proctoringItemSchema>;

export const proctoringListSchema = pageOf(proctoringItemSchema).extend({
  /** The province's 人脸相似度阈值: the default of the 相似度 filter. */
  threshold: z.number(),
  similarityBelow: z.number(),
});
export type ProctoringList = z.infer<typeof proctoringListSchema>;

export const proctoringSnapshotSchema = z.object({
  id: z.number(),
  trigger: z.enum(snapshotTriggers),
  takenAt: z.string(),
  /** pending | processing | done | failed */
  status: z.string(),
  similarity: z.number().nullable(),
  faces: z.number().nullable(),
  outcome: z.enum(snapshotOutcomes).nullable(),
});
export type ProctoringSnapshot = z.infer<typeof proctoringSnapshotSchema>;

/** 查看: the registration photo beside every snapshot with its time and score, and the review so far. */
export const proctoringRecordSchema = z.object({
  item: proctoringItemSchema,
  referencePhotoId: z.string().nullable(),
  consentedAt: z.string(),
  cameraIssueAt: z.string().nullable(),
  snapshots: z.array(proctoringSnapshotSchema),
  suspectedNote: z.string().nullable(),
  suspectedAt: z.string().nullable(),
  confirmedReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ProctoringRecord = z.infer<typeof proctoringRecordSchema>;

export const suspectBodySchema = z.object({ note: requiredText('备注', 500) });
export const decisionBodySchema = z.object({ reason: requiredText('理由', 500) });
export const attemptParamsSchema = z.object({ attemptId: idField('考试记录', '考试记录编号格式不正确') });
export const snapshotParamsSchema = z.object({ id: idField('抓拍照片', '抓拍照片编号格式不正确') });
