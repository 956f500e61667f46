import { ExamProgressPage as SharedExamProgressPage } from '../../../components/exam-progress/ExamProgressPage';

/** 考核机构考核 › 测评进度 (seed 000 §9): the tests of the physicians of the institutions assigned to the assessor. */
export function ExamProgressPage() {
  return <SharedExamProgressPage acrossInstitutions />;
}
