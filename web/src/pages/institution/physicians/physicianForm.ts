// The 新增医师 form's values ⇄ the API's body: dates are Dayjs in the form and YYYY-MM-DD in the body.
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { IdType, PhysicianLevel, PracticeCategory, Sex } from '../../../../../common/enums';
import { normalizeIdNumber, normalizeResidentId } from '../../../../../common/id-number';
import { physicianBodySchema, type PhysicianBody } from '../../../../../common/schemas/physician';

/** The schema of each field, for the per-field rules (the object before its cross-field checks). */
export const physicianField = physicianBodySchema.in.shape;

export const dateFields = ['birthDate', 'titleDate', 'positionDate', 'licenseDate', 'qualificationDate', 'firstRegistrationDate'] as const;
export type DateField = (typeof dateFields)[number];

export interface PhysicianFormValues {
  name?: string;
  sex?: Sex;
  idType?: IdType;
  idNumber?: string;
  education?: PhysicianBody['education'];
  email?: string;
  ethnicity?: PhysicianBody['ethnicity'];
  departmentId?: number | null;
  specialty?: string | null;
  title?: PhysicianBody['title'];
  physicianLevel?: PhysicianLevel | null;
  residentTrainee?: boolean | null;
  position?: PhysicianBody['position'];
  practiceCategory?: PracticeCategory;
  practiceScope?: string;
  licenseNumber?: string;
  qualificationNumber?: string;
  birthDate?: Dayjs | null;
  titleDate?: Dayjs | null;
  positionDate?: Dayjs | null;
  licenseDate?: Dayjs | null;
  qualificationDate?: Dayjs | null;
  firstRegistrationDate?: Dayjs | null;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** What is sent; the schema trims, turns empty into null and normalises the 证件号码. */
export function bodyOf(values: PhysicianFormValues): PhysicianBody {
  const dates = Object.fromEntries(dateFields.map((name) => [name, day(values[name])])) as Record<DateField, string | null>;
  return {
    name: values.name ?? '',
    sex: values.sex as Sex,
    idType: values.idType as IdType,
    idNumber: values.idNumber ?? '',
    education: values.education ?? null,
    email: values.email ?? null,
    ethnicity: values.ethnicity ?? null,
    departmentId: values.departmentId ?? null,
    specialty: values.specialty ?? null,
    title: values.title ?? null,
    physicianLevel: values.physicianLevel ?? null,
    residentTrainee: values.residentTrainee ?? null,
    position: values.position ?? null,
    practiceCategory: values.practiceCategory as PracticeCategory,
    practiceScope: values.practiceScope ?? '',
    licenseNumber: values.licenseNumber ?? '',
    qualificationNumber: values.qualificationNumber ?? '',
    ...dates,
  };
}

/** The first message of each field the whole schema rejects (including the checks across fields). */
export function problemsOf(body: PhysicianBody): Partial<Record<keyof PhysicianBody, string>> {
  const result = physicianBodySchema.safeParse(body);
  if (result.success) return {};
  const problems: Partial<Record<keyof PhysicianBody, string>> = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0] as keyof PhysicianBody | undefined;
    if (name && !problems[name]) problems[name] = issue.message;
  }
  return problems;
}

/** 出生年月 and 性别 read from a valid 居民身份证 number; null for other ID types or an invalid number. */
export function identityFromId(idType: IdType | undefined, idNumber: string | undefined): { birthDate: Dayjs; sex: Sex } | null {
  if (idType !== 'resident' || !idNumber) return null;
  const id = normalizeResidentId(idNumber);
  return id.ok && id.birthDate && id.sex ? { birthDate: dayjs(id.birthDate), sex: id.sex } : null;
}

/** A rule for a DatePicker field: the field's schema checks the chosen day as YYYY-MM-DD. */
export function dateRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: Dayjs | null | undefined) => {
      const result = schema.safeParse(day(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '日期不正确');
    },
  };
}

/** 证件号码 checked by its 证件类型 as the user types (GB 11643 check digit for a 居民身份证). */
export const idNumberRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_rule, value: string | undefined) => {
    const idType = getFieldValue('idType') as IdType | undefined;
    if (!value?.trim() || !idType) return;
    const id = normalizeIdNumber(idType, value);
    if (!id.ok) throw new Error(id.message);
  },
});
