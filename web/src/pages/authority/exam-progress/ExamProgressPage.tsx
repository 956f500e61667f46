import { useCurrentUser } from '../../../auth/currentUser';
import { ExamProgressPage as SharedExamProgressPage } from '../../../components/exam-progress/ExamProgressPage';

/** 进度管理 › 测评进度 of the jurisdiction, by 区划 and 医疗卫生机构. */
export function ExamProgressPage() {
  const me = useCurrentUser();
  return <SharedExamProgressPage acrossInstitutions regionRoot={me.organization?.regionCode} />;
}
