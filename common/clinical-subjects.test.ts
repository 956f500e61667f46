import { describe, expect, it } from 'vitest';
import {
  allClinicalSubjectCodes,
  clinicalSubjectCatalog,
  clinicalSubjectLabel,
  clinicalSubjectName,
  isClinicalSubjectCode,
  type ClinicalSubject,
} from './clinical-subjects';

const walk = (items: ClinicalSubject[], parent: ClinicalSubject | null, visit: (s: ClinicalSubject, p: ClinicalSubject | null) => void) => {
  for (const item of items) {
    visit(item, parent);
    if (item.children) walk(item.children, item, visit);
  }
};

describe('《医疗机构诊疗科目名录》', () => {
  it('has every code once, each a dotted number of two-digit parts', () => {
    const codes: string[] = [];
    walk(clinicalSubjectCatalog, null, (s) => codes.push(s.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{2}(\.\d{2}){0,2}$/);
    expect(allClinicalSubjectCodes()).toEqual(codes);
  });

  it('nests each item under the subject whose code it extends, one level at a time', () => {
    walk(clinicalSubjectCatalog, null, (s, parent) => {
      if (!parent) expect(s.code).toMatch(/^\d{2}$/);
      else expect(s.code).toMatch(new RegExp(`^${parent.code.replace('.', '\\.')}\\.\\d{2}$`));
    });
  });

  it('gives every item a name', () => {
    walk(clinicalSubjectCatalog, null, (s) => expect(s.name.trim().length).toBeGreaterThan(0));
  });

  it('lists the 35 first-level subjects of the 名录, 01 to 69', () => {
    const first = clinicalSubjectCatalog.map((s) => s.code);
    expect(first).toHaveLength(35);
    expect(first.slice(0, 3)).toEqual(['01', '02', '03']);
    expect(first).not.toContain('29');
    expect(first.at(-1)).toBe('69');
  });

  it('keeps the codes the demo data uses', () => {
    const used: Record<string, string> = {
      '01': '预防保健科', '02': '全科医疗科', '03.01': '呼吸内科专业', '03.05': '血液内科专业', '04.01': '普通外科专业',
      '04.04': '泌尿外科专业', '05.01': '妇科专业', '05.02': '产科专业', '06': '妇女保健科', '07.01': '新生儿专业',
      '07.04': '小儿呼吸专业', '09': '儿童保健科', '12.01': '牙体牙髓病专业', '12.05': '口腔颌面外科专业', '16': '传染科',
      '20': '急诊医学科', '32': '医学影像科', '50.01': '内科专业', '50.10': '骨伤科专业', '50.13': '针灸科专业',
      '50.14': '推拿科专业', '52': '中西医结合科',
    };
    for (const [code, name] of Object.entries(used)) expect(clinicalSubjectName(code), code).toBe(name);
  });

  it('has the second-level items added to the subjects that lacked them', () => {
    expect(clinicalSubjectName('11.03')).toBe('咽喉科专业');
    expect(clinicalSubjectName('15.07')).toBe('司法精神专业');
    expect(clinicalSubjectName('16.05')).toBe('动物源性传染病专业');
    expect(clinicalSubjectName('23.05')).toBe('职业健康监护专业');
    expect(clinicalSubjectName('30.04')).toBe('临床免疫、血清学专业');
    expect(clinicalSubjectName('32.10')).toBe('放射治疗专业');
    expect(clinicalSubjectName('51.05')).toBe('傣医学');
  });

  it('has the eight organ-transplant items under 外科', () => {
    const transplants: string[] = [];
    walk(clinicalSubjectCatalog, null, (s) => {
      if (s.name.endsWith('移植项目')) transplants.push(s.name);
    });
    expect(transplants.sort()).toEqual(
      ['肝脏移植项目', '肾脏移植项目', '心脏移植项目', '肺脏移植项目', '胰腺移植项目', '小肠移植项目', '亲属肝脏移植项目', '亲属肾脏移植项目'].sort(),
    );
    expect(clinicalSubjectName('04.01.01')).toBe('肝脏移植项目');
    expect(clinicalSubjectName('04.04.01')).toBe('肾脏移植项目');
  });

  it('looks codes up, and knows what is not a code', () => {
    expect(isClinicalSubjectCode('03.04')).toBe(true);
    expect(isClinicalSubjectCode('29')).toBe(false);
    expect(isClinicalSubjectCode('03.99')).toBe(false);
    expect(isClinicalSubjectCode('')).toBe(false);
    expect(clinicalSubjectName('99')).toBeUndefined();
  });

  it('labels items so that a list of names reads on its own: 其他 with its parent, 中医科 items as 中医…', () => {
    expect(clinicalSubjectLabel('03.11')).toBe('其他（内科）');
    expect(clinicalSubjectLabel('50.18')).toBe('其他（中医科）');
    expect(clinicalSubjectLabel('50.01')).toBe('中医内科专业');
    expect(clinicalSubjectLabel('50')).toBe('中医科');
    expect(clinicalSubjectLabel('03.04')).toBe('心血管内科专业');
    expect(clinicalSubjectLabel('69')).toBe('其他业务科室');
    expect(clinicalSubjectLabel('xx')).toBe('xx');
  });
});
