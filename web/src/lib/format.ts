import dayjs from 'dayjs';

/** A date as the manuals print it: 2026-04-13. Leaves text that is not a date unchanged. */
export function formatDate(value: string): string {
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD') : value;
}

/** A date range as the manuals print it: 2026-04-13 ~ 2026-05-06. */
export function formatDateRange(start: string, end: string): string {
  return `${formatDate(start)} ~ ${formatDate(end)}`;
}

/** A count in a report table as its cards print it (antd's Statistic): 276,407. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
