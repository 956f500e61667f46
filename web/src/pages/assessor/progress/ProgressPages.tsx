import { ProgressPage as SharedProgressPage } from '../../../components/progress/ProgressPage';
import { ProgressSummaryPage as SharedSummaryPage } from '../../../components/progress/ProgressSummaryPage';

/** 考核进度 of the institutions assigned to the assessor in the current cycle, by 卫生机构. */
export function ProgressPage() {
  return <SharedProgressPage institutionLabel="卫生机构" />;
}

/** 考核情况综合查询 of the assigned institutions, or one of them. */
export function ProgressSummaryPage() {
  return <SharedSummaryPage institutionLabel="卫生机构" />;
}
