import { describe, expect, it } from 'vitest';
import { bodyOf } from './siteEvaluationDraft';

describe('bodyOf (保存 of a 医疗机构考核 row)', () => {
  it('needs both verdicts, and a reason when either is 不合格', () => {
    expect(bodyOf({ reason: '' })).toEqual({ error: '请评定职业道德' });
    expect(bodyOf({ ethics: 'passed', reason: '' })).toEqual({ error: '请评定工作业绩' });
    expect(bodyOf({ ethics: 'passed', workPerformance: 'failed', reason: ' ' })).toEqual({ error: '请输入不合格理由' });
  });

  it('sends the reason with the items judged 不合格 only', () => {
    expect(bodyOf({ ethics: 'passed', workPerformance: 'failed', reason: ' 出勤不足 ' })).toEqual({
      body: { ethics: 'passed', ethicsReason: null, workPerformance: 'failed', workPerformanceReason: '出勤不足' },
    });
    expect(bodyOf({ ethics: 'passed', workPerformance: 'passed', reason: '旧理由' })).toEqual({
      body: { ethics: 'passed', ethicsReason: null, workPerformance: 'passed', workPerformanceReason: null },
    });
  });
});
