import { useCurrentUser } from '../../../auth/currentUser';
import { FilterForm } from '../../../components/list/FilterForm';
import { selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';

export interface ApplicationFilters<S extends string> {
  name?: string;
  regionCode?: string;
  status?: S;
}

interface Props<S extends string> {
  /** The form's name (each tab has its own). */
  name: string;
  /** The third filter: its label and values (审核状态 or 申请状态). */
  statusLabel: string;
  statusLabels: Record<S, string>;
  onSearch: (filters: ApplicationFilters<S>) => void;
}

/** 名称, 区划 and a status; 查询 / 重置. */
export function ApplicationFilterForm<S extends string>({ name, statusLabel, statusLabels, onSearch }: Props<S>) {
  const me = useCurrentUser();
  return (
    <FilterForm<ApplicationFilters<S>>
      name={name}
      onSearch={(values) => onSearch(searchValues<ApplicationFilters<S>>(values))}
      fields={[
        textField('name', '名称', '机构名称'),
        { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={me.organization?.regionCode ?? ''} placeholder="全部" /> },
        selectField('status', statusLabel, statusLabels),
      ]}
    />
  );
}
