import { useDepartmentOptions } from '../../../api/departments';
import { ExamProgressPage as SharedExamProgressPage } from '../../../components/exam-progress/ExamProgressPage';

/** 进度管理 › 测评进度 of the institution's own physicians, with its 科室 as a filter. */
export function ExamProgressPage() {
  const departments = useDepartmentOptions();
  return <SharedExamProgressPage departments={departments.data?.map((d) => ({ value: d.id, label: d.name }))} />;
}
