// The 医师列表 filter form's values → the API's filters (without the tab, which the page owns).
import type { Dayjs } from 'dayjs';
import type { PhysicianLevel, PracticeCategory } from '../../../../common/enums';
import type { RosterFilters } from '../../../../common/schemas/physician';

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

const text = (value: string | undefined) => value?.trim() || undefined;
const num = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value);
const day = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD');

/** Only what was filled in; empty fields mean "all". */
export function searchOf(values: RosterFilterValues): RosterSearch {
  const search: RosterSearch = {
    institutionId: num(values.institutionId),
    departmentId: num(values.departmentId),
    name: text(values.name),
    idNumber: text(values.idNumber),
    ageMin: num(values.ageMin),
    ageMax: num(values.ageMax),
    firstRegistrationFrom: day(values.firstRegistration?.[0]),
    firstRegistrationTo: day(values.firstRegistration?.[1]),
    practiceCategory: values.practiceCategory ?? undefined,
    physicianLevel: values.physicianLevel ?? undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as RosterSearch;
}
