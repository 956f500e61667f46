// 合格证书: 证书查验 (public), 历史考核结果查询 (institution, authority), 撤销证书 and the 公章 (provincial authority).
import { z } from 'zod';
import { practiceCategories } from '../enums.js';
import { idField, requiredText, text } from './fields.js';
import { pageOf, pageQueryFields } from './pagination.js';
import { progressFilterFields, progressItemSchema } from './assessment-progress.js';

export const certificateStatuses = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const certificateStatusLabels: Record<CertificateStatus, string> = { valid: '有效', revoked: '已撤销' };

/** 证书编号: 6-digit province code, 4-digit year, 7-digit serial. */
export const CERTIFICATE_NUMBER_RE = /^\d{17}$/;

/** 姓名 as shown to anyone: the first character, then * for each of the rest but the last (李*华, 张*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const numberField = z
  .string({ error: '请输入证书编号' })
  .trim()
  .min(1, '请输入证书编号')
  .max(32, '证书编号不正确')
  .refine((v) => /^[0-9A-Za-z]*$/.test(v), '证书编号只能包含数字');

/** 证书查验: by 证书编号 and 姓名 (typed), or by 证书编号 and the QR code's tag. */
export const verifyQuerySchema = z
  .object({
    number: numberField,
    name: text('姓名').trim().max(64, '姓名不能超过64个字符').optional().transform((v) => v || undefined),
    tag: z.string({ error: '查验码不正确' }).trim().max(64, '查验码不正确').optional().transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (!v.name && !v.tag) ctx.addIssue({ code: 'custom', path: ['name'], message: '请输入姓名' });
  });
export type VerifyQuery = z.output<typeof verifyQuerySchema>;

export const verifyResultSchema = z.object({
  status: z.enum(['valid', 'revoked', 'notFound']),
  certificate: z
    .object({
      number: z.string(),
      nameMasked: z.string(),
      practiceCategory: z.enum(practiceCategories),
      cycleName: z.string(),
      resultLabel: z.string(),
      issuerName: z.string(),
      issuedOn: z.string(),
      revokedOn: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** A certificate as its owner's lists show it. */
export const certificateRefSchema = z.object({ id: z.number(), number: z.string(), status: z.enum(certificateStatuses), issuedOn: z.string() });
export type CertificateRef = z.infer<typeof certificateRefSchema>;

// ---------------------------------------------------------------- 历史考核结果查询

/** The filters of 考核进度 (but 区划 / 年龄 / 科室 as there) plus the cycle: any cycle of the province, the current one by default. */
export const historyFiltersShape = {
  ...progressFilterFields,
  cycleId: idField('考核周期').optional(),
};
export const historyFiltersSchema = z.object(historyFiltersShape);
export type HistoryFilters = z.output<typeof historyFiltersSchema>;
export const historyListQuerySchema = z.object({ ...historyFiltersShape, ...pageQueryFields });
export type HistoryListQuery = z.output<typeof historyListQuerySchema>;

export const historyItemSchema = progressItemSchema.omit({ age: true }).extend({
  cycleName: z.string(),
  certificate: certificateRefSchema.nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyListSchema = pageOf(historyItemSchema).extend({
  cycles: z.array(z.object({ id: z.number(), name: z.string(), isCurrent: z.boolean() })),
  cycleId: z.number().nullable(),
  totalCapped: z.boolean(),
  /** The provincial authority may 撤销证书. */
  canRevoke: z.boolean(),
});
export type HistoryList = z.infer<typeof historyListSchema>;

/** At most this many certificates in one batch PDF. */
export const BATCH_PDF_LIMIT = 5000;

// ---------------------------------------------------------------- 撤销证书

export const revokeBodySchema = z.object({ reason: requiredText('撤销理由', 200) });
export type RevokeBody = z.output<typeof revokeBodySchema>;

export const sealInfoSchema = z.object({ uploaded: z.boolean(), uploadedAt: z.string().nullable() });
export type SealInfo = z.infer<typeof sealInfoSchema>;
