import { afterEach, describe, expect, it } from 'vitest';
import { CHINA_TZ, scheduleWindows, todayInChina, windowState, type CycleWindows } from './schedule.js';

describe('windowState', () => {
  const start = '2026-03-01';
  const end = '2026-03-31';

  it('is notStarted the day before the start', () => {
    expect(windowState(start, end, '2026-02-28')).toBe('notStarted');
  });

  it('is open on the first day (start inclusive)', () => {
    expect(windowState(start, end, '2026-03-01')).toBe('open');
  });

  it('is open in the middle', () => {
    expect(windowState(start, end, '2026-03-15')).toBe('open');
  });

  it('is open on the last day (end inclusive)', () => {
    expect(windowState(start, end, '2026-03-31')).toBe('open');
  });

  it('is ended the day after the end', () => {
    expect(windowState(start, end, '2026-04-01')).toBe('ended');
  });

  it('handles a one-day window and year boundaries', () => {
    expect(windowState('2026-12-31', '2026-12-31', '2026-12-30')).toBe('notStarted');
    expect(windowState('2026-12-31', '2026-12-31', '2026-12-31')).toBe('open');
    expect(windowState('2026-12-31', '2026-12-31', '2027-01-01')).toBe('ended');
    expect(windowState('2026-12-20', '2027-01-10', '2027-01-05')).toBe('open');
  });
});

describe('todayInChina', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('uses Asia/Shanghai', () => {
    expect(CHINA_TZ).toBe('Asia/Shanghai');
  });

  it('is already the next day at 17:00 UTC (01:00 Beijing time)', () => {
    expect(todayInChina(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });

  it('turns over exactly at 16:00 UTC (midnight Beijing time)', () => {
    expect(todayInChina(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(todayInChina(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('turns over the year in Beijing before it does in UTC', () => {
    expect(todayInChina(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('gives the same answer whatever the server time zone', () => {
    const instant = new Date('2026-11-22T17:00:00Z');
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(todayInChina(instant), tz).toBe('2026-11-23');
    }
  });
});

describe('scheduleWindows', () => {
  const cycle: CycleWindows = {
    assessorApplicationStart: '2026-01-01',
    assessorApplicationEnd: '2026-01-31',
    registrationStart: '2026-02-01',
    registrationEnd: '2026-03-31',
    reviewStart: '2026-04-01',
    reviewEnd: '2026-04-30',
    testStart: '2026-05-01',
    testEnd: '2026-06-30',
  };

  it('returns the four windows in order with their Chinese labels and dates', () => {
    const windows = scheduleWindows(cycle, '2026-02-01');
    expect(windows.map((w) => w.key)).toEqual(['assessorApplication', 'registration', 'review', 'test']);
    expect(windows.map((w) => w.label)).toEqual(['考核机构申请', '医师报名', '报名信息审核', '测评考核']);
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-03-31'],
      ['2026-04-01', '2026-04-30'],
      ['2026-05-01', '2026-06-30'],
    ]);
  });

  it('computes each window state for the given day', () => {
    expect(scheduleWindows(cycle, '2026-02-01').map((w) => w.state)).toEqual(['ended', 'open', 'notStarted', 'notStarted']);
    expect(scheduleWindows(cycle, '2025-12-31').map((w) => w.state)).toEqual(['notStarted', 'notStarted', 'notStarted', 'notStarted']);
    expect(scheduleWindows(cycle, '2026-06-30').map((w) => w.state)).toEqual(['ended', 'ended', 'ended', 'open']);
    expect(scheduleWindows(cycle, '2026-07-01').map((w) => w.state)).toEqual(['ended', 'ended', 'ended', 'ended']);
  });

  it('lets overlapping windows be open together', () => {
    const overlapping = { ...cycle, reviewStart: '2026-03-15' };
    expect(scheduleWindows(overlapping, '2026-03-20').map((w) => w.state)).toEqual(['ended', 'open', 'open', 'notStarted']);
  });
});
