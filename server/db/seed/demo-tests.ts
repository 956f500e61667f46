// The demo province's 测评: the demo banks, paper rules the banks can fill, and a few physicians of DEMO0003 whose
// registrations are reviewed (待参加考核), so that a test can be taken straight after `npm start`.
import { sql } from 'drizzle-orm';
import { isGroup, type QuestionBank } from '../../../common/question-bank.js';
import type { BasicStep, ConductStep, ExperienceStep, PracticeStep, ProcedureStep } from '../../../common/schemas/registration.js';
import { insertBankItems } from '../../modules/question-bank/store.js';
import { insertUnnest } from '../bulk.js';
import type { Tx } from '../client.js';
import { paperRules, type PaperRuleSection } from '../schema/index.js';
import type { DemoPhysician } from './demo-physicians.js';
import { demoQuestionBanks } from './question-bank/index.js';

export const DEMO_PROVINCE = '990000';
/** The institution whose first enrolled physicians wait for the test in the demo. */
export const DEMO_EXAM_INSTITUTION = 'DEMO0003';
export const DEMO_EXAMINEES = 6;

export async function seedDemoBanks(tx: Tx): Promise<void> {
  await insertBankItems(
    tx,
    DEMO_PROVINCE,
    demoQuestionBanks.flatMap((bank) =>
      bank.items.map((item) => ({ item, paper: bank.paper, practiceCategory: bank.practiceCategory ?? null, clinicalSubject: bank.clinicalSubject ?? null })),
    ),
  );
}

/** Each demo paper: 50 questions of 2 points, 100 in all, 60 to pass, 60 minutes — the usual shape of the real ones. */
export const DEMO_PAPER_QUESTIONS = 50;
const DEMO_POINTS = 2;

/**
 * A rule the bank fills: the first group of each group type (groups are drawn whole, so a count is a sum of group
 * sizes the bank has), and the rest of the 50 shared among the single-answer types by how many each type has.
 */
export function demoRuleSections(bank: QuestionBank): PaperRuleSection[] {
  const groups = new Map<string, number>();
  const singles = new Map<string, number>();
  for (const item of bank.items) {
    if (isGroup(item)) {
      if (!groups.has(item.type)) groups.set(item.type, item.questions.length);
    } else singles.set(item.type, (singles.get(item.type) ?? 0) + 1);
  }
  const left = DEMO_PAPER_QUESTIONS - [...groups.values()].reduce((a, b) => a + b, 0);
  const available = [...singles.values()].reduce((a, b) => a + b, 0);
  const counts = new Map([...singles].map(([type, n]) => [type, Math.min(n, Math.floor((left * n) / available))]));
  // Hand out what flooring left over, one question at a time, to types that still have questions.
  for (let short = left - [...counts.values()].reduce((a, b) => a + b, 0); short > 0; ) {
    const before = short;
    for (const [type, n] of singles) {
      if (short > 0 && counts.get(type)! < n) {
        counts.set(type, counts.get(type)! + 1);
        short -= 1;
      }
    }
    if (short === before) break;
  }
  return (['A1', 'A2', 'X', 'TF', 'A3', 'A4', 'B1'] as const)
    .map((type) => ({ type, count: counts.get(type) ?? groups.get(type) ?? 0, points: DEMO_POINTS }))
    .filter((s) => s.count > 0);
}

export async function seedDemoPaperRules(tx: Tx, cycleId: number): Promise<void> {
  await tx.insert(paperRules).values(
    demoQuestionBanks.map((bank) => {
      const sections = demoRuleSections(bank);
      const total = sections.reduce((n, s) => n + s.count * s.points, 0);
      return { cycleId, paper: bank.paper, practiceCategory: bank.practiceCategory ?? '', sections, passScore: Math.round(total * 0.6), durationMinutes: 60 };
    }),
  );
}

