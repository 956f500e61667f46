import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canonicalIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  normalizeResidentId,
  residentIdCheckChar,
} from './id-number.js';

/**
 * ISO 7064 MOD 11-2, written independently of the code under test (the recursive form, not the
 * weight table): p = ((p + digit) * 2) mod 11 over the 17 digits, check = (12 - p) mod 11, 10 → X.
 */
function mod11_2(first17: string): string {
  let p = 0;
  for (const ch of first17) p = ((p + Number(ch)) * 2) % 11;
  const r = (12 - p) % 11;
  return r === 10 ? 'X' : String(r);
}
const withCheck = (first17: string) => first17 + mod11_2(first17);

/** Known-valid numbers; the weighted sums were worked out by hand with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. */
const knownValid = [
  { id: '430102198001010011', weightedSum: 143, birthDate: '1980-01-01', sex: 'male' },
  { id: '11010519491231002X', weightedSum: 167, birthDate: '1949-12-31', sex: 'female' },
  { id: '440307199003075416', weightedSum: undefined, birthDate: '1990-03-07', sex: 'male' },
  { id: '32058219850615000X', weightedSum: undefined, birthDate: '1985-06-15', sex: 'female' },
] as const;

const WRONG_CHECK = '证件号码校验位不正确，请核对';
const WRONG_SHAPE = '证件号码应为18位（或15位）居民身份证号码';
const BAD_BIRTH = '证件号码中的出生日期无效';

afterEach(() => {
  vi.useRealTimers();
});

describe('the test table itself', () => {
  it.each(knownValid)('$id has the check character MOD 11-2 gives', ({ id, weightedSum }) => {
    expect(mod11_2(id.slice(0, 17))).toBe(id[17]);
    if (weightedSum !== undefined) {
      // GB 11643 table form: check = '10X98765432'[sum mod 11]
      expect('10X98765432'[weightedSum % 11]).toBe(id[17]);
    }
  });
});

describe('residentIdCheckChar', () => {
  it.each(knownValid)('computes the check character of $id', ({ id }) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
  });

  it('agrees with MOD 11-2 over many generated prefixes, including X results', () => {
    let sawX = false;
    for (let n = 0; n < 500; n++) {
      const seq = String(n).padStart(3, '0');
      const first17 = `110101${19800101 + (n % 28)}${seq}`;
      const expected = mod11_2(first17);
      if (expected === 'X') sawX = true;
      expect(residentIdCheckChar(first17), first17).toBe(expected);
    }
    expect(sawX).toBe(true);
  });
});

