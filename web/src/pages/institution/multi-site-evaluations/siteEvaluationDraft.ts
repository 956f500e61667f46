// A row of 医疗机构考核 being edited: two verdicts and one 不合格理由 (sent as the reason of each item judged 不合格).
import type { SiteEvaluationBody, SiteEvaluationItem } from '../../../../../common/schemas/multi-site-evaluation';
import type { Verdict } from '../../../../../common/schemas/review';

export interface SiteEvaluationDraft {
  ethics?: Verdict;
  workPerformance?: Verdict;
  reason: string;
}

export function draftOf(item: SiteEvaluationItem): SiteEvaluationDraft {
  const e = item.evaluation;
  return { ethics: e?.ethics, workPerformance: e?.workPerformance, reason: e?.ethicsReason ?? e?.workPerformanceReason ?? '' };
}

/** The body of 保存, or the message that says what is missing. */
export function bodyOf(draft: SiteEvaluationDraft): { body: SiteEvaluationBody } | { error: string } {
  if (!draft.ethics) return { error: '请评定职业道德' };
  if (!draft.workPerformance) return { error: '请评定工作业绩' };
  const reason = draft.reason.trim();
  const failed = draft.ethics === 'failed' || draft.workPerformance === 'failed';
  if (failed && !reason) return { error: '请输入不合格理由' };
  if (reason.length > 200) return { error: '不合格理由不能超过200个字符' };
  return {
    body: {
      ethics: draft.ethics,
      ethicsReason: draft.ethics === 'failed' ? reason : null,
      workPerformance: draft.workPerformance,
      workPerformanceReason: draft.workPerformance === 'failed' ? reason : null,
    },
  };
}
