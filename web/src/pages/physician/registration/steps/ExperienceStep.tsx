import { Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { experienceStepSchema } from '../../../../../../common/schemas/registration';
import { zodRule } from '../../../../lib/zodRule';
import { dateRule, notFuture } from '../registrationForm';
import { RowList } from './RowList';
import { half, type StepProps } from './types';
import { listOptions } from '../../../../lib/options';

const multiSite = experienceStepSchema.shape.multiSites.element.shape;
const education = experienceStepSchema.shape.educations.element.shape;
const career = experienceStepSchema.shape.careers.element.shape;

function Period({ row, schema }: { row: number; schema: typeof education | typeof career }) {
  return (
    <>
      <Col {...half}>
        <Form.Item name={[row, 'startDate']} label="开始时间" required rules={[dateRule(schema.startDate)]}>
          <DatePicker placeholder="请选择" className="registration-date" disabledDate={notFuture} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={[row, 'endDate']} label="结束时间" rules={[dateRule(schema.endDate)]} extra="至今可不填">
          <DatePicker placeholder="请选择" className="registration-date" disabledDate={notFuture} />
        </Form.Item>
      </Col>
    </>
  );
}

/** 3 相关经历: 多点执业, 教育经历 (大专及以上), 执业经历 — each a list of rows. */
export function ExperienceStep({ form, initialValues }: StepProps) {
  return (
    <Form form={form} initialValues={initialValues} layout="vertical" name="experience" className="registration-form" scrollToFirstError>
      <Divider titlePlacement="start">多点执业</Divider>
      <RowList name="multiSites" title="多点执业" max={10}>
        {(row) => (
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name={[row, 'institutionName']} label="多点执业机构" required rules={[zodRule(multiSite.institutionName)]}>
                <Input placeholder="请输入机构名称" maxLength={128} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[row, 'departmentName']} label="科室" rules={[zodRule(multiSite.departmentName)]}>
                <Input placeholder="请输入科室" maxLength={64} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </RowList>
      <Divider titlePlacement="start">教育经历</Divider>
      <RowList name="educations" title="教育经历" max={10}>
        {(row) => (
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name={[row, 'education']} label="学历" required rules={[zodRule(education.education)]}>
                <Select placeholder="请选择" options={listOptions(education.education.options)} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[row, 'school']} label="毕业院校" required rules={[zodRule(education.school)]}>
                <Input placeholder="请输入毕业院校" maxLength={128} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[row, 'major']} label="专业" required rules={[zodRule(education.major)]}>
                <Input placeholder="请输入专业" maxLength={64} />
              </Form.Item>
            </Col>
            <Period row={row} schema={education} />
          </Row>
        )}
      </RowList>
      <Divider titlePlacement="start">执业经历</Divider>
      <RowList name="careers" title="执业经历" max={20}>
        {(row) => (
          <Row gutter={24}>
            <Col {...half}>
              <Form.Item name={[row, 'institutionName']} label="机构名称" required rules={[zodRule(career.institutionName)]}>
                <Input placeholder="请输入机构名称" maxLength={128} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={[row, 'title']} label="职称" rules={[zodRule(career.title)]}>
                <Input placeholder="请输入职称" maxLength={32} />
              </Form.Item>
            </Col>
            <Period row={row} schema={career} />
          </Row>
        )}
      </RowList>
    </Form>
  );
}
