// 通知公告: 政策 / 通知 / 手册 entries an authority publishes with attached files (seed 004, the login page's lists).
import dayjs from 'dayjs';
import { z } from 'zod';
import { pageOf, pageQueryFields } from './pagination.js';

export const noticeCategories = ['policy', 'notice', 'manual'] as const;
export type NoticeCategory = (typeof noticeCategories)[number];
export const noticeCategoryLabels: Record<NoticeCategory, string> = { policy: '政策', notice: '通知', manual: '手册' };

export const noticeStatuses = ['draft', 'published'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];
export const noticeStatusLabels: Record<NoticeStatus, string> = { draft: '未发布', published: '已发布' };

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_ATTACHMENT_MAX_MB = 20;
export const NOTICE_ATTACHMENTS_MAX = 10;
/** What the upload control accepts; the server checks the content, not the name. */
export const NOTICE_ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's fields (sent as multipart/form-data together with the files). */
export const noticeFieldsSchema = z.object({
  category: z.enum(noticeCategories, { error: '请选择类别' }),
  title: z
    .string({ error: '请输入标题' })
    .trim()
    .min(1, '请输入标题')
    .max(NOTICE_TITLE_MAX, `标题不能超过${NOTICE_TITLE_MAX}个字符`),
  publishedOn: z
    .string({ error: '请选择发布日期' })
    .min(1, '请选择发布日期')
    .refine((v) => DATE_RE.test(v) && dayjs(v).format('YYYY-MM-DD') === v, '发布日期不是有效日期'),
  /** On edit: ids of attached files to remove. */
  removeFileIds: z.array(z.uuid('附件编号格式不正确')).max(NOTICE_ATTACHMENTS_MAX, '附件编号过多').default([]),
});
export type NoticeFields = z.input<typeof noticeFieldsSchema>;

export const noticeListQuerySchema = z.object({
  title: z.string({ error: '标题格式不正确' }).trim().max(NOTICE_TITLE_MAX, `标题不能超过${NOTICE_TITLE_MAX}个字符`).optional(),
  category: z.enum(noticeCategories, { error: '类别只能为政策、通知或手册' }).optional(),
  status: z.enum(noticeStatuses, { error: '状态只能为未发布或已发布' }).optional(),
  ...pageQueryFields,
});
export type NoticeListQuery = z.input<typeof noticeListQuerySchema>;

export const noticeFileSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), mimeType: z.string() });
export type NoticeFile = z.infer<typeof noticeFileSchema>;

export const noticeActions = ['edit', 'publish', 'withdraw', 'delete'] as const;
export type NoticeAction = (typeof noticeActions)[number];

export const noticeSchema = z.object({
  id: z.number(),
  category: z.enum(noticeCategories),
  title: z.string(),
  publishedOn: z.string(),
  status: z.enum(noticeStatuses),
  files: z.array(noticeFileSchema),
  updatedAt: z.string(),
  actions: z.array(z.enum(noticeActions)),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeListSchema = pageOf(noticeSchema);
export type NoticeList = z.infer<typeof noticeListSchema>;

/**
 * The public lists (login page): published notices, newest first. `province` (GB/T 2260 code of a province) limits
 * them to the authorities of that province; without it, every published notice of this installation (one per
 * province) is listed. Without `category`, `limit` applies to each category.
 */
export const publicNoticeQuerySchema = z.object({
  category: z.enum(noticeCategories, { error: '类别只能为policy、notice或manual' }).optional(),
  province: z
    .string({ error: '省份代码格式不正确' })
    .regex(/^\d{2}0000$/, '省份代码须为6位省级行政区划代码')
    .optional(),
  limit: z.coerce.number({ error: '条数须为1到50的整数' }).int('条数须为1到50的整数').min(1, '条数须为1到50的整数').max(50, '条数须为1到50的整数').default(5),
});
export type PublicNoticeQuery = z.input<typeof publicNoticeQuerySchema>;

export const publicNoticeSchema = z.object({
  id: z.number(),
  category: z.enum(noticeCategories),
  title: z.string(),
  publishedOn: z.string(),
  authorityName: z.string(),
  files: z.array(noticeFileSchema.pick({ id: true, name: true, size: true })),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
export const publicNoticeListSchema = z.object({ items: z.array(publicNoticeSchema) });
export type PublicNoticeList = z.infer<typeof publicNoticeListSchema>;
