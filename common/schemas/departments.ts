// 科室信息: the API's zod schemas, reused by the form (seed 002 §1.3, seed 003 §2.2.3).
import { z } from 'zod';
import { pageOf, pageQueryFields } from './pagination.js';
import { clinicalSubjectLabel, isClinicalSubjectCode } from '../clinical-subjects.js';
import { departmentStatuses, type DepartmentStatus } from '../enums.js';

export const DEPARTMENT_NAME_MAX = 32;

/** The words of the list (seed 002: 正常 / 已停用). */
export const departmentStatusListLabels: Record<DepartmentStatus, string> = { enabled: '正常', disabled: '已停用' };

export const departmentNameSchema = z
  .string({ error: '请输入科室名称' })
  .trim()
  .min(1, '请输入科室名称')
  .max(DEPARTMENT_NAME_MAX, `科室名称不能超过${DEPARTMENT_NAME_MAX}个字符`);

export const clinicalSubjectCodesSchema = z
  .array(z.string({ error: '关联诊疗科目格式不正确' }), { error: '请选择关联诊疗科目' })
  .min(1, '请选择关联诊疗科目')
  .max(300, '关联诊疗科目过多')
  .superRefine((codes, ctx) => {
    const unknown = codes.filter((code) => !isClinicalSubjectCode(code));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `关联诊疗科目不在诊疗科目名录中：${unknown.slice(0, 3).join('、')}` });
  })
  .transform((codes) => [...new Set(codes)]);

export const departmentBodySchema = z.object({
  name: departmentNameSchema,
  clinicalSubjects: clinicalSubjectCodesSchema,
});
export type DepartmentBody = z.input<typeof departmentBodySchema>;

export const departmentListQuerySchema = z.object({
  name: z.string({ error: '名称格式不正确' }).trim().max(64, '名称不能超过64个字符').optional(),
  status: z.enum(departmentStatuses, { error: '状态只能为正常或已停用' }).optional(),
  ...pageQueryFields,
});
export type DepartmentListQuery = z.input<typeof departmentListQuerySchema>;

export const clinicalSubjectRefSchema = z.object({ code: z.string(), name: z.string() });

export const departmentActions = ['edit', 'disable', 'enable', 'delete'] as const;
export type DepartmentAction = (typeof departmentActions)[number];

export const departmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(departmentStatuses),
  clinicalSubjects: z.array(clinicalSubjectRefSchema),
  /** What the caller may do with it; the client only hides buttons. */
  actions: z.array(z.enum(departmentActions)),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentListSchema = pageOf(departmentSchema);
export type DepartmentList = z.infer<typeof departmentListSchema>;

/** For the physician forms: enabled departments only. */
export const departmentOptionSchema = z.object({ id: z.number(), name: z.string(), clinicalSubjects: z.array(clinicalSubjectRefSchema) });
export const departmentOptionsSchema = z.array(departmentOptionSchema);
export type DepartmentOption = z.infer<typeof departmentOptionSchema>;

/** A stored code with the name to show (其他 items name their parent). */
export const subjectRef = (code: string) => ({ code, name: clinicalSubjectLabel(code) });
