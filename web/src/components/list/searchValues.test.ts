import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { searchValues } from './searchValues';
import { totalText } from './totalText';

describe('searchValues', () => {
  it('keeps only what was filled in, trimmed; 0 and false are values', () => {
    expect(searchValues({ name: '  ', idNumber: ' 0422 ', ageMin: 0, ageMax: null, departmentId: undefined, viewed: false })).toEqual({
      idNumber: '0422',
      ageMin: 0,
      viewed: false,
    });
  });

  it('turns a date range into …From / …To, each only when given', () => {
    expect(searchValues({ firstRegistration: [dayjs('2020-01-05'), dayjs('2021-12-31')] })).toEqual({
      firstRegistrationFrom: '2020-01-05',
      firstRegistrationTo: '2021-12-31',
    });
    expect(searchValues({ firstRegistration: [null, dayjs('2021-12-31')] })).toEqual({ firstRegistrationTo: '2021-12-31' });
    expect(searchValues({ firstRegistration: [null, null] })).toEqual({});
  });
});

describe('totalText', () => {
  it('says the total one way on every list, and asks to narrow a capped count', () => {
    expect(totalText(0)).toBe('共 0 条');
    expect(totalText(1234)).toBe('共 1234 条');
    expect(totalText(10000, true)).toBe('共 10000+ 条，请按条件缩小范围');
  });
});
