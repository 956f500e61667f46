import dayjs from 'dayjs';

/** A moment as the manuals print it: 2024-06-03 11:39:05; a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}
