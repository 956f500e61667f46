// The filter fields that several lists share, with one wording each.
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { z } from 'zod';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { labelOptions } from '../../lib/options';
import { zodRule } from '../../lib/zodRule';
import type { FilterField } from './FilterForm';

/** A choice among labelled values; empty means 全部. */
export function selectField(name: string, label: string, labels: Record<string, string>): FilterField {
  return { name, label, input: <Select placeholder="全部" allowClear options={labelOptions(labels)} /> };
}

/** A choice among given options, searchable by label (科室, 考核周期 …). */
export function optionsField(name: string, label: string, options: { value: number | string; label: string }[]): FilterField {
  return { name, label, input: <Select placeholder="全部" allowClear options={options} showSearch={{ optionFilterProp: 'label' }} /> };
}

export function textField(name: string, label: string, placeholder = `请输入${label}`, maxLength = 64): FilterField {
  return { name, label, input: <Input placeholder={placeholder} allowClear maxLength={maxLength} /> };
}

export const nameField = (): FilterField => textField('name', '姓名');

/** 证件号码: the whole number or its last 4 characters, checked by the list's own schema field. */
export function idNumberField(schema: z.ZodType): FilterField {
  return { name: 'idNumber', label: '证件号码', rules: [zodRule(schema)], input: <Input placeholder="完整号码或后4位" allowClear maxLength={32} /> };
}

export const practiceCategoryField = (): FilterField => selectField('practiceCategory', '执业类别', practiceCategoryLabels);
export const physicianLevelField = (): FilterField => selectField('physicianLevel', '医师级别', physicianLevelLabels);

/** A date range; `searchValues` turns `name` into `nameFrom` / `nameTo`. */
export function dateRangeField(name: string, label: string): FilterField {
  return { name, label, input: <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} className="list-range" /> };
}

const ageRangeRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: async () => {
    const min = getFieldValue('ageMin');
    const max = getFieldValue('ageMax');
    if (typeof min === 'number' && typeof max === 'number' && min > max) throw new Error('年龄上限不能小于下限');
  },
});

/** 年龄: ageMin – ageMax. */
export function ageRangeField(): FilterField {
  return {
    label: '年龄',
    input: (
      <Space.Compact block>
        <Form.Item name="ageMin" noStyle>
          <InputNumber min={0} max={120} precision={0} placeholder="最小" aria-label="年龄下限" className="list-age" />
        </Form.Item>
        <Form.Item name="ageMax" noStyle dependencies={['ageMin']} rules={[ageRangeRule]}>
          <InputNumber min={0} max={120} precision={0} placeholder="最大" aria-label="年龄上限" className="list-age" />
        </Form.Item>
      </Space.Compact>
    ),
  };
}
