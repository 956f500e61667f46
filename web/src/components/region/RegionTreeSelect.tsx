import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { regionTree, useRegions } from '../../api/regions';

interface Props {
  /** Only this region and what lies below it can be chosen (the actor's jurisdiction). */
  rootCode: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}

/** Picks one region of a jurisdiction from its tree (province → city → district), searchable by name. */
export function RegionTreeSelect({ rootCode, value, onChange, placeholder = '请选择区划', allowClear = true, id }: Props) {
  const { data, isPending } = useRegions();
  const treeData = useMemo(() => (data ? regionTree(data, rootCode) : []), [data, rootCode]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(code: string | undefined) => onChange?.(code)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
    />
  );
}
