// The 医师列表 filter form's values → the API's filters (without the tab, which the page owns).
import type { Dayjs } from 'dayjs';
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { RosterFilters } from '../../../../common/schemas/physician';
import { searchValues } from '../list/searchValues';

/** The filters without the tab; every one optional (the schema's output lists them all, possibly undefined). */
export type RosterSearch = Partial<Omit<RosterFilters, 'tab'>>;

export interface RosterFilterValues {
  institutionId?: number | null;
  departmentId?: number | null;
  name?: string;
  idNumber?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  firstRegistration?: [Dayjs | null, Dayjs | null] | null;
  practiceCategory?: PracticeCategory | null;
  physicianLevel?: PhysicianLevel | null;
}

/** Only what was filled in; empty fields mean "all". */
export const searchOf = (values: RosterFilterValues): RosterSearch => searchValues<RosterSearch>(values);
