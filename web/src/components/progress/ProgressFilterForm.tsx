import { Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { enrolmentStatusLabels, physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import {
  progressFilterFields,
  progressProcedureLabels,
  progressResultLabels,
  progressStatusHelp,
  progressStatuses,
} from '../../../../common/schemas/assessment-progress';
import { exemptionStatusLabels } from '../../../../common/schemas/registration';
import { labelOptions } from '../../lib/options';
import { zodRule } from '../../lib/zodRule';
import { FILTER_COL, SearchButtons } from '../SearchButtons';
import { searchOf, type ProgressFilterValues } from './progressFilters';
import type { ProgressSearch } from '../../api/progress';
import './progress.css';

interface Props {
  /** 科室 options (the institution's departments); without them the 科室 filter is not shown. */
  departments?: { value: number; label: string }[];
  /** The authority's 区划 picker. */
  regionSelect?: ReactNode;
  /** The 卫生机构 / 机构 picker of the assessor and the authority, and its label. */
  institutionSelect?: { label: string; input: ReactNode };
  onSearch: (search: ProgressSearch) => void;
  /** Beside 查询 / 重置 (导出). */
  extra?: ReactNode;
}

const ageRangeRule = ({ getFieldValue }: { getFieldValue: (name: keyof ProgressFilterValues) => unknown }) => ({
  validator: async () => {
    const min = getFieldValue('ageMin');
    const max = getFieldValue('ageMax');
    if (typeof min === 'number' && typeof max === 'number' && min > max) throw new Error('年龄上限不能小于下限');
  },
});

/** Each 考核状态 with what it means (seed 003 §2.2.9), so that the choice explains itself. */
const statusOptions = progressStatuses.map((status) => ({ value: status, label: enrolmentStatusLabels[status], help: progressStatusHelp[status] }));

/**
 * 考核进度 filters in the seeds' order: (区划, 机构 / 卫生机构), 科室, 姓名, 证件号码, 年龄, 医师级别, 执业类别, 考核程序,
 * 考核结果, 免考状态, 考核状态; 查询 / 重置 and 导出.
 */
export function ProgressFilterForm({ departments, regionSelect, institutionSelect, onSearch, extra }: Props) {
  const [form] = Form.useForm<ProgressFilterValues>();
  return (
    <Form<ProgressFilterValues> form={form} name="progressFilter" onFinish={(values) => onSearch(searchOf(values))} labelCol={{ flex: '76px' }} className="progress-filters">
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
            <Form.Item name="institutionId" label={institutionSelect.label}>
              {institutionSelect.input}
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
          <Form.Item name="idNumber" label="证件号码" rules={[zodRule(progressFilterFields.idNumber)]}>
            <Input placeholder="完整号码或后4位" allowClear maxLength={32} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item label="年龄">
            <Space.Compact block>
              <Form.Item name="ageMin" noStyle>
                <InputNumber min={0} max={120} precision={0} placeholder="最小" aria-label="年龄下限" className="progress-age" />
              </Form.Item>
              <Form.Item name="ageMax" noStyle dependencies={['ageMin']} rules={[ageRangeRule]}>
                <InputNumber min={0} max={120} precision={0} placeholder="最大" aria-label="年龄上限" className="progress-age" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="physicianLevel" label="医师级别">
            <Select placeholder="全部" allowClear options={labelOptions(physicianLevelLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="practiceCategory" label="执业类别">
            <Select placeholder="全部" allowClear options={labelOptions(practiceCategoryLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="procedure" label="考核程序">
            <Select placeholder="全部" allowClear options={labelOptions(progressProcedureLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="result" label="考核结果">
            <Select placeholder="全部" allowClear options={labelOptions(progressResultLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="exemptionStatus" label="免考状态">
            <Select placeholder="全部" allowClear options={labelOptions(exemptionStatusLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="status" label="考核状态">
            <Select
              placeholder="全部"
              allowClear
              options={statusOptions}
              popupMatchSelectWidth={360}
              // Two lines per option: without the virtual list every status is in the page and the list grows to fit.
              virtual={false}
              listHeight={420}
              optionRender={(option) => (
                <div className="progress-status-option">
                  <div>{option.data.label}</div>
                  <div className="progress-status-help">{option.data.help}</div>
                </div>
              )}
            />
          </Form.Item>
        </Col>
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
