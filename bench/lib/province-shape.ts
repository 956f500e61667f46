// The shape of a synthetic province: heavy-tailed institution sizes, departments by size, and the value
// distributions of a physician record. Pure functions of a seeded random source, so every run is the same.
import { titles } from '../../common/physician-catalogs.js';
import type { EnrolmentStatus, PracticeCategory } from '../../common/enums.js';

export type Random = () => number;

/** A small seeded PRNG (mulberry32): faker is too slow for millions of draws. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let x = random() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const logUniform = (random: Random, min: number, max: number) => Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)));

export type Tier = 'flagship' | 'major' | 'hospital' | 'township' | 'clinic';
export interface InstitutionShape {
  tier: Tier;
  size: number;
  type: 'medical' | 'maternal' | 'prevention' | 'primary';
  level: 'level3' | 'level2' | 'level1' | 'unrated';
  grade: 'gradeA' | 'gradeB' | 'ungraded';
}

/** The flagship hospital: the benchmark's institution, big enough for a 批量参加 of 5,000. */
export const FLAGSHIP_SIZE = 6200;
export const FLAGSHIP_ENROLLED = 1200;

/**
 * Sizes summing to `physicians`: one flagship of 6,200, a few majors of 3,000–5,800, county and city hospitals,
 * township health centres, and a long tail of clinics of 2–10. Hospitals and townships absorb the remainder.
 */
export function institutionShapes(random: Random, institutions: number, physicians: number): InstitutionShape[] {
  const scale = physicians / 400_000;
  const majors = Math.round(11 * scale);
  const hospitals = Math.round(160 * scale);
  const clinics = Math.round(institutions * 0.8);
  const townships = institutions - 1 - majors - hospitals - clinics;
  if (townships < 1) throw new Error('too few institutions for the shape');
  const shapes: InstitutionShape[] = [{ tier: 'flagship', size: FLAGSHIP_SIZE, type: 'medical', level: 'level3', grade: 'gradeA' }];
  for (let i = 0; i < majors; i++) shapes.push({ tier: 'major', size: Math.round(logUniform(random, 3000, 5800)), type: 'medical', level: 'level3', grade: 'gradeA' });
  const variable: InstitutionShape[] = [];
  for (let i = 0; i < hospitals; i++) {
    const type = weighted(random, [['medical', 8], ['maternal', 1]] as const);
    variable.push({ tier: 'hospital', size: logUniform(random, 300, 2500), type, level: random() < 0.4 ? 'level3' : 'level2', grade: 'gradeA' });
  }
  for (let i = 0; i < townships; i++) {
    const type = weighted(random, [['primary', 12], ['maternal', 1], ['prevention', 1]] as const);
    variable.push({ tier: 'township', size: logUniform(random, 8, 200), type, level: type === 'prevention' ? 'unrated' : type === 'primary' ? 'level1' : 'level2', grade: type === 'primary' ? 'ungraded' : 'gradeB' });
  }
  for (let i = 0; i < clinics; i++) shapes.push({ tier: 'clinic', size: 2 + Math.floor(random() * 9), type: 'primary', level: 'level1', grade: 'ungraded' });
  const fixed = shapes.reduce((n, s) => n + s.size, 0);
  const factor = (physicians - fixed) / variable.reduce((n, s) => n + s.size, 0);
  if (factor <= 0) throw new Error('too few physicians for the shape');
  for (const s of variable) s.size = Math.max(2, Math.round(s.size * factor));
  // Rounding: the largest variable institution takes the difference.
  const biggest = variable.reduce((a, b) => (b.size > a.size ? b : a));
  biggest.size += physicians - fixed - variable.reduce((n, s) => n + s.size, 0);
  // Flagship first (its account is BENCH0001), then by size, so the listing looks like a province's.
  return [shapes[0], ...[...shapes.slice(1), ...variable].sort((a, b) => b.size - a.size)];
}

