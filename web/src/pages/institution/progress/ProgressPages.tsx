import { useDepartmentOptions } from '../../../api/departments';
import { ProgressPage as SharedProgressPage } from '../../../components/progress/ProgressPage';
import { ProgressSummaryPage as SharedSummaryPage } from '../../../components/progress/ProgressSummaryPage';

/** 考核进度 of the institution's own physicians, with its 科室 as a filter. */
export function ProgressPage() {
  const departments = useDepartmentOptions();
  return <SharedProgressPage departments={departments.data?.map((d) => ({ value: d.id, label: d.name }))} />;
}

/** 考核情况综合查询 of the institution. */
export function ProgressSummaryPage() {
  return <SharedSummaryPage />;
}
