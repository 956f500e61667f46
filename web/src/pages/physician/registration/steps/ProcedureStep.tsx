import { Alert, Divider, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import {
  STATEMENT_MAX,
  exemptedPaperLabel,
  exemptionStatusLabels,
  procedureLabels,
  procedureStepSchema,
  simplifiedReasonLabels,
  type Procedure,
  type SimplifiedReason,
} from '../../../../../../common/schemas/registration';
import { labelOptions } from '../../../../lib/options';
import { zodRule } from '../../../../lib/zodRule';
import { SlotFiles } from '../SlotFiles';
import { SimplifiedCheckAlert } from './SimplifiedCheckAlert';
import type { StepProps } from './types';

const field = procedureStepSchema.shape;
const TEXT_MAX = 500;
const exemptionOptions = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/**
 * 5 考核程序: 一般程序 or 简易程序 (申请理由, 申请材料, 个人述职 ≤ 2000字, checked against the data), and 申请免考
 * (理由, 材料; which paper it exempts depends on the procedure).
 */
export function ProcedureStep({ form, initialValues, registration, outerErrors, onOuterChange, conductForm }: StepProps & { conductForm: FormInstance }) {
  const procedure = (Form.useWatch('procedure', form) as Procedure | undefined) ?? 'standard';
  const reason = (Form.useWatch('simplifiedReason', form) as SimplifiedReason | undefined) ?? null;
  const exemption = Form.useWatch('exemptionRequested', form) as boolean | undefined;

  return (
    <Form form={form} initialValues={initialValues} layout="vertical" name="procedure" className="registration-form" scrollToFirstError>
      <Form.Item name="procedure" label="考核程序" required rules={[zodRule(field.procedure)]} extra="如符合简易程序条件，可选择简易程序并据实填写；不符合的请选择一般程序。">
        <Radio.Group options={labelOptions(procedureLabels)} aria-label="考核程序" />
      </Form.Item>
      {procedure === 'simplified' && (
        <>
          <Form.Item name="simplifiedReason" label="简易程序申请理由" required rules={[{ required: true, message: '请选择简易程序申请理由' }]}>
            <Radio.Group options={labelOptions(simplifiedReasonLabels)} className="registration-radio-column" aria-label="简易程序申请理由" />
          </Form.Item>
          <SimplifiedCheckAlert registration={registration} reason={reason} conductForm={conductForm} />
          <SlotFiles slot="simplifiedMaterial" required registration={registration} error={outerErrors.simplifiedMaterial} onChanged={() => onOuterChange('simplifiedMaterial')} />
          <Form.Item
            name="statement"
            label="个人述职"
            required
            rules={[{ required: true, whitespace: true, message: '请填写个人述职' }, zodRule(field.statement)]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={STATEMENT_MAX} showCount placeholder={`依据自己的情况据实填写，字数不得超过${STATEMENT_MAX}字`} />
          </Form.Item>
        </>
      )}
      <Divider titlePlacement="start">免考</Divider>
      {registration.exemptionStatus !== 'none' && (
        <Typography.Paragraph>免考状态：{exemptionStatusLabels[registration.exemptionStatus]}</Typography.Paragraph>
      )}
      <Form.Item name="exemptionRequested" label="申请免考" required rules={[zodRule(field.exemptionRequested)]}>
        <Radio.Group options={exemptionOptions} aria-label="申请免考" />
      </Form.Item>
      <Alert type="info" showIcon className="registration-alert" title={`按${procedureLabels[procedure]}，申请免考通过后可免于${exemptedPaperLabel[procedure]}`} />
      {exemption && (
        <>
          <Form.Item name="exemptionReason" label="免考理由" required rules={[{ required: true, whitespace: true, message: '请填写免考理由' }, zodRule(field.exemptionReason)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={TEXT_MAX} showCount placeholder="请输入免考理由" />
          </Form.Item>
          <SlotFiles slot="exemptionMaterial" required registration={registration} error={outerErrors.exemptionMaterial} onChanged={() => onOuterChange('exemptionMaterial')} />
        </>
      )}
    </Form>
  );
}
