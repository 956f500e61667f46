import { Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { STATEMENT_MAX, conductStepSchema, workloadLabels } from '../../../../../../common/schemas/registration';
import { zodRule } from '../../../../lib/zodRule';
import { dateRule, notFuture, yesNoOptions } from '../registrationForm';
import { RowList } from './RowList';
import { half, type StepProps } from './types';

const field = conductStepSchema.shape;
const badRecord = field.badRecords.element.shape;
const TEXT_MAX = 500;

/**
 * 4 工作成绩、职业道德: 良好执业行为记录 有/无 (表彰奖励, 指令性任务, 科研成果), 不良执业行为记录 有/无 (rows),
 * the 工作量 the 科室 asks for, and the 职业道德 self-assessment.
 */
export function ConductStep({ form, initialValues, registration }: StepProps) {
  const hasGoodRecord = Form.useWatch('hasGoodRecord', form) as boolean | undefined;
  const hasBadRecord = Form.useWatch('hasBadRecord', form) as boolean | undefined;

  return (
    <Form form={form} initialValues={initialValues} layout="vertical" name="conduct" className="registration-form" scrollToFirstError>
      <Divider titlePlacement="start">执业行为记录</Divider>
      <Form.Item name="hasGoodRecord" label="良好执业行为记录" required rules={[zodRule(field.hasGoodRecord)]}>
        <Radio.Group options={yesNoOptions} aria-label="良好执业行为记录" />
      </Form.Item>
      {hasGoodRecord && (
        <>
          <Typography.Paragraph type="secondary" className="registration-hint">
            有良好执业行为记录时，请至少填写以下一项。
          </Typography.Paragraph>
          <Form.Item name="awards" label="受到的表彰、奖励" rules={[zodRule(field.awards)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TEXT_MAX} showCount />
          </Form.Item>
          <Form.Item name="tasks" label="完成的政府指令性任务" rules={[zodRule(field.tasks)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TEXT_MAX} showCount />
          </Form.Item>
          <Form.Item name="research" label="取得的科研成果" rules={[zodRule(field.research)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={TEXT_MAX} showCount />
          </Form.Item>
        </>
      )}
      <Form.Item name="hasBadRecord" label="不良执业行为记录" required rules={[zodRule(field.hasBadRecord)]}>
        <Radio.Group options={yesNoOptions} aria-label="不良执业行为记录" />
      </Form.Item>
      {hasBadRecord && (
        <RowList name="badRecords" title="不良执业行为记录" max={20}>
          {(row) => (
            <Row gutter={24}>
              <Col {...half}>
                <Form.Item name={[row, 'institutionName']} label="医疗卫生机构" required rules={[zodRule(badRecord.institutionName)]}>
                  <Input placeholder="请输入医疗卫生机构" maxLength={128} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name={[row, 'closedOn']} label="结案时间" required rules={[dateRule(badRecord.closedOn)]}>
                  <DatePicker placeholder="请选择" className="registration-date" disabledDate={notFuture} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name={[row, 'outcome']} label="处理结果" required rules={[zodRule(badRecord.outcome)]}>
                  <Input placeholder="请输入处理结果" maxLength={200} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name={[row, 'cause']} label="处罚事由" required rules={[zodRule(badRecord.cause)]}>
                  <Input placeholder="请输入处罚事由" maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </RowList>
      )}
      <Divider titlePlacement="start">工作成绩</Divider>
      <Typography.Paragraph type="secondary" className="registration-hint">
        请填写本考核周期内的工作量，需填写的项目由所在科室决定。
      </Typography.Paragraph>
      <Row gutter={24}>
        {registration.workloadKinds.map((kind) => (
          <Col key={kind} {...half}>
            <Form.Item name={['workload', kind]} label={workloadLabels[kind]} required={kind === 'visits'} rules={kind === 'visits' ? [{ required: true, message: '请填写接诊人次' }] : []}>
              <InputNumber min={0} precision={0} max={10_000_000} className="registration-number" placeholder="请输入" inputMode="numeric" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="start">职业道德</Divider>
      <Form.Item name="ethicsSelfAssessment" label="职业道德自我评价" required rules={[zodRule(field.ethicsSelfAssessment)]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={STATEMENT_MAX} showCount placeholder="请据实填写职业道德自我评价" />
      </Form.Item>
    </Form>
  );
}
