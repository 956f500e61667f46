// 机构 / 卫生机构 pickers: one institution of the actor's scope, found by typing part of its name.
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';

interface Found {
  data?: { items: { id: number; name: string }[] };
  isFetching: boolean;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  id?: string;
  /** The query of the institutions whose name contains the typed text ('' for the first ones). */
  useSearch: (name: string) => Found;
}

export function InstitutionSearchSelect({ value, onChange, id, useSearch }: Props) {
  const [search, setSearch] = useState('');
  const options = useSearch(useDeferredValue(search.trim()));
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