describe('normalizeResidentId — 18 digits', () => {
  it.each(knownValid)('accepts $id and derives birth date and sex', ({ id, birthDate, sex }) => {
    expect(normalizeResidentId(id)).toEqual({ ok: true, value: id, birthDate, sex });
  });

  it('refuses a wrong check digit with the Chinese message', () => {
    expect(normalizeResidentId('430102198001010012')).toEqual({ ok: false, message: WRONG_CHECK });
    expect(normalizeResidentId('110105194912310021')).toEqual({ ok: false, message: WRONG_CHECK });
    // every wrong check character is refused, not just one
    const first17 = '43010219800101001';
    for (const c of '0123456789X') {
      const result = normalizeResidentId(first17 + c);
      expect(result.ok, c).toBe(c === '1');
    }
  });

  it('accepts a lowercase x and returns it upper-case', () => {
    expect(normalizeResidentId('11010519491231002x')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('trims surrounding spaces', () => {
    const result = normalizeResidentId('  430102198001010011 ');
    expect(result).toMatchObject({ ok: true, value: '430102198001010011' });
  });

  it('refuses wrong lengths and non-digits with the shape message', () => {
    for (const bad of ['', '43010219800101001', '4301021980010100111', '43010219800101001A', 'X30102198001010011', '4301021980010100 1']) {
      expect(normalizeResidentId(bad), bad).toEqual({ ok: false, message: WRONG_SHAPE });
    }
  });

  it('derives sex from the 17th digit: odd male, even female', () => {
    for (const [seq, sex] of [['001', 'male'], ['002', 'female'], ['009', 'male'], ['010', 'female']] as const) {
      const id = withCheck(`43010219800101${seq}`);
      expect(normalizeResidentId(id), id).toMatchObject({ ok: true, sex });
    }
  });
});

describe('normalizeResidentId — birth dates', () => {
  it('refuses 30 February (with a correct check digit)', () => {
    const id = withCheck('43010219800230001');
    expect(normalizeResidentId(id)).toEqual({ ok: false, message: BAD_BIRTH });
  });

  it('refuses other impossible dates', () => {
    for (const date of ['19801301', '19800001', '19800100', '19800431', '19010229']) {
      const id = withCheck(`430102${date}001`);
      expect(normalizeResidentId(id), id).toEqual({ ok: false, message: BAD_BIRTH });
    }
  });

  it('accepts 29 February of a leap year', () => {
    expect(normalizeResidentId(withCheck('43010220000229001'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('refuses a birth year before 1900', () => {
    expect(normalizeResidentId(withCheck('43010218991231001'))).toEqual({ ok: false, message: BAD_BIRTH });
    expect(normalizeResidentId(withCheck('43010219000101001'))).toMatchObject({ ok: true, birthDate: '1900-01-01' });
  });

  it('refuses a future birth date', () => {
    expect(normalizeResidentId(withCheck('43010220990101001'))).toEqual({ ok: false, message: BAD_BIRTH });
  });

  it('accepts today and refuses tomorrow', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 5, 15, 12, 0, 0)); // 2026-06-15 noon, local time
    expect(normalizeResidentId(withCheck('43010220260615001'))).toMatchObject({ ok: true, birthDate: '2026-06-15' });
    expect(normalizeResidentId(withCheck('43010220260616001'))).toEqual({ ok: false, message: BAD_BIRTH });
  });
});

describe('normalizeResidentId — 15 digits', () => {
  it('converts to 18 digits by inserting 19 and appending the check character', () => {
    expect(normalizeResidentId('430102800101001')).toEqual({
      ok: true,
      value: '430102198001010011',
      birthDate: '1980-01-01',
      sex: 'male',
    });
    expect(normalizeResidentId('110105491231002')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('gives the check character MOD 11-2 gives for many 15-digit numbers', () => {
    for (let n = 1; n < 200; n++) {
      const seq = String(n).padStart(3, '0');
      const id15 = `320582850615${seq}`;
      const expected = withCheck(`32058219850615${seq}`);
      expect(normalizeResidentId(id15), id15).toMatchObject({ ok: true, value: expected });
    }
  });

  it('refuses an impossible birth date in a 15-digit number', () => {
    expect(normalizeResidentId('430102800230001')).toEqual({ ok: false, message: BAD_BIRTH });
  });
});

describe('normalizeIdNumber — other ID types', () => {
  it('passes 居民身份证 to the resident rules', () => {
    expect(normalizeIdNumber('resident', '430102800101001')).toMatchObject({ ok: true, value: '430102198001010011' });
    expect(normalizeIdNumber('resident', '430102198001010012')).toEqual({ ok: false, message: WRONG_CHECK });
  });

  it.each([
    ['officer', '军字第1234567号', '军字第1234567号'],
    ['officer', '南字第12345号', '南字第12345号'],
    ['officer', ' 海字第12345678号 ', '海字第12345678号'],
    ['hkmo', 'H12345678', 'H12345678'],
    ['hkmo', 'M1234567890', 'M1234567890'],
    ['hkmo', 'h12345678', 'H12345678'],
    ['taiwan', '12345678', '12345678'],
    ['taiwan', '1234567890', '1234567890'],
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'e12345678', 'E12345678'],
    ['passport', 'G1234', 'G1234'],
  ] as const)('accepts %s %s as %s', (idType, raw, value) => {
    expect(normalizeIdNumber(idType, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['officer', '1234567', '军官证号码格式应为“X字第NNNNNNN号”'],
    ['officer', '军字第1234号', '军官证号码格式应为“X字第NNNNNNN号”'],
    ['officer', '军字第123456789号', '军官证号码格式应为“X字第NNNNNNN号”'],
    ['officer', '军字1234567号', '军官证号码格式应为“X字第NNNNNNN号”'],
    ['hkmo', 'H1234567', '港澳居民来往内地通行证号码应为H或M开头加8位或10位数字'],
    ['hkmo', 'H123456789', '港澳居民来往内地通行证号码应为H或M开头加8位或10位数字'],
    ['hkmo', 'A12345678', '港澳居民来往内地通行证号码应为H或M开头加8位或10位数字'],
    ['taiwan', '1234567', '台湾居民来往大陆通行证号码应为8位或10位数字'],
    ['taiwan', '123456789', '台湾居民来往大陆通行证号码应为8位或10位数字'],
    ['taiwan', 'T12345678', '台湾居民来往大陆通行证号码应为8位或10位数字'],
    ['passport', 'E123', '护照号码应为5至17位大写字母或数字'],
    ['passport', 'E-12345678', '护照号码应为5至17位大写字母或数字'],
    ['passport', 'E12345678901234567', '护照号码应为5至17位大写字母或数字'],
    ['passport', '护照12345', '护照号码应为5至17位大写字母或数字'],
  ] as const)('refuses %s %s', (idType, raw, message) => {
    expect(normalizeIdNumber(idType, raw)).toEqual({ ok: false, message });
  });
});

describe('canonicalIdNumber', () => {
  it('makes the 15- and 18-digit forms of one 身份证 equal', () => {
    expect(canonicalIdNumber('430102800101001')).toBe('430102198001010011');
    expect(canonicalIdNumber('430102198001010011')).toBe('430102198001010011');
    expect(canonicalIdNumber('110105491231002')).toBe(canonicalIdNumber('11010519491231002x'));
  });

  it('keeps different people different', () => {
    expect(canonicalIdNumber('430102800101001')).not.toBe(canonicalIdNumber('110105491231002'));
  });

  it('upper-cases and trims anything that is not a valid 身份证', () => {
    expect(canonicalIdNumber(' e12345678 ')).toBe('E12345678');
    expect(canonicalIdNumber('h12345678')).toBe('H12345678');
    expect(canonicalIdNumber('军字第1234567号')).toBe('军字第1234567号');
    // an 18-digit number with a wrong check digit is not "repaired"
    expect(canonicalIdNumber('430102198001010012')).toBe('430102198001010012');
  });
});

describe('maskIdNumber', () => {
  it('shows the first four and last two with five stars between', () => {
    expect(maskIdNumber('430102198001010011')).toBe('4301*****11');
    expect(maskIdNumber('11010519491231002X')).toBe('1101*****2X');
    expect(maskIdNumber('H12345678')).toBe('H123*****78');
    expect(maskIdNumber('1234567')).toBe('1234*****67');
  });

  it('shows only the first character of short numbers', () => {
    expect(maskIdNumber('G1234')).toBe('G*****');
    expect(maskIdNumber('123456')).toBe('1*****');
  });

  it('never reveals the birth date of an 18-digit number', () => {
    expect(maskIdNumber('430102198001010011')).not.toContain('19800101');
  });
});
