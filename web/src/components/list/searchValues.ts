// A filter form's values → a list's query: only what was filled in (empty fields mean "all").
import dayjs, { type Dayjs } from 'dayjs';

type Range = [Dayjs | null, Dayjs | null] | null | undefined;

const isRange = (value: unknown): value is Range =>
  Array.isArray(value) && value.length === 2 && value.every((v) => v === null || v === undefined || dayjs.isDayjs(v));

/**
 * Trims text (blank is left out), leaves out null and undefined, and turns a date range `x` into `xFrom` / `xTo`
 * (YYYY-MM-DD, each only when given).
 */
export function searchValues<S>(values: object): S {
  const search: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      if (value.trim()) search[key] = value.trim();
    } else if (isRange(value)) {
      const [from, to] = value ?? [null, null];
      if (from) search[`${key}From`] = from.format('YYYY-MM-DD');
      if (to) search[`${key}To`] = to.format('YYYY-MM-DD');
    } else if (dayjs.isDayjs(value)) {
      search[key] = value.format('YYYY-MM-DD');
    } else {
      search[key] = value;
    }
  }
  return search as S;
}
