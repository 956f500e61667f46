import type { ReactNode } from 'react';
import { paperKindLabels } from '../../../../common/papers';
import { examProgressFilterFields, examProgressOutcomeLabels, examProgressStateLabels } from '../../../../common/schemas/exam-progress';
import { examStageLabels } from '../../../../common/schemas/exams';
import { FilterForm } from '../list/FilterForm';
import { idNumberField, nameField, optionsField, physicianLevelField, practiceCategoryField, selectField } from '../list/filterFields';
import { searchOf, type ExamProgressFilterSearch, type ExamProgressFilterValues } from './examProgressFilters';

interface Props {
  /** 科室 options (the institution's departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 区划 picker. */
  regionSelect?: ReactNode;
  /** The 医疗卫生机构 picker of the assessor and the authority. */
  institutionSelect?: ReactNode;
  onSearch: (search: ExamProgressFilterSearch) => void;
  /** Beside 查询 / 重置 (导出). */
  extra?: ReactNode;
}

/**
 * 测评进度 filters in the seed's order (seed 003 §2.2.9 (2)): (区划, 医疗卫生机构), 科室, 姓名, 证件号码, 医师级别, 执业类别,
 * 测评结果, 测评状态, 试卷名称, 考核阶段; 查询 / 重置 and 导出.
 */
export function ExamProgressFilterForm({ departments, regionSelect, institutionSelect, onSearch, extra }: Props) {
  return (
    <FilterForm<ExamProgressFilterValues>
      name="examProgressFilter"
      labelWidth={96}
      onSearch={(values) => onSearch(searchOf(values))}
      extra={extra}
      fields={[
        regionSelect && { name: 'regionCode', label: '区划', input: regionSelect },
        institutionSelect && { name: 'institutionId', label: '医疗卫生机构', input: institutionSelect },
        departments && optionsField('departmentId', '科室', departments),
        nameField(),
        idNumberField(examProgressFilterFields.idNumber),
        physicianLevelField(),
        practiceCategoryField(),
        selectField('outcome', '测评结果', examProgressOutcomeLabels),
        selectField('state', '测评状态', examProgressStateLabels),
        selectField('paper', '试卷名称', paperKindLabels),
        selectField('stage', '考核阶段', examStageLabels),
      ]}
    />
  );
}
