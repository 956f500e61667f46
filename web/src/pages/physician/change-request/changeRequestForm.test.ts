import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { changesOf, formFieldOf, initialValuesOf } from './changeRequestForm';

const current = {
  departmentId: 3,
  departmentName: '内科',
  specialty: '03.01',
  title: '初级（医师）',
  titleDate: '2015-07-01',
  position: null,
  positionDate: null,
  physicianLevel: 'physician' as const,
  practiceScope: '内科专业',
  education: '本科',
  mobile: null,
  email: 'old@example.com',
};

describe('信息修改申请 form', () => {
  it('starts from the record, dates as Dayjs', () => {
    const values = initialValuesOf(current);
    expect(values.departmentId).toBe(3);
    expect(dayjs.isDayjs(values.titleDate)).toBe(true);
    expect(values).not.toHaveProperty('positionDate');
  });

  it('sends only what changed; an emptied field is no change', () => {
    const values = { ...initialValuesOf(current), departmentId: 5, specialty: '04.01', titleDate: dayjs('2018-01-02'), email: '  ', mobile: ' 13800000000 ' };
    expect(changesOf(values, current)).toEqual({ departmentId: 5, specialty: '04.01', titleDate: '2018-01-02', mobile: '13800000000' });
    expect(changesOf(initialValuesOf(current), current)).toEqual({});
  });

  it('maps the server’s field keys to the form’s', () => {
    expect(formFieldOf('changes.specialty')).toBe('specialty');
    expect(formFieldOf('reason')).toBe('reason');
  });
});
