// Deterministic, realistic demo physicians: valid 身份证 check digits, plausible careers.
import { Faker, zh_CN, base } from '@faker-js/faker';
import dayjs from 'dayjs';
import type { PhysicianLevel, PracticeCategory, Sex } from '../../../common/enums.js';
import { residentIdCheckChar } from '../../../common/id-number.js';
import type { titles } from '../../../common/physician-catalogs.js';
import { DEMO_PHYSICIAN_ID, type DemoInstitution } from './demo-data.js';

export interface DemoPhysician {
  institutionAccount: string;
  departmentName: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  ethnicity: string;
  education: string;
  email: string;
  mobile: string;
  practiceCategory: PracticeCategory;
  practiceScope: string;
  physicianLevel: PhysicianLevel;
  title: string;
  licenseNumber: string;
  licenseDate: string;
  qualificationNumber: string;
  qualificationDate: string;
  firstRegistrationDate: string;
}

const BIRTH_REGIONS = ['430102', '430103', '430104', '430111', '430181', '110105', '320102', '440106', '420106', '510107'];
const EDUCATIONS = ['大专', '本科', '本科', '本科', '硕士研究生', '博士研究生'];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '土家族', '苗族', '回族', '壮族'];

const scopeByDepartment: Record<string, string> = {
  内科: '内科专业', 外科: '外科专业', 妇产科: '妇产科专业', 儿科: '儿科专业', 急诊医学科: '急救医学专业',
  医学影像科: '医学影像和放射治疗专业', 口腔科: '口腔专业', 中医科: '中医专业', 全科医疗科: '全科医学专业',
  预防保健科: '预防保健专业', 中医内科: '中医专业', 针灸推拿科: '中医专业', 中医骨伤科: '中医专业',
  中西医结合科: '中西医结合专业', 传染病防制科: '公共卫生类别专业', 儿童保健科: '儿科专业', 妇女保健科: '妇产科专业',
};

function categoryOf(department: string, institution: DemoInstitution): PracticeCategory {
  if (department === '口腔科') return 'dental';
  if (department.startsWith('中') || department.includes('针灸')) return 'tcm';
  if (institution.type === 'prevention') return 'publicHealth';
  return 'clinical';
}

function titleFor(age: number, level: PhysicianLevel): (typeof titles)[number] {
  if (level === 'assistant') return age > 45 ? '初级（医师）' : '初级（医士）';
  if (age >= 52) return '正高（主任医师）';
  if (age >= 44) return '副高（副主任医师）';
  if (age >= 34) return '中级（主治/主管）';
  return '初级（医师）';
}

export function generateDemoPhysicians(institutions: DemoInstitution[]): DemoPhysician[] {
  const faker = new Faker({ locale: [zh_CN, base], seed: 2026 });
  const used = new Set<string>([DEMO_PHYSICIAN_ID]);
  const result: DemoPhysician[] = [];
  let serial = 0;
  for (const institution of institutions) {
    for (let i = 0; i < institution.physicians; i++) {
      serial += 1;
      const fixed = institution.account === 'DEMO0002' && i === 0;
      const department = faker.helpers.arrayElement(institution.departments)[0];
      let idNumber = DEMO_PHYSICIAN_ID;
      if (!fixed) {
        do {
          const birth = dayjs('1962-01-01').add(faker.number.int({ min: 0, max: 36 * 365 }), 'day').format('YYYYMMDD');
          const first17 = `${faker.helpers.arrayElement(BIRTH_REGIONS)}${birth}${String(faker.number.int({ min: 1, max: 999 })).padStart(3, '0')}`;
          idNumber = first17 + residentIdCheckChar(first17);
        } while (used.has(idNumber));
        used.add(idNumber);
      }
      const sex: Sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
      const birthDate = dayjs(idNumber.slice(6, 14), 'YYYYMMDD').format('YYYY-MM-DD');
      const age = dayjs('2026-01-01').diff(birthDate, 'year');
      const level: PhysicianLevel =
        faker.number.float() < (institution.type === 'primary' ? 0.4 : 0.12) ? 'assistant' : 'physician';
      const qualification = dayjs(birthDate).add(faker.number.int({ min: 24, max: 28 }), 'year').add(faker.number.int({ min: 150, max: 300 }), 'day');
      const license = qualification.add(faker.number.int({ min: 60, max: 300 }), 'day');
      const category = categoryOf(department, institution);
      const name = fixed ? '李明华' : `${faker.person.lastName()}${faker.person.firstName(sex)}`;
      result.push({
        institutionAccount: institution.account,
        departmentName: department,
        name,
        sex,
        birthDate,
        idNumber,
        ethnicity: faker.helpers.arrayElement(ETHNICITIES),
        education: level === 'assistant' ? '大专' : faker.helpers.arrayElement(EDUCATIONS.slice(1)),
        email: `doctor${String(serial).padStart(4, '0')}@demo.example.cn`,
        mobile: `139${String(9900_0000 + serial).padStart(8, '0')}`,
        practiceCategory: category,
        practiceScope: scopeByDepartment[department] ?? '内科专业',
        physicianLevel: level,
        title: titleFor(age, level),
        licenseNumber: `11099${license.format('YYYY')}${String(serial).padStart(6, '0')}`,
        licenseDate: license.format('YYYY-MM-DD'),
        qualificationNumber: `${qualification.format('YYYY')}${level === 'physician' ? '1' : '2'}${category === 'tcm' ? '2' : '1'}099${String(serial).padStart(17, '0')}`,
        qualificationDate: qualification.format('YYYY-MM-DD'),
        firstRegistrationDate: license.format('YYYY-MM-DD'),
      });
    }
  }
  return result;
}
