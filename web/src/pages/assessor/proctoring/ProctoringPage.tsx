import { ProctoringPage as SharedProctoringPage } from '../../../components/proctoring/ProctoringPage';

/** 进度管理 › 监考管理 of the institutions assigned to the assessor (查看). */
export function ProctoringPage() {
  return <SharedProctoringPage acrossInstitutions />;
}
