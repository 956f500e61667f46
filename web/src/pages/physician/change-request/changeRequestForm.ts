// The 信息修改申请 form starts from the record; only the fields the physician changed are sent.
import dayjs, { type Dayjs } from 'dayjs';
import { changeFields, type ChangeField, type ChangeRequestBody, type MyChangeRequests } from '../../../../../common/schemas/change-requests';

type Current = MyChangeRequests['current'];
export type FormValues = Partial<Record<ChangeField, string | number | Dayjs | null>> & { reason?: string };

const DATE_FIELDS = new Set<ChangeField>(['titleDate', 'positionDate']);

/** The record as the form's values; an empty field is left undefined (the schema's optional fields refuse null). */
export function initialValuesOf(current: Current): FormValues {
  const values: FormValues = {};
  for (const field of changeFields) {
    const value = current[field];
    if (value === null || value === '') continue;
    values[field] = DATE_FIELDS.has(field) ? dayjs(String(value)) : value;
  }
  return values;
}

/** A form value as the API takes it: dates as YYYY-MM-DD, texts trimmed, empty as null. */
function plain(value: FormValues[ChangeField]): string | number | null {
  if (value === null || value === undefined) return null;
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'string') return value.trim() || null;
  return value;
}

/** The fields whose value differs from the record (an emptied field is not a change: values cannot be removed). */
export function changesOf(values: FormValues, current: Current): ChangeRequestBody['changes'] {
  const changes: Record<string, string | number> = {};
  for (const field of changeFields) {
    const value = plain(values[field]);
    if (value !== null && value !== current[field]) changes[field] = value;
  }
  return changes as ChangeRequestBody['changes'];
}

/** A server field key (`changes.departmentId`, `reason`) as the form's field name. */
export const formFieldOf = (key: string) => key.replace(/^changes\./, '');
