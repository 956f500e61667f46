import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { rosterFilterFields } from '../../../../common/schemas/physician';
import { labelOptions } from '../../lib/options';
import { zodRule } from '../../lib/zodRule';
import { searchOf, type RosterFilterValues, type RosterSearch } from './rosterFilters';
import './roster.css';
import { FILTER_COL, SearchButtons } from '../SearchButtons';

interface Props {
  /** 科室 options (the institution's enabled departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 机构 picker, shown first. */
  institutionSelect?: ReactNode;
  onSearch: (search: RosterSearch) => void;
}

const ageRangeRule = ({ getFieldValue }: { getFieldValue: (name: keyof RosterFilterValues) => unknown }) => ({
  validator: async () => {
    const min = getFieldValue('ageMin');
    const max = getFieldValue('ageMax');
    if (typeof min === 'number' && typeof max === 'number' && min > max) throw new Error('年龄上限不能小于下限');
  },
});

/** 医师列表 filters: (机构), 科室, 姓名, 证件号码, 年龄, 首次注册时间, 执业类别, 医师级别; 查询 / 重置. */
export function RosterFilterForm({ departments, institutionSelect, onSearch }: Props) {
  const [form] = Form.useForm<RosterFilterValues>();
  return (
    <Form<RosterFilterValues> form={form} name="rosterFilter" onFinish={(values) => onSearch(searchOf(values))} labelCol={{ flex: '104px' }} className="roster-filters">
      <Row gutter={16}>
        {institutionSelect && (
          <Col {...FILTER_COL}>
            <Form.Item name="institutionId" label="机构">
              {institutionSelect}
            </Form.Item>
          </Col>
        )}
        {departments && (
          <Col {...FILTER_COL}>
            <Form.Item name="departmentId" label="科室">
              <Select placeholder="全部" allowClear options={departments} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        )}
        <Col {...FILTER_COL}>
          <Form.Item name="name" label="姓名">
            <Input placeholder="姓名" allowClear maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="idNumber" label="证件号码" rules={[zodRule(rosterFilterFields.idNumber)]}>
            <Input placeholder="完整号码或后4位" allowClear maxLength={32} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item label="年龄">
            <Space.Compact block>
              <Form.Item name="ageMin" noStyle>
                <InputNumber min={0} max={120} precision={0} placeholder="最小" aria-label="年龄下限" className="roster-age" />
              </Form.Item>
              <Form.Item name="ageMax" noStyle dependencies={['ageMin']} rules={[ageRangeRule]}>
                <InputNumber min={0} max={120} precision={0} placeholder="最大" aria-label="年龄上限" className="roster-age" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="firstRegistration" label="首次注册时间">
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始时间', '结束时间']} className="roster-range" />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="practiceCategory" label="执业类别">
            <Select placeholder="全部" allowClear options={labelOptions(practiceCategoryLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="physicianLevel" label="医师级别">
            <Select placeholder="全部" allowClear options={labelOptions(physicianLevelLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item>
            <SearchButtons form={form} onCleared={() => onSearch({})} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
