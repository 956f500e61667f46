import { ProctoringPage as SharedProctoringPage } from '../../../components/proctoring/ProctoringPage';

/** 监考管理 of the jurisdiction; the provincial authority 认定作弊 / 撤销认定. */
export function ProctoringPage() {
  return <SharedProctoringPage acrossInstitutions />;
}
