import type { ReactNode } from 'react';
import { procedureLabels } from '../../../../common/papers';
import { reviewFilterFields } from '../../../../common/schemas/review';
import { FilterForm } from '../list/FilterForm';
import { dateRangeField, idNumberField, nameField, optionsField, physicianLevelField, practiceCategoryField, selectField } from '../list/filterFields';
import { reviewSearchOf, type ReviewFilterValues, type ReviewSearch } from './reviewForms';

interface Props {
  /** 科室 options (the institution's departments); without them the filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The chosen 卫生机构 of the assessor's list (picked in the table), shown first. */
  institution?: ReactNode;
  /** 考核程序, in the 免考 lists. */
  showProcedure: boolean;
  onSearch: (search: ReviewSearch) => void;
  /** 重置: every filter cleared, the chosen 卫生机构 too. */
  onReset: () => void;
}

/** (卫生机构), 科室, 姓名, 证件号码, 首次注册时间, 执业类别, 医师级别, (考核程序); 查询 / 重置. */
export function ReviewFilterForm({ departments, institution, showProcedure, onSearch, onReset }: Props) {
  return (
    <FilterForm<ReviewFilterValues>
      name="reviewFilter"
      labelWidth={104}
      onSearch={(values) => onSearch(reviewSearchOf(values))}
      onReset={onReset}
      fields={[
        institution && { label: '卫生机构', input: institution },
        departments && optionsField('departmentId', '科室', departments),
        nameField(),
        idNumberField(reviewFilterFields.idNumber),
        dateRangeField('firstRegistration', '首次注册时间'),
        practiceCategoryField(),
        physicianLevelField(),
        showProcedure && selectField('procedure', '考核程序', procedureLabels),
      ]}
    />
  );
}
