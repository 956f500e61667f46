import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { bodyOf, datesOf, itemErrors, valuesOf } from './cycleForm';

const values = {
  name: '2027-2029年度',
  period: [dayjs('2027-01-01'), dayjs('2029-12-31')] as [dayjs.Dayjs, dayjs.Dayjs],
  assessorApplication: [dayjs('2027-03-01'), dayjs('2027-04-30')] as [dayjs.Dayjs, dayjs.Dayjs],
  registration: [dayjs('2027-04-01'), dayjs('2027-05-31')] as [dayjs.Dayjs, dayjs.Dayjs],
  review: [dayjs('2027-04-15'), dayjs('2027-06-30')] as [dayjs.Dayjs, dayjs.Dayjs],
  test: [dayjs('2027-07-01'), dayjs('2027-08-31')] as [dayjs.Dayjs, dayjs.Dayjs],
  isCurrent: false,
};

describe('考核周期 form', () => {
  it('turns the pickers into the API body and back', () => {
    const body = bodyOf(values);
    expect(body).toMatchObject({ startDate: '2027-01-01', endDate: '2029-12-31', registrationStart: '2027-04-01', testEnd: '2027-08-31' });
    const again = valuesOf({ ...body, retakeStart: body.retakeStart ?? null, retakeEnd: body.retakeEnd ?? null, id: 1, windows: [], updatedAt: '2027-01-01T00:00:00.000Z', isCurrent: false });
    expect(bodyOf(again)).toEqual(body);
  });

  it('has no dates until every range is chosen', () => {
    expect(datesOf({ ...values, review: null })).toBeNull();
  });

  it('shows each API field message on the picker it belongs to', () => {
    expect(itemErrors({ registrationEnd: 'a', registrationStart: 'b', endDate: 'c', name: 'd', other: 'e' })).toEqual([
      { name: 'registration', errors: ['a', 'b'] },
      { name: 'period', errors: ['c'] },
      { name: 'name', errors: ['d'] },
    ]);
  });
});
