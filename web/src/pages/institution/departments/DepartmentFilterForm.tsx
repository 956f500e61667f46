import type { DepartmentStatus } from '../../../../../common/enums';
import { departmentStatusListLabels } from '../../../../../common/schemas/departments';
import { FilterForm } from '../../../components/list/FilterForm';
import { selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';

export interface DepartmentFilters {
  name?: string;
  status?: DepartmentStatus;
}

/** 名称, 状态; 查询 / 重置. */
export function DepartmentFilterForm({ onSearch }: { onSearch: (filters: DepartmentFilters) => void }) {
  return (
    <FilterForm<DepartmentFilters>
      name="departmentFilters"
      labelWidth={48}
      onSearch={(values) => onSearch(searchValues<DepartmentFilters>(values))}
      fields={[textField('name', '名称', '请输入科室名称'), selectField('status', '状态', departmentStatusListLabels)]}
    />
  );
}
