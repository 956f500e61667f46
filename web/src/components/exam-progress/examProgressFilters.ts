// The 测评进度 filter form's values → the API's filters: only what was filled in (empty fields mean "all").
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { PaperKind } from '../../../../common/papers';
import type { ExamProgressOutcome, ExamProgressState } from '../../../../common/schemas/exam-progress';
import type { ExamStage } from '../../../../common/schemas/exams';
import type { ExamProgressSearch } from '../../api/examProgress';

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

const text = (value: string | null | undefined) => value?.trim() || undefined;
const given = <T>(value: T | null | undefined) => (value === null || value === undefined ? undefined : value);

export function searchOf(values: ExamProgressFilterValues): ExamProgressFilterSearch {
  const search: ExamProgressFilterSearch = {
    regionCode: text(values.regionCode),
    institutionId: given(values.institutionId),
    departmentId: given(values.departmentId),
    name: text(values.name),
    idNumber: text(values.idNumber),
    physicianLevel: given(values.physicianLevel),
    practiceCategory: given(values.practiceCategory),
    outcome: given(values.outcome),
    state: given(values.state),
    paper: given(values.paper),
    stage: given(values.stage),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as ExamProgressFilterSearch;
}
