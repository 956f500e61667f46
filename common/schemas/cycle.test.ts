import { describe, expect, it } from 'vitest';
import { cycleBodySchema, cycleDateProblems, type CycleDates } from './cycle.js';

const valid: CycleDates = {
  startDate: '2027-01-01',
  endDate: '2029-12-31',
  assessorApplicationStart: '2027-03-01',
  assessorApplicationEnd: '2027-04-30',
  registrationStart: '2027-04-01',
  registrationEnd: '2027-05-31',
  reviewStart: '2027-04-15',
  reviewEnd: '2027-06-30',
  testStart: '2027-07-01',
  testEnd: '2027-08-31',
};

describe('考核安排 order rules', () => {
  it('accepts ordered windows inside the cycle, and windows that all share the same days (the demo cycle)', () => {
    expect(cycleDateProblems(valid)).toEqual([]);
    const same = { startDate: '2024-01-01', endDate: '2026-12-31' } as CycleDates;
    for (const key of ['assessorApplication', 'registration', 'review', 'test'] as const) {
      Object.assign(same, { [`${key}Start`]: '2026-05-01', [`${key}End`]: '2026-06-30' });
    }
    expect(cycleDateProblems(same)).toEqual([]);
  });

  it('accepts windows that touch the cycle’s first and last days', () => {
    expect(cycleDateProblems({ ...valid, assessorApplicationStart: '2027-01-01', testEnd: '2029-12-31' })).toEqual([]);
  });

  it('puts each problem on the field to correct', () => {
    expect(cycleDateProblems({ ...valid, testEnd: '2030-01-01' })).toEqual([
      { field: 'testEnd', message: '测评考核须在周期起止（2027-01-01 至 2029-12-31）之内' },
    ]);
    expect(cycleDateProblems({ ...valid, reviewEnd: '2027-05-30' })).toEqual([
      { field: 'reviewEnd', message: '报名信息审核的结束日期不能早于医师报名的结束日期' },
    ]);
  });

  it('the schema trims the name, defaults 设为当前周期 to off, and refuses impossible dates', () => {
    expect(cycleBodySchema.parse({ ...valid, name: ' 2027-2029年度 ' })).toMatchObject({ name: '2027-2029年度', isCurrent: false });
    const result = cycleBodySchema.safeParse({ ...valid, name: 'x', registrationEnd: '2027-02-29' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['registrationEnd'], message: '医师报名结束日期不是有效日期' });
  });
});
