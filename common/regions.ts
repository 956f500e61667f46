// 行政区划 (GB/T 2260): every province-level division, plus the cities and districts of the demo
// province 演示省 (990000). A real deployment adds its own province's cities and districts as data.

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
}

const provinces: [string, string][] = [
  ['110000', '北京市'], ['120000', '天津市'], ['130000', '河北省'], ['140000', '山西省'],
  ['150000', '内蒙古自治区'], ['210000', '辽宁省'], ['220000', '吉林省'], ['230000', '黑龙江省'],
  ['310000', '上海市'], ['320000', '江苏省'], ['330000', '浙江省'], ['340000', '安徽省'],
  ['350000', '福建省'], ['360000', '江西省'], ['370000', '山东省'], ['410000', '河南省'],
  ['420000', '湖北省'], ['430000', '湖南省'], ['440000', '广东省'], ['450000', '广西壮族自治区'],
  ['460000', '海南省'], ['500000', '重庆市'], ['510000', '四川省'], ['520000', '贵州省'],
  ['530000', '云南省'], ['540000', '西藏自治区'], ['610000', '陕西省'], ['620000', '甘肃省'],
  ['630000', '青海省'], ['640000', '宁夏回族自治区'], ['650000', '新疆维吾尔自治区'],
  ['710000', '台湾省'], ['810000', '香港特别行政区'], ['820000', '澳门特别行政区'],
  ['990000', '演示省'],
];

const demoProvince: [string, string, string][] = [
  ['990100', '长河市', '990000'],
  ['990101', '东城区', '990100'],
  ['990102', '西城区', '990100'],
  ['990200', '青山市', '990000'],
  ['990201', '南湖区', '990200'],
  ['990202', '北岭区', '990200'],
];

export const regionCatalog: Region[] = [
  ...provinces.map(([code, name]) => ({ code, name, parentCode: null })),
  ...demoProvince.map(([code, name, parentCode]) => ({ code, name, parentCode })),
];

export type RegionLevel = 'province' | 'city' | 'district';

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'district';
}

/** The code prefix shared by a region and everything under it: jurisdiction is `LIKE prefix%`. */
export function regionPrefix(code: string): string {
  const level = regionLevel(code);
  return level === 'province' ? code.slice(0, 2) : level === 'city' ? code.slice(0, 4) : code;
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** True when `code` is `ancestor` or lies below it. */
export function regionWithin(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

const byCode = new Map(regionCatalog.map((r) => [r.code, r]));

/** Full name from province down, e.g. 演示省 长河市 东城区. */
export function regionPath(code: string): string[] {
  const names: string[] = [];
  let current = byCode.get(code);
  while (current) {
    names.unshift(current.name);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return names;
}
