import { describe, expect, it } from 'vitest';
import { physicianBodySchema, rosterFiltersSchema } from './physician.js';

const base = {
  name: '张三', sex: 'male', idType: 'resident', idNumber: '430102198001010011',
  practiceCategory: 'clinical', practiceScope: '内科专业', licenseNumber: '1', qualificationNumber: '2',
} as const;
const fieldErrors = (input: unknown) => {
  const result = physicianBodySchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('新增医师 body', () => {
  it('converts a 15-digit 身份证 to 18 digits and fills the birth date from it', () => {
    const parsed = physicianBodySchema.parse({ ...base, idNumber: '430102800101001' });
    expect(parsed.idNumber).toBe('430102198001010011');
    expect(parsed.birthDate).toBe('1980-01-01');
  });

  it('upper-cases a trailing x', () => {
    expect(physicianBodySchema.parse({ ...base, sex: 'female', idNumber: '11010519491231002x' }).idNumber).toBe('11010519491231002X');
  });

  it('names the fields that disagree with the 身份证', () => {
    expect(fieldErrors({ ...base, sex: 'female' })).toEqual({ sex: '性别与证件号码不一致' });
    expect(fieldErrors({ ...base, birthDate: '1980-01-02' })).toEqual({ birthDate: '出生年月与证件号码不一致（证件号码为1980-01-01）' });
  });

  it('checks other ID types by their format and takes the typed sex', () => {
    expect(fieldErrors({ ...base, idType: 'passport', idNumber: 'e1234567', sex: 'female' })).toEqual({});
    expect(fieldErrors({ ...base, idType: 'hkmo', idNumber: 'X123' }).idNumber).toContain('港澳居民来往内地通行证');
  });

  it('refuses values outside the catalogs and dates in the future', () => {
    expect(fieldErrors({ ...base, education: '小学' })).toEqual({ education: '学历不正确' });
    expect(fieldErrors({ ...base, licenseDate: '2999-01-01' })).toEqual({ licenseDate: '执业证取得时间不能晚于今天' });
    expect(fieldErrors({ ...base, titleDate: '2010-01-01' })).toEqual({ title: '填写了职称取得时间，请选择职称' });
  });
});

describe('医师列表 filters', () => {
  it('takes empty fields as no filter and refuses a 证件号码 shorter than four characters', () => {
    expect(rosterFiltersSchema.parse({ name: '', idNumber: '' })).toMatchObject({ tab: 'unconfirmed', name: undefined, idNumber: undefined });
    expect(rosterFiltersSchema.safeParse({ idNumber: '123' }).success).toBe(false);
    expect(rosterFiltersSchema.parse({ idNumber: '0011' }).idNumber).toBe('0011');
  });
});
