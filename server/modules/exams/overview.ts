// 考核管理 of the physician: 待参加的考试 (this cycle's required papers and their state), 已完成的考试 (every submitted
// exam attempt, all cycles) and 待参加的练习 (the banks they may practise on).
import { and, desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../common/schedule.js';
import { paperKindLabels, paperKinds, type PaperKind } from '../../../common/papers.js';
import type { CompletedAttempt, ExamOverview, ExamStage } from '../../../common/schemas/exams.js';
import type { Actor } from '../../auth/access.js';
import { requireRole } from '../../auth/access.js';
import type { Database } from '../../db/client.js';
import { cycles, examAttempts } from '../../db/schema/index.js';
import { bankIndex } from './bank-index.js';
import { examPapers, loadExamContext, stageOf, stageWindow } from './context.js';
import { PRACTICE_MIN_QUESTIONS } from './practice.js';

export async function examOverview(db: Database, actor: Actor, now = new Date()): Promise<ExamOverview> {
  requireRole(actor, ['physician']);
  const ctx = await loadExamContext(db, actor);
  const [{ notice, papers }, completedRows, practice] = await Promise.all([
    examPapers(db, actor, ctx, todayInChina(now)),
    db
      .select({ attempt: examAttempts, cycleName: cycles.name })
      .from(examAttempts)
      .innerJoin(cycles, eq(cycles.id, examAttempts.cycleId))
      .where(and(eq(examAttempts.physicianId, actor.orgId), eq(examAttempts.kind, 'exam'), eq(examAttempts.status, 'submitted')))
      .orderBy(desc(examAttempts.submittedAt)),
    Promise.all(
      paperKinds.map(async (paper: PaperKind) => {
        const index = await bankIndex(db, actor.provinceCode, paper, paper === 'humanities' ? null : ctx.practiceCategory, ctx.bankRevision);
        const questionCount = [...index.values()].flat().reduce((n, item) => n + item.questionIds.length, 0);
        return { paper, paperLabel: paperKindLabels[paper], questionCount, available: questionCount >= PRACTICE_MIN_QUESTIONS };
      }),
    ),
  ]);
  const completed = completedRows.map(
    ({ attempt: a, cycleName }): CompletedAttempt => ({
      attemptId: a.id,
      cycleName,
      paper: a.paper as PaperKind,
      paperLabel: paperKindLabels[a.paper as PaperKind],
      stage: a.stage as ExamStage,
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt!.toISOString(),
      score: a.score ?? 0,
      passed: a.passed ?? false,
    }),
  );
  const stage = ctx.enrolment ? stageOf(ctx.enrolment.status) : null;
  const window = ctx.cycle ? stageWindow(ctx.cycle, stage ?? 'first') : null;
  return { cycleName: ctx.cycle?.name ?? null, windowLabel: window?.label ?? null, testStart: window?.start ?? null, testEnd: window?.end ?? null, notice, papers, completed, practice };
}
