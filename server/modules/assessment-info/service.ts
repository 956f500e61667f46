// 考核信息查询 (seed 001 §1.5): for the province's current cycle and the two before it (by start date), the physician's
// state at each 执业地点 — the enrolment's institution with its status and result, and in the current cycle their
// 多点执业 sites (assessed by the main institution, so 「—」). A cycle without an enrolment says 无.
import { and, desc, eq, inArray, lt, lte } from 'drizzle-orm';
import { enrolmentStatusLabels, type EnrolmentStatus } from '../../../common/enums.js';
import { todayInChina } from '../../../common/schedule.js';
import {
  NONE_LABEL,
  NOT_APPLICABLE_LABEL,
  assessmentResultLabels,
  type AssessmentCycle,
  type AssessmentInfo,
  type AssessmentSite,
} from '../../../common/schemas/assessment-info.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { certificates, cycles, enrolments, examAttempts, institutions, physicianMultiSites, physicians } from '../../db/schema/index.js';
import { paperKindLabels, type PaperKind } from '../../../common/papers.js';
import { notFound } from '../../lib/errors.js';
import { currentCycle, type CycleRow } from '../cycles/service.js';

const CYCLES_SHOWN = 3;

/** 本届 and 前两届: the current cycle and the two that started before it; without a current one, the latest started. */
async function cyclesShown(db: Database, provinceCode: string): Promise<CycleRow[]> {
  const current = await currentCycle(db, provinceCode);
  const before = current ? lt(cycles.startDate, current.startDate) : lte(cycles.startDate, todayInChina());
  const earlier = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), before))
    .orderBy(desc(cycles.startDate))
    .limit(current ? CYCLES_SHOWN - 1 : CYCLES_SHOWN);
  return current ? [current, ...earlier] : earlier;
}

const resultLabel = (result: string | null) => assessmentResultLabels[result as keyof typeof assessmentResultLabels] ?? NONE_LABEL;

export async function assessmentInfo(db: Database, actor: Actor): Promise<AssessmentInfo> {
  requireRole(actor, ['physician']);
  const [physician] = await db
    .select({ institutionName: institutions.name, transferredOutAt: physicians.transferredOutAt })
    .from(physicians)
    .innerJoin(institutions, eq(institutions.id, physicians.institutionId))
    .where(eq(physicians.id, actor.orgId));
  if (!physician) throw notFound('医师不存在');
  const shown = await cyclesShown(db, actor.provinceCode);
  if (shown.length === 0) return { items: [] };
  const cycleIds = shown.map((c) => c.id);
  const [rows, multiSites, scores, certs] = await Promise.all([
    db
      .select({ cycleId: enrolments.cycleId, status: enrolments.status, result: enrolments.result, institutionName: institutions.name })
      .from(enrolments)
      // No institution holds the enrolment while the physician is 调离; the record is still theirs to read.
      .leftJoin(institutions, eq(institutions.id, enrolments.institutionId))
      .where(and(eq(enrolments.physicianId, actor.orgId), inArray(enrolments.cycleId, shown.map((c) => c.id)))),
    db
      .select({ institutionName: physicianMultiSites.institutionName, departmentName: physicianMultiSites.departmentName })
      .from(physicianMultiSites)
      .where(eq(physicianMultiSites.physicianId, actor.orgId))
      .orderBy(physicianMultiSites.id),
    db
      .select({ cycleId: enrolments.cycleId, paper: examAttempts.paper, stage: examAttempts.stage, score: examAttempts.score, passed: examAttempts.passed, submittedAt: examAttempts.submittedAt })
      .from(examAttempts)
      .innerJoin(enrolments, eq(enrolments.id, examAttempts.enrolmentId))
      .where(and(eq(examAttempts.physicianId, actor.orgId), eq(examAttempts.kind, 'exam'), eq(examAttempts.status, 'submitted'), inArray(enrolments.cycleId, cycleIds)))
      .orderBy(examAttempts.id),
    db
      .select({ cycleId: certificates.cycleId, id: certificates.id, number: certificates.number, status: certificates.status, issuedOn: certificates.issuedOn })
      .from(certificates)
      .where(and(eq(certificates.physicianId, actor.orgId), inArray(certificates.cycleId, cycleIds))),
  ]);
  const byCycle = new Map(rows.map((r) => [r.cycleId, r]));

  const items = shown.map((cycle): AssessmentCycle => {
    const enrolment = byCycle.get(cycle.id);
    let main: AssessmentSite;
    if (enrolment) {
      const status = enrolment.status as EnrolmentStatus;
      main = { kind: 'main', institutionName: enrolment.institutionName ?? NONE_LABEL, departmentName: null, status, statusLabel: enrolmentStatusLabels[status], resultLabel: resultLabel(enrolment.result) };
    } else if (cycle.isCurrent && !physician.transferredOutAt) {
      // On the roster but not enrolled: the roster's own word for it (no row and NOT_ENROLLED mean the same).
      main = { kind: 'main', institutionName: physician.institutionName, departmentName: null, status: 'NOT_ENROLLED', statusLabel: enrolmentStatusLabels.NOT_ENROLLED, resultLabel: NONE_LABEL };
    } else {
      main = { kind: 'main', institutionName: NONE_LABEL, departmentName: null, status: null, statusLabel: NONE_LABEL, resultLabel: NONE_LABEL };
    }
    const sites: AssessmentSite[] = cycle.isCurrent
      ? multiSites.map((s) => ({ kind: 'multiSite', institutionName: s.institutionName, departmentName: s.departmentName, status: null, statusLabel: NOT_APPLICABLE_LABEL, resultLabel: NOT_APPLICABLE_LABEL }))
      : [];
    const certificate = certs.find((c) => c.cycleId === cycle.id);
    return {
      cycleId: cycle.id,
      scores: scores
        .filter((a) => a.cycleId === cycle.id)
        .map((a) => ({ paperLabel: paperKindLabels[a.paper as PaperKind], stageLabel: a.stage === 'retake' ? '补考' : '首次考核', score: a.score === null ? null : Number(a.score), passed: Boolean(a.passed), submittedAt: a.submittedAt?.toISOString() ?? null })),
      certificate: certificate ? { id: certificate.id, number: certificate.number, status: certificate.status as 'valid' | 'revoked', issuedOn: certificate.issuedOn } : null,
      cycleName: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate, isCurrent: cycle.isCurrent, sites: [main, ...sites] };
  });
  return { items };
}