/** Departments in order of how common they are; an institution has the first n by its size. */
export const departmentCatalog: readonly (readonly [string, string[]])[] = [
  ['内科', ['03']], ['外科', ['04']], ['全科医疗科', ['02']], ['妇产科', ['05']], ['儿科', ['07']], ['中医科', ['50']],
  ['急诊医学科', ['20']], ['口腔科', ['12']], ['医学影像科', ['32']], ['预防保健科', ['01']], ['呼吸内科', ['03.01']],
  ['消化内科', ['03.02']], ['神经内科', ['03.03']], ['心血管内科', ['03.04']], ['普通外科', ['04.01']], ['骨科', ['04.03']],
  ['泌尿外科', ['04.04']], ['眼科', ['10']], ['耳鼻咽喉科', ['11']], ['麻醉科', ['26']], ['医学检验科', ['30']],
  ['病理科', ['31']], ['肾内科', ['03.06']], ['内分泌科', ['03.07']], ['血液内科', ['03.05']], ['神经外科', ['04.02']],
  ['胸外科', ['04.05']], ['皮肤科', ['13']], ['精神科', ['15']], ['肿瘤科', ['19']], ['康复医学科', ['21']],
  ['重症医学科', ['28']], ['感染科', ['16']], ['中西医结合科', ['52']],
];

export const departmentCount = (size: number) => Math.min(departmentCatalog.length, Math.max(1, Math.ceil(Math.sqrt(size))));

/** A department index, the common ones more often (a hospital's 内科 is bigger than its 病理科). */
export const pickDepartment = (random: Random, count: number) => Math.floor(count * random() ** 1.6);

export const pickTitle = (random: Random) =>
  weighted(random, [[titles[0], 7], [titles[1], 16], [titles[2], 34], [titles[3], 30], [titles[4], 5], [titles[5], 8]] as const);

export const pickCategory = (random: Random): PracticeCategory =>
  weighted(random, [['clinical', 72], ['tcm', 14], ['dental', 6], ['publicHealth', 8]] as const);

export const scopeOf: Record<PracticeCategory, readonly (readonly [string, number])[]> = {
  clinical: [['内科专业', 30], ['外科专业', 22], ['妇产科专业', 9], ['儿科专业', 7], ['全科医学专业', 12], ['医学影像和放射治疗专业', 8], ['急救医学专业', 4], ['眼耳鼻咽喉科专业', 5], ['医学检验、病理专业', 3]],
  tcm: [['中医专业', 80], ['中西医结合专业', 20]],
  dental: [['口腔专业', 1]],
  publicHealth: [['公共卫生类别专业', 1]],
};

/** 执业助理医师 are common in townships and clinics, rare in big hospitals; a few records lack the level. */
export function pickLevel(random: Random, tier: Tier): 'physician' | 'assistant' | null {
  const assistant = tier === 'clinic' || tier === 'township' ? 0.3 : 0.05;
  const x = random();
  return x < 0.03 ? null : x < 0.03 + assistant ? 'assistant' : 'physician';
}

/**
 * Mid-cycle: 70% enrolled with statuses spread along the process, 2% cancelled (NOT_ENROLLED with a reason),
 * the rest without an enrolment row (never confirmed). Null means no row.
 */
export function pickEnrolment(random: Random): EnrolmentStatus | null {
  const x = random();
  if (x >= 0.72) return null;
  if (x >= 0.7) return 'NOT_ENROLLED';
  return pickEnrolledStatus(random);
}

export function pickEnrolledStatus(random: Random): EnrolmentStatus {
  return weighted(random, [
    ['PENDING_REGISTRATION', 26], ['RETURNED_BY_INSTITUTION', 2], ['RETURNED_BY_AUTHORITY', 1], ['PENDING_INSTITUTION_REVIEW', 14],
    ['RETURNED_BY_ASSESSOR', 1], ['PENDING_ASSESSOR_REVIEW', 12], ['AWAITING_TEST', 16], ['PENDING_RETAKE_CONFIRMATION', 2],
    ['AWAITING_RETAKE', 2], ['COMPLETED', 24],
  ] as const);
}
