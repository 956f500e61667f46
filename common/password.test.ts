import { describe, expect, it } from 'vitest';
import { PASSWORD_RULE_TEXT, initialPassword, initialPasswordText, passwordProblem } from './password.js';

const RULE = '密码至少8位，且包含大写字母、小写字母、数字、特殊字符中的三种';

describe('passwordProblem', () => {
  it('states the rule in Chinese', () => {
    expect(PASSWORD_RULE_TEXT).toBe(RULE);
  });

  it.each([
    ['Abcdef1!', 'all four classes, exactly 8 characters'],
    ['Abcdefg1', 'upper, lower, digit'],
    ['abcdefg1!', 'lower, digit, special'],
    ['ABCDEFG1!', 'upper, digit, special'],
    ['Abcdefgh!', 'upper, lower, special'],
    ['010011*Dk', 'the idSuffixDk initial password shape'],
    ['医师Abc12345', 'Chinese characters count as special characters'],
  ])('accepts %s (%s)', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('refuses 7 characters even with all four classes', () => {
    expect(passwordProblem('Abcde1!')).toBe(RULE);
  });

  it('refuses 8 lowercase letters', () => {
    expect(passwordProblem('abcdefgh')).toBe(RULE);
  });

  it.each([
    ['abcd1234', 'lower + digit'],
    ['ABCDabcd', 'upper + lower'],
    ['ABCD1234', 'upper + digit'],
    ['abcd!@#$', 'lower + special'],
    ['1234!@#$', 'digit + special'],
    ['ABCD!@#$', 'upper + special'],
  ])('refuses two classes only: %s (%s)', (password) => {
    expect(passwordProblem(password)).toBe(RULE);
  });

  it('refuses single-class passwords of any length', () => {
    expect(passwordProblem('12345678901234')).toBe(RULE);
    expect(passwordProblem('ABCDEFGHIJKL')).toBe(RULE);
    expect(passwordProblem('!@#$%^&*()')).toBe(RULE);
  });

  it('refuses the empty password', () => {
    expect(passwordProblem('')).toBe(RULE);
  });

  it('accepts 64 characters and refuses 65', () => {
    const base = 'Aa1!';
    expect(passwordProblem(base.repeat(16))).toBeNull();
    expect(passwordProblem(`${base.repeat(16)}x`)).toBe('密码长度不能超过64位');
  });
});

describe('initialPassword', () => {
  it('is 666666 under the fixed666666 rule, whatever the account', () => {
    expect(initialPassword('fixed666666', '430102198001010011')).toBe('666666');
    expect(initialPassword('fixed666666', 'JG0001')).toBe('666666');
  });

  it('is the last six characters of the account plus *Dk under idSuffixDk', () => {
    expect(initialPassword('idSuffixDk', '430102198001010011')).toBe('010011*Dk');
    expect(initialPassword('idSuffixDk', '11010519491231002X')).toBe('31002X*Dk');
    expect(initialPassword('idSuffixDk', 'E12345678')).toBe('345678*Dk');
  });

  it('differs between accounts under idSuffixDk', () => {
    expect(initialPassword('idSuffixDk', '430102198001010011')).not.toBe(initialPassword('idSuffixDk', '430102198001020011'));
  });
});

describe('initialPasswordText', () => {
  it('says the rule in words, on the 证件号码 for physicians and the 机构账号 for organisations', () => {
    expect(initialPasswordText('fixed666666', 'physician')).toBe('初始密码为666666');
    expect(initialPasswordText('fixed666666', 'organization')).toBe('初始密码为666666');
    expect(initialPasswordText('idSuffixDk', 'physician')).toBe('初始密码为证件号码后6位+*Dk');
    expect(initialPasswordText('idSuffixDk', 'organization')).toBe('初始密码为机构账号后6位+*Dk');
  });
});
