// The 考核进度 filter form's values → the API's filters: only what was filled in (empty fields mean "all").
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { ProgressProcedure, ProgressResult, ProgressStatus } from '../../../../common/schemas/assessment-progress';
import type { ExemptionStatus } from '../../../../common/schemas/registration';
import type { ProgressSearch } from '../../api/progress';

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

const text = (value: string | null | undefined) => value?.trim() || undefined;
const given = <T>(value: T | null | undefined) => (value === null || value === undefined ? undefined : value);

export function searchOf(values: ProgressFilterValues): ProgressSearch {
  const search: ProgressSearch = {
    regionCode: text(values.regionCode),
    institutionId: given(values.institutionId),
    departmentId: given(values.departmentId),
    name: text(values.name),
    idNumber: text(values.idNumber),
    ageMin: given(values.ageMin),
    ageMax: given(values.ageMax),
    physicianLevel: given(values.physicianLevel),
    practiceCategory: given(values.practiceCategory),
    procedure: given(values.procedure),
    result: given(values.result),
    exemptionStatus: given(values.exemptionStatus),
    status: given(values.status),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as ProgressSearch;
}
