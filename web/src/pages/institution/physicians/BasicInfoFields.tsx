import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { idTypeLabels, sexLabels } from '../../../../../common/enums';
import { educations, ethnicities } from '../../../../../common/physician-catalogs';
import { labelOptions, listOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';
import { dateRule, idNumberRule, physicianField as field } from './physicianForm';
import { PhotoPicker } from './PhotoPicker';

const half = { xs: 24, md: 12 };

interface Props {
  photo: File | null;
  onPhotoChange: (file: File | null) => void;
}

/** 基本信息: 姓名*, 性别*, 证件类型*, 证件号码*, 出生年月, 学历, 电子邮箱, 民族, 上传图片. */
export function BasicInfoFields({ photo, onPhotoChange }: Props) {
  return (
    <Row gutter={24}>
      <Col {...half}>
        <Form.Item name="name" label="姓名" required rules={[zodRule(field.name)]}>
          <Input placeholder="输入医师姓名" maxLength={64} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="sex" label="性别" required rules={[zodRule(field.sex)]}>
          <Select placeholder="性别" options={labelOptions(sexLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idType" label="证件类型" required rules={[zodRule(field.idType)]}>
          <Select placeholder="证件类型" options={labelOptions(idTypeLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idNumber" label="证件号码" required dependencies={['idType']} validateDebounce={400} rules={[zodRule(field.idNumber), idNumberRule]} extra="居民身份证号码将自动填写出生年月和性别">
          <Input placeholder="输入对应的证件码" maxLength={32} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthDate" label="出生年月" rules={[dateRule(field.birthDate)]}>
          <DatePicker placeholder="请选择" className="physician-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="education" label="学历">
          <Select placeholder="请选择" allowClear options={listOptions(educations)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label="电子邮箱" rules={[zodRule(field.email)]}>
          <Input placeholder="电子邮箱" maxLength={128} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label="民族">
          <Select placeholder="请选择" allowClear showSearch={{ optionFilterProp: 'label' }} options={listOptions(ethnicities)} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="照片">
          <PhotoPicker value={photo} onChange={onPhotoChange} />
        </Form.Item>
      </Col>
    </Row>
  );
}
