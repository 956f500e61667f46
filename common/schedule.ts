// 考核安排 windows: whether one is open on a given day (Beijing time). Services use it to refuse
// out-of-window actions; the client uses it to show 未开始 / 进行中 / 已结束.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { RETAKE_WINDOW_LABEL, windowKeys, windowLabels, type ScheduleKey, type WindowKey, type WindowState } from './enums.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** Today's date in China as YYYY-MM-DD, whatever the server's own time zone. */
export function todayInChina(now: Date = new Date()): string {
  return dayjs(now).tz(CHINA_TZ).format('YYYY-MM-DD');
}

/** Both ends inclusive; dates as YYYY-MM-DD. */
export function windowState(start: string, end: string, today: string = todayInChina()): WindowState {
  if (today < start) return 'notStarted';
  if (today > end) return 'ended';
  return 'open';
}

export interface CycleWindows {
  assessorApplicationStart: string;
  assessorApplicationEnd: string;
  registrationStart: string;
  registrationEnd: string;
  reviewStart: string;
  reviewEnd: string;
  testStart: string;
  testEnd: string;
  retakeStart?: string | null;
  retakeEnd?: string | null;
}

export function scheduleWindows(cycle: CycleWindows, today: string = todayInChina()) {
  const windows: { key: ScheduleKey; label: string; start: string; end: string; state: WindowState }[] = windowKeys.map((key: WindowKey) => {
    const start = cycle[`${key}Start`];
    const end = cycle[`${key}End`];
    return { key, label: windowLabels[key], start, end, state: windowState(start, end, today) };
  });
  if (cycle.retakeStart && cycle.retakeEnd) {
    windows.push({ key: 'retake', label: RETAKE_WINDOW_LABEL, start: cycle.retakeStart, end: cycle.retakeEnd, state: windowState(cycle.retakeStart, cycle.retakeEnd, today) });
  }
  return windows;
}