/** The registration of a reviewed demo physician, from their registry data; 一般程序, no 免考. */
function registrationSteps(p: DemoPhysician, departmentId: number) {
  const basic: BasicStep = { name: p.name, sex: p.sex, birthDate: p.birthDate, ethnicity: p.ethnicity as BasicStep['ethnicity'], education: p.education as BasicStep['education'], email: p.email, mobile: p.mobile };
  const practice: PracticeStep = {
    departmentId,
    specialty: p.practiceScope.replace(/专业$/, ''),
    title: p.title as PracticeStep['title'],
    titleDate: p.title === '无' ? null : p.licenseDate,
    position: null,
    positionDate: null,
    physicianLevel: p.physicianLevel,
    residentTrainee: false,
    practiceCategory: p.practiceCategory,
    practiceScope: p.practiceScope,
    qualificationNumber: p.qualificationNumber,
    qualificationDate: p.qualificationDate,
    licenseNumber: p.licenseNumber,
    licenseDate: p.licenseDate,
    practiceStatus: '正常执业',
    licenseKind: 'electronic',
  };
  const experience: ExperienceStep = { multiSites: [], educations: [], careers: [] };
  const conduct: ConductStep = {
    hasGoodRecord: false,
    awards: null,
    tasks: null,
    research: null,
    hasBadRecord: false,
    badRecords: [],
    workload: { visits: 3600, surgeries: null, examinations: null },
    ethicsSelfAssessment: '遵守医德规范，尊重患者，廉洁行医。',
  };
  const procedure: ProcedureStep = { procedure: 'standard', simplifiedReason: null, statement: null, exemptionRequested: false, exemptionReason: null };
  return { basic, practice, experience, conduct, procedure };
}

/**
 * Moves the first enrolled physicians of DEMO0003 to 待参加考核: a submitted registration (一般程序), the institution's
 * 工作成绩 / 职业道德 合格, and the assessor's 复核 passed. Returns their 证件号码 (for the demo accounts list).
 */
export async function seedDemoExaminees(
  tx: Tx,
  input: { cycleId: number; people: DemoPhysician[]; physicianIds: number[]; enrolmentIds: Map<number, number>; departmentId: (p: DemoPhysician) => number },
): Promise<string[]> {
  const chosen = input.people
    .map((p, i) => ({ p, physicianId: input.physicianIds[i] }))
    .filter(({ p, physicianId }) => p.institutionAccount === DEMO_EXAM_INSTITUTION && input.enrolmentIds.has(physicianId))
    .slice(0, DEMO_EXAMINEES);
  const enrolmentIds = chosen.map((c) => input.enrolmentIds.get(c.physicianId)!);
  const steps = chosen.map((c) => registrationSteps(c.p, input.departmentId(c.p)));
  const json = (key: keyof ReturnType<typeof registrationSteps>) => steps.map((s) => JSON.stringify(s[key]));
  await insertUnnest(tx, 'registrations', [
    { name: 'enrolment_id', type: 'int4', values: enrolmentIds },
    { name: 'physician_id', type: 'int4', values: chosen.map((c) => c.physicianId) },
    { name: 'cycle_id', type: 'int4', values: chosen.map(() => input.cycleId) },
    { name: 'basic', type: 'jsonb', values: json('basic') },
    { name: 'practice', type: 'jsonb', values: json('practice') },
    { name: 'experience', type: 'jsonb', values: json('experience') },
    { name: 'conduct', type: 'jsonb', values: json('conduct') },
    { name: 'procedure', type: 'jsonb', values: json('procedure') },
    { name: 'submitted_at', type: 'timestamptz', values: chosen.map(() => new Date().toISOString()) },
  ]);
  await insertUnnest(tx, 'evaluations', [
    { name: 'enrolment_id', type: 'int4', values: enrolmentIds },
    { name: 'work_performance', type: 'text', values: enrolmentIds.map(() => 'passed') },
    { name: 'ethics', type: 'text', values: enrolmentIds.map(() => 'passed') },
  ]);
  await tx.execute(
    // The state machine's path (提交 → 审核通过 → 复核通过) in one step: the demo starts where it would end.
    sql`update enrolments set status = 'AWAITING_TEST', procedure = 'standard' where id = any(${`{${enrolmentIds.join(',')}}`}::int[])`,
  );
  return chosen.map((c) => c.p.idNumber);
}
