import { describe, expect, it } from 'vitest';
import { provinceCodeOf, regionCatalog, regionLevel, regionPath, regionPrefix, regionWithin } from './regions.js';

/** GB/T 2260 province-level divisions: 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs. */
const PROVINCE_LEVEL: Record<string, string> = {
  '110000': '北京市', '120000': '天津市', '130000': '河北省', '140000': '山西省', '150000': '内蒙古自治区',
  '210000': '辽宁省', '220000': '吉林省', '230000': '黑龙江省',
  '310000': '上海市', '320000': '江苏省', '330000': '浙江省', '340000': '安徽省', '350000': '福建省',
  '360000': '江西省', '370000': '山东省',
  '410000': '河南省', '420000': '湖北省', '430000': '湖南省', '440000': '广东省', '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市', '510000': '四川省', '520000': '贵州省', '530000': '云南省', '540000': '西藏自治区',
  '610000': '陕西省', '620000': '甘肃省', '630000': '青海省', '640000': '宁夏回族自治区', '650000': '新疆维吾尔自治区',
  '710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区',
};

describe('regionCatalog', () => {
  it('has all 34 province-level divisions plus 演示省 990000, with their names and no parent', () => {
    expect(Object.keys(PROVINCE_LEVEL)).toHaveLength(34);
    const byCode = new Map(regionCatalog.map((r) => [r.code, r]));
    for (const [code, name] of Object.entries(PROVINCE_LEVEL)) {
      expect(byCode.get(code), code).toEqual({ code, name, parentCode: null });
    }
    expect(byCode.get('990000')).toEqual({ code: '990000', name: '演示省', parentCode: null });
    const topLevel = regionCatalog.filter((r) => r.parentCode === null).map((r) => r.code).sort();
    expect(topLevel).toEqual([...Object.keys(PROVINCE_LEVEL), '990000'].sort());
  });

  it('has no duplicate codes', () => {
    const codes = regionCatalog.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has only six-digit codes', () => {
    for (const r of regionCatalog) expect(r.code, r.name).toMatch(/^\d{6}$/);
  });

  it('has a parent in the catalog for every parentCode, one level up and under the same prefix', () => {
    const byCode = new Map(regionCatalog.map((r) => [r.code, r]));
    for (const r of regionCatalog) {
      if (r.parentCode === null) {
        expect(regionLevel(r.code), r.code).toBe('province');
        continue;
      }
      const parent = byCode.get(r.parentCode);
      expect(parent, `${r.code} → ${r.parentCode}`).toBeDefined();
      expect(regionWithin(r.code, r.parentCode), r.code).toBe(true);
      const expectedParentLevel = regionLevel(r.code) === 'district' ? 'city' : 'province';
      expect(regionLevel(r.parentCode), r.code).toBe(expectedParentLevel);
    }
  });

  it('has the demo province with cities and districts', () => {
    const demo = regionCatalog.filter((r) => r.code.startsWith('99'));
    expect(demo.map((r) => regionLevel(r.code))).toEqual(expect.arrayContaining(['province', 'city', 'district']));
    expect(regionCatalog.find((r) => r.code === '990101')).toEqual({ code: '990101', name: '东城区', parentCode: '990100' });
  });
});

describe('regionLevel', () => {
  it.each([
    ['990000', 'province'],
    ['990100', 'city'],
    ['990101', 'district'],
    ['430000', 'province'],
    ['430100', 'city'],
    ['430102', 'district'],
  ] as const)('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });
});

describe('regionPrefix', () => {
  it.each([
    ['990000', '99'],
    ['990100', '9901'],
    ['990101', '990101'],
    ['430000', '43'],
    ['430100', '4301'],
    ['430102', '430102'],
  ])('%s → %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
});

describe('provinceCodeOf', () => {
  it.each([
    ['990000', '990000'],
    ['990100', '990000'],
    ['990101', '990000'],
    ['430102', '430000'],
    ['110105', '110000'],
  ])('%s → %s', (code, province) => {
    expect(provinceCodeOf(code)).toBe(province);
  });
});

describe('regionWithin', () => {
  it('counts a region as within itself', () => {
    for (const code of ['990000', '990100', '990101', '430000']) expect(regionWithin(code, code), code).toBe(true);
  });

  it('puts districts and cities under their province and city', () => {
    expect(regionWithin('990100', '990000')).toBe(true);
    expect(regionWithin('990101', '990000')).toBe(true);
    expect(regionWithin('990101', '990100')).toBe(true);
    expect(regionWithin('430102', '430000')).toBe(true);
    expect(regionWithin('430102', '430100')).toBe(true);
  });

  it('keeps siblings and other provinces out', () => {
    expect(regionWithin('990201', '990100')).toBe(false);
    expect(regionWithin('990102', '990101')).toBe(false);
    expect(regionWithin('430102', '990000')).toBe(false);
    expect(regionWithin('990101', '430000')).toBe(false);
  });

  it('does not put an ancestor within its descendant', () => {
    expect(regionWithin('990000', '990100')).toBe(false);
    expect(regionWithin('990100', '990101')).toBe(false);
    expect(regionWithin('430000', '430102')).toBe(false);
  });
});

describe('regionPath', () => {
  it('names the demo regions from the province down', () => {
    expect(regionPath('990000')).toEqual(['演示省']);
    expect(regionPath('990100')).toEqual(['演示省', '长河市']);
    expect(regionPath('990101')).toEqual(['演示省', '长河市', '东城区']);
    expect(regionPath('990202')).toEqual(['演示省', '青山市', '北岭区']);
  });

  it('names a real province', () => {
    expect(regionPath('430000')).toEqual(['湖南省']);
    expect(regionPath('110000')).toEqual(['北京市']);
  });

  it('is empty for a code not in the catalog', () => {
    expect(regionPath('000000')).toEqual([]);
    expect(regionPath('430102')).toEqual([]);
  });
});
