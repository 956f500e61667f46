import { Select, type SelectProps } from 'antd';
import type { PracticeCategory } from '../../../../common/enums';
import { practiceScopes } from '../../../../common/physician-catalogs';
import { listOptions } from '../../lib/options';

/** 执业范围: the scopes of the chosen 执业类别, none (and disabled) until one is chosen. As a Form.Item's child. */
export function PracticeScopeSelect({ category, placeholder = '请选择', ...props }: Omit<SelectProps, 'options'> & { category: PracticeCategory | null | undefined }) {
  return (
    <Select
      {...props}
      placeholder={category ? placeholder : '请先选择执业类别'}
      disabled={!category}
      options={listOptions(category ? practiceScopes[category] : [])}
    />
  );
}
