// The 报名 forms' values ⇄ the API: dates are Dayjs in the forms and YYYY-MM-DD in the bodies; fields the
// chosen answers hide (良好记录 texts when 无, 简易程序 fields under 一般程序 …) are sent empty.
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import {
  registrationFileSlots,
  registrationSteps,
  type Registration,
  type RegistrationFileSlot,
  type RegistrationStep,
  type WorkloadKind,
} from '../../../../../common/schemas/registration';

export type FormValues = Record<string, unknown>;

/** Every date field of the five steps, at any depth (rows of 教育经历, 不良记录 …). */
const DATE_KEYS = new Set(['birthDate', 'titleDate', 'positionDate', 'qualificationDate', 'licenseDate', 'startDate', 'endDate', 'closedOn']);

function mapDates(value: unknown, convert: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapDates(item, convert));
  if (value && typeof value === 'object' && !dayjs.isDayjs(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, DATE_KEYS.has(key) ? convert(v) : mapDates(v, convert)]));
  }
  return value;
}

const toDayjs = (v: unknown) => (typeof v === 'string' && v ? dayjs(v) : null);
const toDay = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : null);

/** Blank rows for each step that has none saved yet. */
const defaults: Record<RegistrationStep, FormValues> = {
  basic: {},
  practice: { licenseKind: 'paper', practiceStatus: '正常执业' },
  experience: { multiSites: [], educations: [], careers: [] },
  conduct: { hasGoodRecord: false, hasBadRecord: false, badRecords: [], workload: {} },
  procedure: { procedure: 'standard', exemptionRequested: false },
};

/** A step's saved (or prefilled) JSON as the form's initial values. */
export function formValuesOf(registration: Registration, step: RegistrationStep): FormValues {
  const saved = registration[step];
  return { ...defaults[step], ...((mapDates(saved ?? {}, toDayjs) as FormValues) ?? {}) };
}

/** What 保存 sends for a step. */
export function bodyOf(step: RegistrationStep, values: FormValues, workloadKinds: readonly WorkloadKind[]): FormValues {
  const body = mapDates(values, toDay) as FormValues;
  if (step === 'conduct') {
    if (!body.hasGoodRecord) Object.assign(body, { awards: null, tasks: null, research: null });
    if (!body.hasBadRecord) body.badRecords = [];
    const workload = (body.workload ?? {}) as Record<string, unknown>;
    body.workload = Object.fromEntries((['visits', 'surgeries', 'examinations'] as const).map((k) => [k, workloadKinds.includes(k) ? (workload[k] ?? null) : null]));
  }
  if (step === 'procedure') {
    if (body.procedure !== 'simplified') Object.assign(body, { simplifiedReason: null, statement: null });
    if (!body.exemptionRequested) body.exemptionReason = null;
  }
  return body;
}

/** 'badRecords.0.cause' → ['badRecords', 0, 'cause'], as antd names nested fields. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where a problem of 提交 belongs: a form field, a file slot, the photo, or the whole step. */
export type ProblemTarget = { kind: 'field'; name: (string | number)[] } | { kind: 'file'; slot: RegistrationFileSlot } | { kind: 'photo' } | { kind: 'step' };
export interface Problem {
  step: RegistrationStep;
  target: ProblemTarget;
  message: string;
}

const isStep = (value: string): value is RegistrationStep => (registrationSteps as readonly string[]).includes(value);
const isSlot = (value: string): value is RegistrationFileSlot => value in registrationFileSlots;

/** The `fields` of 提交's 422 ('basic.email', 'practice.files.licensePage2', 'basic.photo', 'experience'), in step order. */
export function problemsOf(fields: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const [head, ...rest] = key.split('.');
    if (!isStep(head)) continue;
    const field = rest.join('.');
    let target: ProblemTarget;
    if (!field) target = { kind: 'step' };
    else if (field === 'photo') target = { kind: 'photo' };
    else if (rest[0] === 'files' && rest[1] && isSlot(rest[1])) target = { kind: 'file', slot: rest[1] };
    else target = { kind: 'field', name: namePath(field) };
    problems.push({ step: head, target, message });
  }
  return problems.sort((a, b) => registrationSteps.indexOf(a.step) - registrationSteps.indexOf(b.step));
}

/** The step a draft resumes at: the first one not saved yet, or the last (提交) when all are. */
export function resumeStep(registration: Registration): number {
  const index = registrationSteps.findIndex((step) => !registration.savedSteps.includes(step));
  return index === -1 ? registrationSteps.length - 1 : index;
}

/** A DatePicker rule: the field's schema checks the chosen day as YYYY-MM-DD. */
export function dateRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(toDay(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '日期不正确');
    },
  };
}

export const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');


export const yesNoOptions = [
  { value: true, label: '有' },
  { value: false, label: '无' },
];

