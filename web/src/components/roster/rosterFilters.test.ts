import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { searchOf } from './rosterFilters';

describe('searchOf', () => {
  it('keeps only what was filled in, trimmed', () => {
    expect(searchOf({ name: '  ', idNumber: ' 0422 ', ageMin: null, departmentId: undefined })).toEqual({ idNumber: '0422' });
  });

  it('sends ages (0 included) and the 首次注册时间 range as dates', () => {
    expect(
      searchOf({ ageMin: 0, ageMax: 60, firstRegistration: [dayjs('2020-01-05'), dayjs('2021-12-31')], practiceCategory: 'tcm', institutionId: 7 }),
    ).toEqual({ ageMin: 0, ageMax: 60, firstRegistrationFrom: '2020-01-05', firstRegistrationTo: '2021-12-31', practiceCategory: 'tcm', institutionId: 7 });
  });
});
