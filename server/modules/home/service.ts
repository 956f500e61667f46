// 首页: who the actor is, a few facts for their role, and the current cycle's 考核安排.
import { and, count, eq, isNull, like } from 'drizzle-orm';
import { enrolmentStatusLabels, physicianLevelLabels, practiceCategoryLabels, roleLabels, type EnrolmentStatus, type PhysicianLevel, type PracticeCategory } from '../../../common/enums.js';
import { regionPath, regionPrefix } from '../../../common/regions.js';
import { assessorPendingTasks, type Home } from '../../../common/schemas/home.js';
import type { Actor } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { assessorAssignments, authorities, departments, enrolments, institutions, physicians } from '../../db/schema/index.js';
import { loadAccountById } from '../accounts/repository.js';
import { unauthorized } from '../../lib/errors.js';
import { currentCycle, cycleSummary, type CycleRow } from '../cycles/service.js';
import { assessorReviewCounts } from './review-tasks.js';

type Fact = Home['facts'][number];
type Task = Home['tasks'][number];

async function authorityFacts(db: Database, actor: Actor): Promise<Fact[]> {
  const prefix = `${regionPrefix(actor.regionCode)}%`;
  const [inst] = await db.select({ n: count() }).from(institutions).where(like(institutions.regionCode, prefix));
  const [phys] = await db
    .select({ n: count() })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .where(and(like(institutions.regionCode, prefix), isNull(physicians.transferredOutAt)));
  return [
    { label: '管辖区域', value: regionPath(actor.regionCode).join(' ') },
    { label: '医疗卫生机构数', value: String(inst.n) },
    { label: '医师数', value: String(phys.n) },
  ];
}

async function institutionFacts(db: Database, actor: Actor, cycle: CycleRow | null): Promise<Fact[]> {
  const [row] = await db
    .select({ authorityName: authorities.name, regionCode: institutions.regionCode })
    .from(institutions)
    .innerJoin(authorities, eq(authorities.id, institutions.authorityId))
    .where(eq(institutions.id, actor.orgId));
  let assessorName = '本机构未指定考核机构';
  if (cycle) {
    const [assigned] = await db
      .select({ name: institutions.name })
      .from(assessorAssignments)
      .innerJoin(institutions, eq(institutions.id, assessorAssignments.assignedAssessorId))
      .where(and(eq(assessorAssignments.cycleId, cycle.id), eq(assessorAssignments.institutionId, actor.orgId)));
    if (assigned) assessorName = assigned.name;
  }
  return [
    { label: '所在地区', value: regionPath(row.regionCode).join(' ') },
    { label: '管辖关系', value: row.authorityName },
    { label: '考核机构', value: assessorName },
  ];
}

async function assessorFacts(db: Database, actor: Actor, cycle: CycleRow | null): Promise<Fact[]> {
  if (!cycle) return [];
  const [row] = await db
    .select({ n: count() })
    .from(assessorAssignments)
    .where(and(eq(assessorAssignments.cycleId, cycle.id), eq(assessorAssignments.assignedAssessorId, actor.orgId)));
  return [{ label: '受委托医疗卫生机构数', value: String(row.n) }];
}

/** 一般程序待复核, 简易程序待复核, 免考申请待复核: what the assessor's assigned institutions passed in the current cycle. */
async function assessorTasks(db: Database, actor: Actor, cycle: CycleRow | null): Promise<Task[]> {
  const counts = cycle ? await assessorReviewCounts(db, cycle.id, actor.orgId) : { standard: 0, simplified: 0, exemption: 0 };
  const byKey = { standardReview: counts.standard, simplifiedReview: counts.simplified, exemptionReview: counts.exemption };
  return (Object.keys(assessorPendingTasks) as (keyof typeof assessorPendingTasks)[]).map((key) => ({ key, ...assessorPendingTasks[key], count: byKey[key] }));
}

async function physicianFacts(db: Database, actor: Actor, cycle: CycleRow | null): Promise<Fact[]> {
  const [row] = await db
    .select({
      masked: physicians.idNumberMasked,
      institutionName: institutions.name,
      departmentName: departments.name,
      practiceCategory: physicians.practiceCategory,
      physicianLevel: physicians.physicianLevel,
    })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .leftJoin(departments, eq(departments.id, physicians.departmentId))
    .where(eq(physicians.id, actor.orgId));
  let status = '未纳入考核周期';
  if (cycle) {
    const [enrolment] = await db
      .select({ status: enrolments.status })
      .from(enrolments)
      .where(and(eq(enrolments.cycleId, cycle.id), eq(enrolments.physicianId, actor.orgId)));
    if (enrolment && enrolment.status !== 'NOT_ENROLLED') status = enrolmentStatusLabels[enrolment.status as EnrolmentStatus];
  }
  return [
    { label: '证件号码', value: row.masked },
    { label: '执业机构', value: row.institutionName },
    { label: '科室', value: row.departmentName ?? '未选择' },
    { label: '执业类别', value: practiceCategoryLabels[row.practiceCategory as PracticeCategory] },
    { label: '医师级别', value: physicianLevelLabels[row.physicianLevel as PhysicianLevel] },
    { label: '本周期考核状态', value: status },
  ];
}

export async function home(db: Database, actor: Actor): Promise<Home> {
  const account = await loadAccountById(db, actor.accountId);
  if (!account) throw unauthorized();
  const cycle = await currentCycle(db, actor.provinceCode);
  const facts =
    actor.role === 'authority'
      ? await authorityFacts(db, actor)
      : actor.role === 'institution'
        ? await institutionFacts(db, actor, cycle)
        : actor.role === 'assessor'
          ? await assessorFacts(db, actor, cycle)
          : await physicianFacts(db, actor, cycle);
  const who = actor.role === 'physician' ? `${account.displayName}医师` : account.displayName;
  return {
    greeting: `${who}，您好！当前身份：${roleLabels[actor.role]}`,
    facts,
    cycle: cycle ? cycleSummary(cycle) : null,
    tasks: actor.role === 'assessor' ? await assessorTasks(db, actor, cycle) : [],
  };
}
