import type { AssignmentListQueryInput } from '../../../../../common/schemas/assessor';
import { useCurrentUser } from '../../../auth/currentUser';
import { FilterForm } from '../../../components/list/FilterForm';
import { selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';

export type AssignFilters = Omit<AssignmentListQueryInput, 'page' | 'pageSize'>;

const assignedLabels = { no: '未指定', yes: '已指定' };

/** 名称, 区划, 是否已指定; 查询 / 重置. */
export function AssignFilterForm({ onSearch }: { onSearch: (filters: AssignFilters) => void }) {
  const me = useCurrentUser();
  return (
    <FilterForm<AssignFilters>
      name="assignFilter"
      labelWidth={88}
      onSearch={(values) => onSearch(searchValues<AssignFilters>(values))}
      fields={[
        textField('name', '名称', '机构名称'),
        { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={me.organization?.regionCode ?? ''} placeholder="全部" /> },
        selectField('assigned', '是否已指定', assignedLabels),
      ]}
    />
  );
}
