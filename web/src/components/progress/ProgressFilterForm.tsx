import { Select } from 'antd';
import type { ReactNode } from 'react';
import { enrolmentStatusLabels } from '../../../../common/enums';
import {
  progressFilterFields,
  progressProcedureLabels,
  progressResultLabels,
  progressStatusHelp,
  progressStatuses,
} from '../../../../common/schemas/assessment-progress';
import { exemptionStatusLabels } from '../../../../common/schemas/registration';
import { FilterForm } from '../list/FilterForm';
import { ageRangeField, idNumberField, nameField, optionsField, physicianLevelField, practiceCategoryField, selectField } from '../list/filterFields';
import { searchOf, type ProgressFilterValues } from './progressFilters';
import type { ProgressSearch } from '../../api/progress';
import './progress.css';

interface Props {
  /** 科室 options (the institution's departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 区划 picker. */
  regionSelect?: ReactNode;
  /** The 卫生机构 / 机构 picker of the assessor and the authority, and its label. */
  institutionSelect?: { label: string; input: ReactNode };
  onSearch: (search: ProgressSearch) => void;
  /** Beside 查询 / 重置 (导出). */
  extra?: ReactNode;
}

/** Each 考核状态 with what it means (seed 003 §2.2.9), so that the choice explains itself. */
const statusOptions = progressStatuses.map((status) => ({ value: status, label: enrolmentStatusLabels[status], help: progressStatusHelp[status] }));

/**
 * 考核进度 filters in the seeds' order: (区划, 机构 / 卫生机构), 科室, 姓名, 证件号码, 年龄, 医师级别, 执业类别, 考核程序,
 * 考核结果, 免考状态, 考核状态; 查询 / 重置 and 导出.
 */
export function ProgressFilterForm({ departments, regionSelect, institutionSelect, onSearch, extra }: Props) {
  return (
    <FilterForm<ProgressFilterValues>
      name="progressFilter"
      onSearch={(values) => onSearch(searchOf(values))}
      extra={extra}
      fields={[
        regionSelect && { name: 'regionCode', label: '区划', input: regionSelect },
        institutionSelect && { name: 'institutionId', label: institutionSelect.label, input: institutionSelect.input },
        departments && optionsField('departmentId', '科室', departments),
        nameField(),
        idNumberField(progressFilterFields.idNumber),
        ageRangeField(),
        physicianLevelField(),
        practiceCategoryField(),
        selectField('procedure', '考核程序', progressProcedureLabels),
        selectField('result', '考核结果', progressResultLabels),
        selectField('exemptionStatus', '免考状态', exemptionStatusLabels),
        {
          name: 'status',
          label: '考核状态',
          input: (
            <Select
              placeholder="全部"
              allowClear
              options={statusOptions}
              popupMatchSelectWidth={360}
              // Two lines per option: without the virtual list every status is in the page and the list grows to fit.
              virtual={false}
              listHeight={420}
              optionRender={(option) => (
                <div className="progress-status-option">
                  <div>{option.data.label}</div>
                  <div className="progress-status-help">{option.data.help}</div>
                </div>
              )}
            />
          ),
        },
      ]}
    />
  );
}
