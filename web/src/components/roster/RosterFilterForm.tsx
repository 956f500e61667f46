import type { ReactNode } from 'react';
import { rosterFilterFields } from '../../../../common/schemas/physician';
import { FilterForm } from '../list/FilterForm';
import { ageRangeField, dateRangeField, idNumberField, nameField, optionsField, physicianLevelField, practiceCategoryField } from '../list/filterFields';
import { searchOf, type RosterFilterValues, type RosterSearch } from './rosterFilters';

interface Props {
  /** 科室 options (the institution's enabled departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 机构 picker, shown first. */
  institutionSelect?: ReactNode;
  onSearch: (search: RosterSearch) => void;
}

/** 医师列表 filters: (机构), 科室, 姓名, 证件号码, 年龄, 首次注册时间, 执业类别, 医师级别; 查询 / 重置. */
export function RosterFilterForm({ departments, institutionSelect, onSearch }: Props) {
  return (
    <FilterForm<RosterFilterValues>
      name="rosterFilter"
      labelWidth={104}
      onSearch={(values) => onSearch(searchOf(values))}
      fields={[
        institutionSelect && { name: 'institutionId', label: '机构', input: institutionSelect },
        departments && optionsField('departmentId', '科室', departments),
        nameField(),
        idNumberField(rosterFilterFields.idNumber),
        ageRangeField(),
        dateRangeField('firstRegistration', '首次注册时间'),
        practiceCategoryField(),
        physicianLevelField(),
      ]}
    />
  );
}
