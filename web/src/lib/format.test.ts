import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateRange } from './format';

describe('formatDate', () => {
  it('prints dates and timestamps as the manuals do', () => {
    expect(formatDate('2026-04-13')).toBe('2026-04-13');
    expect(formatDate('2026-04-13T08:30:00')).toBe('2026-04-13');
    expect(formatDateRange('2026-04-13', '2026-05-06')).toBe('2026-04-13 ~ 2026-05-06');
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDate('待定')).toBe('待定');
  });
});

describe('formatCount', () => {
  it('groups thousands as the report cards do', () => {
    expect(formatCount(276407)).toBe('276,407');
    expect(formatCount(1730)).toBe('1,730');
    expect(formatCount(12)).toBe('12');
    expect(formatCount(0)).toBe('0');
  });
});
