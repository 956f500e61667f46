import { Col, Form, Input, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { paperKindLabels } from '../../../../common/papers';
import { examProgressFilterFields, examProgressOutcomeLabels, examProgressStateLabels } from '../../../../common/schemas/exam-progress';
import { examStageLabels } from '../../../../common/schemas/exams';
import { labelOptions } from '../../lib/options';
import { zodRule } from '../../lib/zodRule';
import { FILTER_COL, SearchButtons } from '../SearchButtons';
import { searchOf, type ExamProgressFilterSearch, type ExamProgressFilterValues } from './examProgressFilters';
import '../progress/progress.css';

interface Props {
  /** 科室 options (the institution's departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 区划 picker. */
  regionSelect?: ReactNode;
  /** The 医疗卫生机构 picker of the assessor and the authority. */
  institutionSelect?: ReactNode;
  onSearch: (search: ExamProgressFilterSearch) => void;
  /** Beside 查询 / 重置 (导出). */
  extra?: ReactNode;
}

/**
 * 测评进度 filters in the seed's order (seed 003 §2.2.9 (2)): (区划, 医疗卫生机构), 科室, 姓名, 证件号码, 医师级别, 执业类别,
 * 测评结果, 测评状态, 试卷名称, 考核阶段; 查询 / 重置 and 导出.
 */
export function ExamProgressFilterForm({ departments, regionSelect, institutionSelect, onSearch, extra }: Props) {
  const [form] = Form.useForm<ExamProgressFilterValues>();
  const select = (name: keyof ExamProgressFilterValues, label: string, labels: Record<string, string>) => (
    <Col {...FILTER_COL}>
      <Form.Item name={name} label={label}>
        <Select placeholder="全部" allowClear options={labelOptions(labels)} />
      </Form.Item>
    </Col>
  );
  return (
    <Form<ExamProgressFilterValues> form={form} name="examProgressFilter" onFinish={(values) => onSearch(searchOf(values))} labelCol={{ flex: '96px' }} className="progress-filters">
      <Row gutter={16}>
        {regionSelect && (
          <Col {...FILTER_COL}>
            <Form.Item name="regionCode" label="区划">
              {regionSelect}
            </Form.Item>
          </Col>
        )}
        {institutionSelect && (
          <Col {...FILTER_COL}>
            <Form.Item name="institutionId" label="医疗卫生机构">
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
            <Input placeholder="请输入姓名" allowClear maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="idNumber" label="证件号码" rules={[zodRule(examProgressFilterFields.idNumber)]}>
            <Input placeholder="完整号码或后4位" allowClear maxLength={32} />
          </Form.Item>
        </Col>
        {select('physicianLevel', '医师级别', physicianLevelLabels)}
        {select('practiceCategory', '执业类别', practiceCategoryLabels)}
        {select('outcome', '测评结果', examProgressOutcomeLabels)}
        {select('state', '测评状态', examProgressStateLabels)}
        {select('paper', '试卷名称', paperKindLabels)}
        {select('stage', '考核阶段', examStageLabels)}
        <Col {...FILTER_COL}>
          <Form.Item>
            <Space wrap>
              <SearchButtons form={form} onCleared={() => onSearch({})} />
              {extra}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
