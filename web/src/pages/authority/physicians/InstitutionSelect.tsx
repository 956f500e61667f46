import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useInstitutionList } from '../../../api/institutions';

interface Props {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  id?: string;
}

/** 机构: an institution of the jurisdiction, found by name (the first 20 matches). */
export function InstitutionSelect({ value, onChange, id }: Props) {
  const [search, setSearch] = useState('');
  const name = useDeferredValue(search.trim());
  const options = useInstitutionList({ name: name || undefined, page: 1, pageSize: 20 });
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
