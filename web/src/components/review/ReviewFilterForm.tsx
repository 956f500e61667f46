import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { procedureLabels } from '../../../../common/papers';
import { reviewFilterFields } from '../../../../common/schemas/review';
import { labelOptions } from '../../lib/options';
import { zodRule } from '../../lib/zodRule';
import { FILTER_COL, SearchButtons } from '../SearchButtons';
import { reviewSearchOf, type ReviewFilterValues, type ReviewSearch } from './reviewForms';

interface Props {
  /** 科室 options (the institution's departments); without them the filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The chosen 卫生机构 of the assessor's list (picked in the table), shown first. */
  institution?: ReactNode;
  /** 考核程序, in the 免考 lists. */
  showProcedure: boolean;
  onSearch: (search: ReviewSearch) => void;
  /** 重置: every filter cleared, the chosen 卫生机构 too. */
  onReset: () => void;
}

/** (卫生机构), 科室, 姓名, 证件号码, 首次注册时间, 执业类别, 医师级别, (考核程序); 查询 / 重置. */
export function ReviewFilterForm({ departments, institution, showProcedure, onSearch, onReset }: Props) {
  const [form] = Form.useForm<ReviewFilterValues>();
  return (
    <Form<ReviewFilterValues> form={form} name="reviewFilter" onFinish={(values) => onSearch(reviewSearchOf(values))} labelCol={{ flex: '104px' }} className="review-filters">
      <Row gutter={16}>
        {institution && (
          <Col {...FILTER_COL}>
            <Form.Item label="卫生机构">{institution}</Form.Item>
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
            <Input placeholder="请输入姓名" allowClear maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="idNumber" label="证件号码" rules={[zodRule(reviewFilterFields.idNumber)]}>
            <Input placeholder="完整号码或后4位" allowClear maxLength={32} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="firstRegistration" label="首次注册时间">
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} className="review-range" />
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
        {showProcedure && (
          <Col {...FILTER_COL}>
            <Form.Item name="procedure" label="考核程序">
              <Select placeholder="全部" allowClear options={labelOptions(procedureLabels)} />
            </Form.Item>
          </Col>
        )}
        <Col {...FILTER_COL}>
          <Form.Item>
            <SearchButtons form={form} onCleared={onReset} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
