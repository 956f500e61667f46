// The 考核周期 form's values ⇄ the API's body, and which form item each API field belongs to.
import dayjs, { type Dayjs } from 'dayjs';
import { windowKeys, type WindowKey } from '../../../../../common/enums';
import type { Cycle, CycleBody, CycleDateField, CycleDates } from '../../../../../common/schemas/cycle';

export type DateRange = [Dayjs, Dayjs];

/** One RangePicker for 周期起止 (`period`) and one for each window. */
export type RangeItem = 'period' | WindowKey;

export interface CycleFormValues {
  name: string;
  period?: DateRange | null;
  assessorApplication?: DateRange | null;
  registration?: DateRange | null;
  review?: DateRange | null;
  test?: DateRange | null;
  /** 补考时间: optional. */
  retake?: DateRange | null;
  isCurrent: boolean;
}

export const rangeItems: readonly RangeItem[] = ['period', ...windowKeys];

const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The form item that shows an API field's message (both ends of a range share one picker). */
export function formItemOf(field: string): keyof CycleFormValues | null {
  if (field === 'name' || field === 'isCurrent') return field;
  if (field === 'startDate' || field === 'endDate') return 'period';
  if (field === 'retakeStart' || field === 'retakeEnd') return 'retake';
  const key = windowKeys.find((k) => field === `${k}Start` || field === `${k}End`);
  return key ?? null;
}

/** The eight dates and the two of the cycle, once every range is chosen. */
export function datesOf(values: Partial<CycleFormValues>): CycleDates | null {
  const ranges = rangeItems.map((item) => values[item]);
  if (ranges.some((range) => !range?.[0] || !range[1])) return null;
  const [period, ...windows] = ranges as DateRange[];
  const dates: Partial<Record<CycleDateField, string>> = { startDate: day(period[0]), endDate: day(period[1]) };
  windowKeys.forEach((key, i) => {
    dates[`${key}Start`] = day(windows[i][0]);
    dates[`${key}End`] = day(windows[i][1]);
  });
  const retake = values.retake?.[0] && values.retake[1] ? values.retake : null;
  return { ...(dates as CycleDates), retakeStart: retake ? day(retake[0]) : null, retakeEnd: retake ? day(retake[1]) : null };
}

export function bodyOf(values: CycleFormValues): CycleBody {
  const dates = datesOf(values);
  if (!dates) throw new Error('incomplete cycle form');
  return { name: values.name, ...dates, isCurrent: values.isCurrent };
}

export function valuesOf(cycle: Cycle): CycleFormValues {
  const range = (start: string, end: string): DateRange => [dayjs(start), dayjs(end)];
  return {
    name: cycle.name,
    period: range(cycle.startDate, cycle.endDate),
    assessorApplication: range(cycle.assessorApplicationStart, cycle.assessorApplicationEnd),
    registration: range(cycle.registrationStart, cycle.registrationEnd),
    review: range(cycle.reviewStart, cycle.reviewEnd),
    test: range(cycle.testStart, cycle.testEnd),
    retake: cycle.retakeStart && cycle.retakeEnd ? range(cycle.retakeStart, cycle.retakeEnd) : null,
    isCurrent: cycle.isCurrent,
  };
}

/** Field messages (from the server or from the shared zod schema) grouped onto the form's items. */
export function itemErrors(fields: Record<string, string>): { name: keyof CycleFormValues; errors: string[] }[] {
  const byItem = new Map<keyof CycleFormValues, string[]>();
  for (const [field, message] of Object.entries(fields)) {
    const item = formItemOf(field);
    if (!item) continue;
    const list = byItem.get(item) ?? [];
    if (!list.includes(message)) list.push(message);
    byItem.set(item, list);
  }
  return [...byItem].map(([name, errors]) => ({ name, errors }));
}
