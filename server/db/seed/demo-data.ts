// The demo province 演示省 (990000): its authorities, institutions and departments, as data.
import type { InstitutionGrade, InstitutionLevel, InstitutionType } from '../../../common/enums.js';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_PHYSICIAN_ID = '430102198001010011';
/** The first demo physician of DEMO0003 waiting for the test (待参加考核); the seed makes them so (demo-tests.ts). */
export const DEMO_EXAMINEE_ID = '510107198903071245';

export const demoAuthorities: { regionCode: string; name: string; account: string; contact: string; phone: string }[] = [
  { regionCode: '990000', name: '演示省卫生健康委员会', account: 'wjw990000', contact: '周明', phone: '0990-88001001' },
  { regionCode: '990100', name: '长河市卫生健康委员会', account: 'wjw990100', contact: '陈静', phone: '0991-86002001' },
  { regionCode: '990101', name: '长河市东城区卫生健康局', account: 'wjw990101', contact: '刘洋', phone: '0991-86102001' },
  { regionCode: '990102', name: '长河市西城区卫生健康局', account: 'wjw990102', contact: '赵敏', phone: '0991-86202001' },
  { regionCode: '990200', name: '青山市卫生健康委员会', account: 'wjw990200', contact: '孙磊', phone: '0992-87002001' },
  { regionCode: '990201', name: '青山市南湖区卫生健康局', account: 'wjw990201', contact: '吴芳', phone: '0992-87102001' },
  { regionCode: '990202', name: '青山市北岭区卫生健康局', account: 'wjw990202', contact: '郑凯', phone: '0992-87202001' },
];

export interface DemoInstitution {
  account: string;
  name: string;
  authorityRegion: string;
  regionCode: string;
  street: string;
  type: InstitutionType;
  level: InstitutionLevel;
  grade: InstitutionGrade;
  beds: number;
  physicians: number;
  legalRepresentative: string;
  contactPerson: string;
  contactPhone: string;
  mobile: string;
  /** Department name → 诊疗科目 codes. */
  departments: [string, string[]][];
}

const hospitalDepartments: [string, string[]][] = [
  ['内科', ['03.01', '03.02', '03.03', '03.04', '03.05']],
  ['外科', ['04.01', '04.02', '04.03', '04.04']],
  ['妇产科', ['05.01', '05.02']],
  ['儿科', ['07.01', '07.04']],
  ['急诊医学科', ['20']],
  ['医学影像科', ['32']],
  ['口腔科', ['12.01', '12.05']],
  ['中医科', ['50.01', '50.13']],
];

export const demoInstitutions: DemoInstitution[] = [
  {
    account: 'DEMO0001', name: '演示省人民医院', authorityRegion: '990000', regionCode: '990101', street: '人民大道1号',
    type: 'medical', level: 'level3', grade: 'gradeA', beds: 1800, physicians: 120,
    legalRepresentative: '王建国', contactPerson: '李娜', contactPhone: '0991-86660001', mobile: '13800990001',
    departments: hospitalDepartments,
  },
  {
    account: 'DEMO0002', name: '长河市第二人民医院', authorityRegion: '990100', regionCode: '990102', street: '健康路88号',
    type: 'medical', level: 'level2', grade: 'gradeA', beds: 600, physicians: 60,
    legalRepresentative: '张志强', contactPerson: '何丽', contactPhone: '0991-86660002', mobile: '13800990002',
    departments: hospitalDepartments.slice(0, 6),
  },
  {
    account: 'DEMO0003', name: '长河市东城区社区卫生服务中心', authorityRegion: '990101', regionCode: '990101', street: '东城街道幸福里12号',
    type: 'primary', level: 'level1', grade: 'ungraded', beds: 40, physicians: 25,
    legalRepresentative: '马东', contactPerson: '林小红', contactPhone: '0991-86660003', mobile: '13800990003',
    departments: [['全科医疗科', ['02']], ['预防保健科', ['01']], ['中医科', ['50.01']]],
  },
  {
    account: 'DEMO0004', name: '青山市中医医院', authorityRegion: '990200', regionCode: '990201', street: '杏林路6号',
    type: 'medical', level: 'level2', grade: 'gradeA', beds: 450, physicians: 45,
    legalRepresentative: '郭仁和', contactPerson: '黄蓉', contactPhone: '0992-87660004', mobile: '13800990004',
    departments: [['中医内科', ['50.01']], ['针灸推拿科', ['50.13', '50.14']], ['中医骨伤科', ['50.10']], ['中西医结合科', ['52']]],
  },
  {
    account: 'DEMO0005', name: '青山市疾病预防控制中心', authorityRegion: '990200', regionCode: '990200', street: '防疫路3号',
    type: 'prevention', level: 'unrated', grade: 'ungraded', beds: 0, physicians: 20,
    legalRepresentative: '高远', contactPerson: '曹阳', contactPhone: '0992-87660005', mobile: '13800990005',
    departments: [['传染病防制科', ['16']], ['预防保健科', ['01']]],
  },
  {
    account: 'DEMO0006', name: '青山市北岭区妇幼保健院', authorityRegion: '990202', regionCode: '990202', street: '北岭大道120号',
    type: 'maternal', level: 'level2', grade: 'gradeB', beds: 200, physicians: 30,
    legalRepresentative: '宋婉', contactPerson: '唐敏', contactPhone: '0992-87660006', mobile: '13800990006',
    departments: [['妇产科', ['05.01', '05.02']], ['儿科', ['07.01']], ['儿童保健科', ['09']], ['妇女保健科', ['06']]],
  },
];
