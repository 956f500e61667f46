import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../../common/enums';
import { positions, titles } from '../../../../../common/physician-catalogs';
import type { DepartmentOption } from '../../../../../common/schemas/departments';
import { labelOptions, listOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';
import { dateRule, physicianField as field, type DateField, type PhysicianFormValues } from './physicianForm';
import { PracticeScopeSelect } from '../../../components/physician/PracticeScopeSelect';

const half = { xs: 24, md: 12 };
const traineeOptions = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

function DateItem({ name, label }: { name: DateField; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={[dateRule(field[name])]}>
      <DatePicker placeholder="请选择" className="physician-date" disabledDate={notFuture} />
    </Form.Item>
  );
}

interface Props {
  departments: DepartmentOption[];
  departmentsLoading: boolean;
}

/**
 * 执业信息: 科室, 从事专业 (the department's 诊疗科目), 职称 + 取得时间, 医师级别, 规培生, 职务 + 取得时间,
 * 执业类别*, 执业范围* (by 执业类别), 执业证书编码* + 取得时间, 资格证书编码* + 取得时间, 首次注册时间.
 */
export function PracticeInfoFields({ departments, departmentsLoading }: Props) {
  const form = Form.useFormInstance<PhysicianFormValues>();
  const departmentId = Form.useWatch('departmentId', form);
  const category = Form.useWatch('practiceCategory', form);
  const subjects = departments.find((d) => d.id === departmentId)?.clinicalSubjects ?? [];

  return (
    <Row gutter={24}>
      <Col {...half}>
        <Form.Item name="departmentId" label="科室" extra={departments.length === 0 && !departmentsLoading ? '本机构暂无启用的科室，请先在【科室信息】中创建' : undefined}>
          <Select
            placeholder="请选择"
            allowClear
            loading={departmentsLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="specialty" label="从事专业" rules={[zodRule(field.specialty)]}>
          <Select
            placeholder={departmentId ? '请选择' : '请先选择科室'}
            allowClear
            disabled={!departmentId}
            showSearch={{ optionFilterProp: 'label' }}
            options={subjects.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="title" label="职称" rules={[zodRule(field.title)]}>
          <Select placeholder="请选择" allowClear options={listOptions(titles)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <DateItem name="titleDate" label="职称取得时间" />
      </Col>
      <Col {...half}>
        <Form.Item name="physicianLevel" label="医师级别">
          <Select placeholder="请选择" allowClear options={labelOptions(physicianLevelLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="residentTrainee" label="规培生">
          <Select placeholder="请选择" allowClear options={traineeOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="position" label="职务" rules={[zodRule(field.position)]}>
          <Select placeholder="请选择" allowClear options={listOptions(positions)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <DateItem name="positionDate" label="职务取得时间" />
      </Col>
      <Col {...half}>
        <Form.Item name="practiceCategory" label="执业类别" required rules={[zodRule(field.practiceCategory)]}>
          <Select placeholder="执业类别" options={labelOptions(practiceCategoryLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="practiceScope" label="执业范围" required rules={[zodRule(field.practiceScope)]}>
          <PracticeScopeSelect category={category} placeholder="执业范围" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="licenseNumber" label="执业证书编码" required rules={[zodRule(field.licenseNumber)]}>
          <Input placeholder="执业编码" maxLength={32} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <DateItem name="licenseDate" label="执业证取得时间" />
      </Col>
      <Col {...half}>
        <Form.Item name="qualificationNumber" label="资格证书编码" required rules={[zodRule(field.qualificationNumber)]}>
          <Input placeholder="资格证编码" maxLength={32} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <DateItem name="qualificationDate" label="资格证取得时间" />
      </Col>
      <Col {...half}>
        <DateItem name="firstRegistrationDate" label="首次注册时间" />
      </Col>
    </Row>
  );
}
