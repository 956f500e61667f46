import { describe, expect, it } from 'vitest';
import { examProgressFiltersSchema } from '../../../../common/schemas/exam-progress';
import { searchOf } from './examProgressFilters';

describe('searchOf (测评进度)', () => {
  it('keeps only what was filled in, trimmed', () => {
    expect(searchOf({ name: '  ', idNumber: ' 0422 ', departmentId: undefined, state: null, regionCode: '' })).toEqual({ idNumber: '0422' });
  });

  it('sends the 测评 filters and the scope as the API reads them', () => {
    const search = searchOf({ state: 'submitted', outcome: 'failed', paper: 'proficiency', stage: 'retake', physicianLevel: 'assistant', practiceCategory: 'tcm', institutionId: 7, regionCode: '990100' });
    expect(search).toEqual({ state: 'submitted', outcome: 'failed', paper: 'proficiency', stage: 'retake', physicianLevel: 'assistant', practiceCategory: 'tcm', institutionId: 7, regionCode: '990100' });
    const parsed = examProgressFiltersSchema.safeParse({ ...search, procedure: 'simplified' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ ...search, procedure: 'simplified' });
  });
});
