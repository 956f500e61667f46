import { Cascader } from 'antd';
import { useMemo } from 'react';
import { regionCodePath, regionTree, useRegions } from '../../api/regions';

interface Props {
  /** The chosen region's code (the last level picked). */
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
}

/** 省 / 市 / 区 cascader over the region catalog; the form keeps only the chosen code. */
export function RegionCascader({ value, onChange, placeholder = '请选择省/市/区', id }: Props) {
  const { data, isPending } = useRegions();
  const options = useMemo(() => (data ? regionTree(data) : []), [data]);
  const path = useMemo(() => (data && value ? regionCodePath(data, value) : []), [data, value]);
  return (
    <Cascader
      id={id}
      options={options}
      value={path}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      loading={isPending}
      placeholder={placeholder}
      changeOnSelect
      showSearch
      allowClear={false}
    />
  );
}
