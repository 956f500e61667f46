// The 测评进度 filter form's values → the API's filters: only what was filled in (empty fields mean "all").
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { PaperKind } from '../../../../common/papers';
import type { ExamProgressOutcome, ExamProgressState } from '../../../../common/schemas/exam-progress';
import type { ExamStage } from '../../../../common/schemas/exams';
import type { ExamProgressSearch } from '../../api/examProgress';
import { searchValues } from '../list/searchValues';

export interface ExamProgressFilterValues {
  regionCode?: string | null;
  institutionId?: number | null;
  departmentId?: number | null;
  name?: string;
  idNumber?: string;
  physicianLevel?: PhysicianLevel | null;
  practiceCategory?: PracticeCategory | null;
  outcome?: ExamProgressOutcome | null;
  state?: ExamProgressState | null;
  paper?: PaperKind | null;
  stage?: ExamStage | null;
}

/** The filters without the tab (考核程序), which the page keeps apart. */
export type ExamProgressFilterSearch = Omit<ExamProgressSearch, 'procedure'>;

export const searchOf = (values: ExamProgressFilterValues): ExamProgressFilterSearch => searchValues<ExamProgressFilterSearch>(values);
