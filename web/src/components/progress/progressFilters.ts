// The 考核进度 filter form's values → the API's filters: only what was filled in (empty fields mean "all").
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { ProgressProcedure, ProgressResult, ProgressStatus } from '../../../../common/schemas/assessment-progress';
import type { ExemptionStatus } from '../../../../common/schemas/registration';
import type { ProgressSearch } from '../../api/progress';
import { searchValues } from '../list/searchValues';

export interface ProgressFilterValues {
  regionCode?: string | null;
  institutionId?: number | null;
  departmentId?: number | null;
  name?: string;
  idNumber?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  physicianLevel?: PhysicianLevel | null;
  practiceCategory?: PracticeCategory | null;
  procedure?: ProgressProcedure | null;
  result?: ProgressResult | null;
  exemptionStatus?: ExemptionStatus | null;
  status?: ProgressStatus | null;
}

export const searchOf = (values: ProgressFilterValues): ProgressSearch => searchValues<ProgressSearch>(values);
