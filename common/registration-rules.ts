// Rules of 报名 that both the form and the server apply: which 工作量 a 科室 asks for, and whether the data
// supports a 简易程序 reason (DESIGN §3).
import dayjs from 'dayjs';
import type { SimplifiedCheck, SimplifiedReason, WorkloadKind } from './schemas/registration.js';

const SURGICAL = ['04', '05', '08', '10', '11', '12', '14', '26'];
const MEDICAL_TECHNOLOGY = ['30', '31', '32'];

/** 接诊人次 always; 手术量 for surgical 诊疗科目; 检验检查量 for 医技 ones. */
export function workloadKindsFor(clinicalSubjects: readonly string[]): WorkloadKind[] {
  const top = clinicalSubjects.map((code) => code.slice(0, 2));
  const kinds: WorkloadKind[] = ['visits'];
  if (top.some((c) => SURGICAL.includes(c))) kinds.push('surgeries');
  if (top.some((c) => MEDICAL_TECHNOLOGY.includes(c))) kinds.push('examinations');
  return kinds;
}

/** Whole years from 首次注册 to `today`. */
export function yearsSince(date: string | null, today: string = dayjs().format('YYYY-MM-DD')): number | null {
  return date ? dayjs(today).diff(dayjs(date), 'year') : null;
}

/** What the data says about a 简易程序 reason, in words for the physician and the reviewer. */
export function checkSimplified(
  reason: SimplifiedReason | null,
  facts: { firstRegistrationDate: string | null; hasGoodRecord: boolean | null; hasBadRecord: boolean | null },
  today?: string,
): SimplifiedCheck {
  const years = yearsSince(facts.firstRegistrationDate, today);
  const base = { yearsOfPractice: years, hasGoodRecord: facts.hasGoodRecord, hasBadRecord: facts.hasBadRecord };
  const yearsText = years === null ? '未填写首次注册时间' : `自首次注册已执业${years}年`;
  if (reason === 'fiveYearsGood') {
    const supported = years !== null && years >= 5 && facts.hasGoodRecord === true;
    return { ...base, supported, message: `${yearsText}，${facts.hasGoodRecord ? '有' : '无'}良好执业行为记录：${supported ? '符合' : '不符合'}“5年以上且有良好行为记录”` };
  }
  if (reason === 'twelveYearsClean') {
    const supported = years !== null && years >= 12 && facts.hasBadRecord === false;
    return { ...base, supported, message: `${yearsText}，${facts.hasBadRecord ? '有' : '无'}不良执业行为记录：${supported ? '符合' : '不符合'}“12年以上且无不良行为记录”` };
  }
  if (reason === 'provincial') return { ...base, supported: null, message: `${yearsText}；“省级规定的其他情形”由审核机构核实` };
  return { ...base, supported: null, message: yearsText };
}
