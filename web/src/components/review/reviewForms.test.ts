import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { approveBodySchema, evaluationBodySchema, reviewListQuerySchema, type ReviewAction } from '../../../../common/schemas/review';
import {
  batchConfirmText,
  canBatchApprove,
  decisionsShown,
  evaluationBodyOf,
  evaluationFails,
  hasPendingKinds,
  recordPath,
  reviewListQueryOf,
  reviewSearchOf,
  type ListState,
} from './reviewForms';

describe('reviewSearchOf', () => {
  it('keeps only what was filled in, trimmed, with dates as the API writes them', () => {
    expect(
      reviewSearchOf({
        departmentId: 3,
        name: '  张三 ',
        idNumber: '',
        firstRegistration: [dayjs('2010-01-05'), null],
        practiceCategory: 'clinical',
        physicianLevel: null,
        procedure: undefined,
      }),
    ).toEqual({ departmentId: 3, name: '张三', firstRegistrationFrom: '2010-01-05', practiceCategory: 'clinical' });
  });

  it('is empty for an empty form', () => {
    expect(reviewSearchOf({})).toEqual({});
    expect(reviewSearchOf({ name: '   ', firstRegistration: null })).toEqual({});
  });
});

describe('list tabs', () => {
  it('offers 报名待审核 / 考核机构驳回待审核 only under the institution’s 未审核 registration lists', () => {
    expect(hasPendingKinds('institution', 'standard', 'pending')).toBe(true);
    expect(hasPendingKinds('institution', 'simplified', 'pending')).toBe(true);
    expect(hasPendingKinds('institution', 'exemption', 'pending')).toBe(false);
    expect(hasPendingKinds('institution', 'standard', 'reviewed')).toBe(false);
    expect(hasPendingKinds('assessor', 'standard', 'pending')).toBe(false);
  });

  it('offers 批量审核 only in 报名待审核', () => {
    expect(canBatchApprove('institution', 'standard', 'pending', 'submitted')).toBe(true);
    expect(canBatchApprove('institution', 'simplified', 'pending', 'returnedByAssessor')).toBe(false);
    expect(canBatchApprove('institution', 'exemption', 'pending', 'submitted')).toBe(false);
    expect(canBatchApprove('assessor', 'standard', 'pending', 'submitted')).toBe(false);
  });
});

describe('reviewListQueryOf', () => {
  const base: ListState = { kind: 'standard', role: 'institution', tab: 'pending', pendingKind: 'returnedByAssessor', search: {}, page: 2, pageSize: 20 };

  it('sends the sub-tab where it exists, and the query passes the API schema', () => {
    const query = reviewListQueryOf(base);
    expect(query).toEqual({ kind: 'standard', tab: 'pending', pendingKind: 'returnedByAssessor', page: 2, pageSize: 20 });
    expect(reviewListQuerySchema.safeParse(query).success).toBe(true);
  });

  it('leaves the sub-tab out for the assessor, 已审核 and 免考', () => {
    expect(reviewListQueryOf({ ...base, role: 'assessor' })).not.toHaveProperty('pendingKind');
    expect(reviewListQueryOf({ ...base, tab: 'reviewed' })).not.toHaveProperty('pendingKind');
    expect(reviewListQueryOf({ ...base, kind: 'exemption' })).not.toHaveProperty('pendingKind');
  });

  it('filters by 考核程序 only in the 免考 lists', () => {
    const search = { name: '李', procedure: 'simplified' as const };
    expect(reviewListQueryOf({ ...base, kind: 'exemption', search })).toMatchObject({ name: '李', procedure: 'simplified' });
    expect(reviewListQueryOf({ ...base, search })).not.toHaveProperty('procedure');
  });
});

describe('evaluationBodyOf', () => {
  it('sends no reasons when both are 合格, even one typed before switching back', () => {
    const body = evaluationBodyOf({ workPerformance: 'passed', workPerformanceReason: '曾写过', ethics: 'passed', ethicsReason: null });
    expect(body).toEqual({ workPerformance: 'passed', workPerformanceReason: null, ethics: 'passed', ethicsReason: null });
    expect(approveBodySchema.safeParse({ version: 3, evaluation: body }).success).toBe(true);
  });

  it('sends the trimmed reason of a 不合格 item', () => {
    const body = evaluationBodyOf({ workPerformance: 'failed', workPerformanceReason: '  工作量不足  ', ethics: 'passed' });
    expect(body).toEqual({ workPerformance: 'failed', workPerformanceReason: '工作量不足', ethics: 'passed', ethicsReason: null });
    expect(evaluationBodySchema.safeParse(body).success).toBe(true);
  });

  it('leaves a blank reason of 不合格 for the schema to refuse', () => {
    const body = evaluationBodyOf({ workPerformance: 'passed', ethics: 'failed', ethicsReason: '   ' });
    expect(body.ethicsReason).toBeNull();
    expect(evaluationBodySchema.safeParse(body).success).toBe(false);
  });

  it('refuses an incomplete evaluation', () => {
    expect(() => evaluationBodyOf({ workPerformance: 'passed' })).toThrow();
  });

  it('knows when the result becomes 不合格', () => {
    expect(evaluationFails({ workPerformance: 'passed', ethics: 'passed' })).toBe(false);
    expect(evaluationFails({ workPerformance: 'passed', ethics: 'failed' })).toBe(true);
    expect(evaluationFails({ workPerformance: 'failed', ethics: 'passed' })).toBe(true);
  });
});

describe('texts and paths', () => {
  it('names the count in the 批量审核 question', () => {
    expect(batchConfirmText(12)).toBe('确定将选中的 12 名医师审核通过？工作成绩、职业道德均评定为合格。');
  });

  it('opens the record with the list it came from', () => {
    expect(recordPath(42, 'exemption')).toBe('/reviews/record/42?kind=exemption');
  });
});

describe('decisionsShown', () => {
  const exemption = { requested: true, reason: '援外医疗', status: 'none' as const, rejectReason: null, version: 1 };
  const record = { actions: [] as ReviewAction[], blockMessage: null as string | null, status: 'PENDING_INSTITUTION_REVIEW' as const, exemption };

  it('shows what the server allows while the reviewer may decide', () => {
    expect(decisionsShown('institution', { ...record, actions: ['approve', 'reject', 'addOpinion'] })).toEqual(['approve', 'reject', 'addOpinion']);
    expect(decisionsShown('institution', record)).toEqual([]);
  });

  it('while blocked, shows the decisions the record waits for (to be shown disabled)', () => {
    const blocked = { ...record, blockMessage: '当前机构暂未指定考核机构，无法进行此操作' };
    expect(decisionsShown('institution', blocked)).toEqual(['approve', 'reject']);
    expect(decisionsShown('institution', { ...blocked, status: 'RETURNED_BY_ASSESSOR' })).toEqual(['approve', 'reject']);
    expect(decisionsShown('assessor', blocked)).toEqual([]);
    expect(decisionsShown('assessor', { ...blocked, status: 'PENDING_ASSESSOR_REVIEW' })).toEqual(['approve', 'reject']);
    expect(decisionsShown('institution', { ...blocked, status: 'AWAITING_TEST', exemption: { ...exemption, status: 'pendingInstitution' } })).toEqual([
      'approveExemption',
      'rejectExemption',
    ]);
    expect(decisionsShown('authority', blocked)).toEqual([]);
  });
});
