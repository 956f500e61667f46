import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useProgressInstitutions } from '../../api/progress';

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  id?: string;
}

/** 卫生机构 / 机构: one institution of the actor's scope (an assessor's assigned ones, an authority's jurisdiction), found by name. */
export function ProgressInstitutionSelect({ value, onChange, id }: Props) {
  const [search, setSearch] = useState('');
  const name = useDeferredValue(search.trim());
  const options = useProgressInstitutions(name);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: number) => onChange?.(next)}
      placeholder="全部（输入名称搜索）"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onClear={() => setSearch('')}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? '加载中…' : '未找到机构'}
      options={(options.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}
