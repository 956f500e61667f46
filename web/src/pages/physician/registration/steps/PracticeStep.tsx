import { Alert, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Typography, type FormRule } from 'antd';
import { useEffect } from 'react';
import { physicianLevelLabels, practiceCategoryLabels, type PracticeCategory } from '../../../../../../common/enums';
import { positions, titles } from '../../../../../../common/physician-catalogs';
import { licenseKindLabels, practiceStatuses, practiceStepSchema } from '../../../../../../common/schemas/registration';
import { useDepartmentOptions } from '../../../../api/departments';
import { labelOptions, listOptions } from '../../../../lib/options';
import { zodRule } from '../../../../lib/zodRule';
import { dateRule, notFuture } from '../registrationForm';
import { SlotFiles } from '../SlotFiles';
import { half, type StepProps } from './types';
import { PracticeScopeSelect } from '../../../../components/physician/PracticeScopeSelect';

const field = practiceStepSchema.shape;

/** Seed 004 FAQ 8, 情形1. */
export const NO_DEPARTMENTS_MESSAGE = '本机构未维护科室，请联系所在医疗卫生机构在【科室信息】中添加';

/** The schema's cross-field check: a 职称 other than 无 needs its 取得时间. */
const titleDateRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_rule, value: unknown) => {
    const title = getFieldValue('title') as string | undefined;
    if (title && title !== '无' && !value) throw new Error('请选择职称取得时间');
  },
});

const traineeOptions = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function DateItem({ name, label, required, rules = [] }: { name: keyof typeof field; label: string; required?: boolean; rules?: FormRule[] }) {
  return (
    <Form.Item name={name} label={label} required={required} rules={[dateRule(field[name]), ...rules]} dependencies={rules.length ? ['title'] : undefined}>
      <DatePicker placeholder="请选择" className="registration-date" disabledDate={notFuture} />
    </Form.Item>
  );
}

/**
 * 2 执业信息: 科室 (the 主要执业机构's enabled departments), 从事专业 (its 诊疗科目), 职称, 职务, 医师级别, 规培生,
 * 执业类别 / 执业范围, 资格证书 / 执业证书 编码 and dates, 执业情况, and the 执业证书 (two pages) or 电子证照 (one).
 */
