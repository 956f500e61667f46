import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../../../common/id-number';
import { bodyOf, identityFromId, problemsOf, type PhysicianFormValues } from './physicianForm';

const first17 = '11010519850728101';
const validId = first17 + residentIdCheckChar(first17);

const complete: PhysicianFormValues = {
  name: '张三',
  sex: 'male',
  idType: 'resident',
  idNumber: validId,
  practiceCategory: 'clinical',
  practiceScope: '内科专业',
  licenseNumber: 'ZY001',
  qualificationNumber: 'ZG001',
  licenseDate: dayjs('2010-06-10'),
};

describe('identityFromId', () => {
  it('reads 出生年月 and 性别 from a valid 居民身份证', () => {
    const identity = identityFromId('resident', validId);
    expect(identity?.birthDate.format('YYYY-MM-DD')).toBe('1985-07-28');
    expect(identity?.sex).toBe('male');
  });

  it('reads nothing from other ID types or an invalid number', () => {
    expect(identityFromId('passport', validId)).toBeNull();
    const wrongCheckDigit = first17 + (residentIdCheckChar(first17) === '0' ? '1' : '0');
    expect(identityFromId('resident', wrongCheckDigit)).toBeNull();
    expect(identityFromId('resident', '1234')).toBeNull();
  });
});

describe('bodyOf and problemsOf', () => {
  it('sends dates as YYYY-MM-DD and empty optionals as null', () => {
    const body = bodyOf(complete);
    expect(body.licenseDate).toBe('2010-06-10');
    expect(body.birthDate).toBeNull();
    expect(body.departmentId).toBeNull();
    expect(problemsOf(body)).toEqual({});
  });

  it('names the field of each cross-field problem', () => {
    const problems = problemsOf(bodyOf({ ...complete, sex: 'female', practiceScope: '口腔专业', birthDate: dayjs('1990-01-01') }));
    expect(problems.sex).toBe('性别与证件号码不一致');
    expect(problems.practiceScope).toContain('不属于所选执业类别');
    expect(problems.birthDate).toContain('出生年月与证件号码不一致');
  });

  it('asks for each required field', () => {
    const problems = problemsOf(bodyOf({ idType: 'resident' }));
    expect(problems.name).toBe('请输入姓名');
    expect(problems.licenseNumber).toBe('请输入执业证书编码');
  });
});
