import { ProctoringPage as SharedProctoringPage } from '../../../components/proctoring/ProctoringPage';

/** 进度管理 › 监考管理 of the institution's own physicians: 查看 and 标记疑似. */
export function ProctoringPage() {
  return <SharedProctoringPage institutionRole />;
}