export function PracticeStep({ form, initialValues, registration, outerErrors, onOuterChange }: StepProps) {
  const departments = useDepartmentOptions();
  const options = departments.data ?? [];
  const departmentId = Form.useWatch('departmentId', form) as number | undefined;
  const category = Form.useWatch('practiceCategory', form) as PracticeCategory | undefined;
  const title = Form.useWatch('title', form) as string | undefined;
  const licenseKind = Form.useWatch('licenseKind', form) as keyof typeof licenseKindLabels | undefined;
  const subjects = options.find((d) => d.id === departmentId)?.clinicalSubjects ?? [];
  const noDepartments = departments.isSuccess && options.length === 0;
  const specialty = Form.useWatch('specialty', form) as string | undefined;

  // A 科室 that is no longer enabled (or a 从事专业 it no longer has) cannot be kept: ask for a new choice
  // rather than show a bare id.
  useEffect(() => {
    if (!departments.isSuccess) return;
    const department = options.find((d) => d.id === departmentId);
    if (departmentId != null && !department) form.setFieldsValue({ departmentId: undefined, specialty: undefined });
    else if (department && specialty && !department.clinicalSubjects.some((s) => s.code === specialty)) form.setFieldsValue({ specialty: undefined });
  }, [departments.isSuccess, options, departmentId, specialty, form]);

  return (
    <Form
      form={form}
      initialValues={initialValues}
      layout="vertical"
      name="practice"
      className="registration-form"
      scrollToFirstError
      onValuesChange={(changed: Record<string, unknown>) => {
        if ('departmentId' in changed) form.setFieldValue('specialty', undefined);
        if ('practiceCategory' in changed) form.setFieldValue('practiceScope', undefined);
      }}
    >
      {noDepartments && <Alert type="warning" showIcon title={NO_DEPARTMENTS_MESSAGE} className="registration-alert" />}
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item name="departmentId" label="科室" required rules={[zodRule(field.departmentId)]}>
            <Select
              placeholder="请选择"
              loading={departments.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={noDepartments ? NO_DEPARTMENTS_MESSAGE : undefined}
              options={options.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="specialty" label="从事专业" required rules={[zodRule(field.specialty)]}>
            <Select
              placeholder={departmentId ? '请选择' : '请先选择科室'}
              disabled={!departmentId}
              showSearch={{ optionFilterProp: 'label' }}
              options={subjects.map((s) => ({ value: s.code, label: s.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="title" label="职称" required rules={[zodRule(field.title)]}>
            <Select placeholder="请选择" options={listOptions(titles)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <DateItem name="titleDate" label="职称取得时间" required={!!title && title !== '无'} rules={[titleDateRule]} />
        </Col>
        <Col {...half}>
          <Form.Item name="position" label="职务" rules={[zodRule(field.position)]}>
            <Select placeholder="请选择" allowClear options={listOptions(positions)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <DateItem name="positionDate" label="职务任职时间" />
        </Col>
        <Col {...half}>
          <Form.Item name="physicianLevel" label="医师级别" required rules={[zodRule(field.physicianLevel)]}>
            <Select placeholder="请选择" options={labelOptions(physicianLevelLabels)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="residentTrainee" label="规培生" required rules={[zodRule(field.residentTrainee)]}>
            <Radio.Group options={traineeOptions} aria-label="规培生" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="practiceCategory" label="执业类别" required rules={[zodRule(field.practiceCategory)]}>
            <Select placeholder="请选择" options={labelOptions(practiceCategoryLabels)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="practiceScope" label="执业范围" required rules={[zodRule(field.practiceScope)]}>
            <PracticeScopeSelect category={category} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="qualificationNumber" label="资格证书编码" required rules={[zodRule(field.qualificationNumber)]}>
            <Input placeholder="请输入资格证书编码" maxLength={32} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <DateItem name="qualificationDate" label="资格证书取得时间" required />
        </Col>
        <Col {...half}>
          <Form.Item name="licenseNumber" label="执业证书编码" required rules={[zodRule(field.licenseNumber)]}>
            <Input placeholder="请输入执业证书编码" maxLength={32} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <DateItem name="licenseDate" label="执业证书取得时间" required />
        </Col>
        <Col {...half}>
          <Form.Item name="practiceStatus" label="执业情况" required rules={[zodRule(field.practiceStatus)]}>
            <Select placeholder="请选择" options={listOptions(practiceStatuses)} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">执业证书或电子证照</Divider>
      <Form.Item name="licenseKind" label="执业证书形式" required rules={[zodRule(field.licenseKind)]}>
        <Radio.Group options={labelOptions(licenseKindLabels)} className="registration-radio-wrap" aria-label="执业证书形式" />
      </Form.Item>
      <Typography.Paragraph type="secondary" className="registration-hint">
        医师【执业证书】或【电子证照】上传需含目前执业机构注册信息。注：医生执业证书需要上传2页，电子执业证上传1页。
      </Typography.Paragraph>
      {licenseKind === 'electronic' ? (
        <SlotFiles slot="electronicLicense" required registration={registration} error={outerErrors.electronicLicense} onChanged={() => onOuterChange('electronicLicense')} />
      ) : (
        <>
          <SlotFiles slot="licensePage1" required registration={registration} error={outerErrors.licensePage1} onChanged={() => onOuterChange('licensePage1')} />
          <SlotFiles slot="licensePage2" required registration={registration} error={outerErrors.licensePage2} onChanged={() => onOuterChange('licensePage2')} />
        </>
      )}
    </Form>
  );
}
