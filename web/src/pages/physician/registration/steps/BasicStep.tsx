import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { idTypeLabels, sexLabels } from '../../../../../../common/enums';
import { educations, ethnicities } from '../../../../../../common/physician-catalogs';
import { basicStepSchema } from '../../../../../../common/schemas/registration';
import { labelOptions, listOptions } from '../../../../lib/options';
import { zodRule } from '../../../../lib/zodRule';
import { PhotoUpload } from '../PhotoUpload';
import { dateRule, notFuture } from '../registrationForm';
import { half, type StepProps } from './types';

const field = basicStepSchema.shape;

/** 1 基本信息: 姓名, 性别, 证件 (read-only), 出生年月, 民族, 学历, 电子邮箱, 手机号码, 头像. */
export function BasicStep({ form, initialValues, registration, outerErrors, onOuterChange }: StepProps) {
  const { identity } = registration;
  return (
    <Form form={form} initialValues={initialValues} layout="vertical" name="basic" className="registration-form" scrollToFirstError>
      <Row gutter={24}>
        <Col span={24}>
          <Form.Item label="头像" required>
            <PhotoUpload photoFileId={identity.photoFileId} error={outerErrors.photo} onUploaded={() => onOuterChange('photo')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="name" label="姓名" required rules={[zodRule(field.name)]}>
            <Input placeholder="请输入姓名" maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="sex" label="性别" required rules={[zodRule(field.sex)]}>
            <Select placeholder="请选择" options={labelOptions(sexLabels)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="证件类型">
            <Input value={idTypeLabels[identity.idType]} disabled />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="证件号码" extra="证件信息如有误，请联系所在医疗卫生机构">
            <Input value={identity.idNumberMasked} disabled />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthDate" label="出生年月" required rules={[dateRule(field.birthDate)]}>
            <DatePicker placeholder="请选择" className="registration-date" disabledDate={notFuture} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ethnicity" label="民族" required rules={[zodRule(field.ethnicity)]}>
            <Select placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} options={listOptions(ethnicities)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="education" label="学历" required rules={[zodRule(field.education)]}>
            <Select placeholder="请选择" options={listOptions(educations)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="email" label="电子邮箱" required rules={[zodRule(field.email)]}>
            <Input placeholder="请输入电子邮箱" maxLength={128} inputMode="email" autoComplete="email" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mobile" label="手机号码" required rules={[zodRule(field.mobile)]}>
            <Input placeholder="请输入11位手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
