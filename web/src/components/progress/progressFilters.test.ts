import { describe, expect, it } from 'vitest';
import { progressFiltersSchema } from '../../../../common/schemas/assessment-progress';
import { searchOf } from './progressFilters';

describe('searchOf (考核进度)', () => {
  it('keeps only what was filled in, trimmed', () => {
    expect(searchOf({ name: '  ', idNumber: ' 0422 ', ageMin: null, departmentId: undefined, status: null, regionCode: '' })).toEqual({ idNumber: '0422' });
  });

  it('sends age 0, the 考核 filters and the scope as the API reads them', () => {
    const search = searchOf({ ageMin: 0, ageMax: 60, status: 'PENDING_REGISTRATION', procedure: 'none', result: 'failed', exemptionStatus: 'approved', institutionId: 7, regionCode: '990100' });
    expect(search).toEqual({ ageMin: 0, ageMax: 60, status: 'PENDING_REGISTRATION', procedure: 'none', result: 'failed', exemptionStatus: 'approved', institutionId: 7, regionCode: '990100' });
    expect(progressFiltersSchema.safeParse(search).success).toBe(true);
  });
});
