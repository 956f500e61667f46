import { Alert, Descriptions, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { verdictLabels, verdicts, type Evaluation, type Verdict } from '../../../../common/schemas/review';
import { formatDateTime } from '../assessor/dateTime';
import { Section } from './ConductSections';
import type { EvaluationValues } from './reviewForms';

const FAIL_NOTE = '工作成绩、职业道德任意一项被评定为不合格，医师本次考核结果为不合格。';
const items = [
  { verdict: 'workPerformance', reason: 'workPerformanceReason', label: '工作成绩' },
  { verdict: 'ethics', reason: 'ethicsReason', label: '职业道德' },
] as const;

/** The values the form starts from: the earlier evaluation (a registration the assessor returned), or none. */
export function evaluationInitialValues(evaluation: Evaluation | null): EvaluationValues {
  return evaluation
    ? { workPerformance: evaluation.workPerformance, workPerformanceReason: evaluation.workPerformanceReason, ethics: evaluation.ethics, ethicsReason: evaluation.ethicsReason }
    : {};
}

/** One item: 合格 / 不合格, and the 不合格 reason (required then). */
function VerdictItem({ item, form }: { item: (typeof items)[number]; form: FormInstance<EvaluationValues> }) {
  const verdict = Form.useWatch(item.verdict, form) as Verdict | undefined;
  const failed = verdict === 'failed';
  return (
    <div className="review-verdict">
      <Form.Item name={item.verdict} label={item.label} rules={[{ required: true, message: `请评定${item.label}` }]} className="review-verdict-choice">
        <Radio.Group
          options={verdicts.map((v) => ({ value: v, label: verdictLabels[v] }))}
          onChange={() => {
            // The reason's error belongs to 不合格 only.
            form.setFields([{ name: item.reason, errors: [] }]);
          }}
        />
      </Form.Item>
      <Form.Item
        name={item.reason}
        className="review-verdict-reason"
        dependencies={[item.verdict]}
        rules={[{ required: failed, whitespace: true, message: `请输入${item.label}不合格理由` }, { max: 200, message: `${item.label}不合格理由不能超过200个字符` }]}
      >
        <Input placeholder="请输入不合格理由" aria-label={`${item.label}不合格理由`} disabled={!failed} maxLength={200} allowClear />
      </Form.Item>
    </div>
  );
}

/** 医疗卫生机构评定意见, editable: the institution's 提交 sends it. */
export function EvaluationForm({ form, initial }: { form: FormInstance<EvaluationValues>; initial: Evaluation | null }) {
  return (
    <Section title="医疗卫生机构评定意见">
      <Form<EvaluationValues> form={form} name="evaluation" initialValues={evaluationInitialValues(initial)} labelCol={{ flex: '96px' }} className="review-evaluation">
        {items.map((item) => (
          <VerdictItem key={item.verdict} item={item} form={form} />
        ))}
      </Form>
      <Alert type="info" showIcon title={FAIL_NOTE} className="review-fail-note" />
    </Section>
  );
}

/** 医疗卫生机构评定意见 as the institution gave it (the assessor's view, and after the decision). */
export function EvaluationView({ evaluation }: { evaluation: Evaluation | null }) {
  return (
    <Section title="医疗卫生机构评定意见">
      {evaluation ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 200 } }}
          items={[
            ...items.map((item) => {
              const verdict = evaluation[item.verdict];
              const reason = evaluation[item.reason];
              return {
                key: item.verdict,
                label: item.label,
                children: (
                  <>
                    <Typography.Text type={verdict === 'failed' ? 'danger' : undefined}>{verdictLabels[verdict]}</Typography.Text>
                    {reason && <span className="review-reason">不合格理由：{reason}</span>}
                  </>
                ),
              };
            }),
            { key: 'at', label: '评定时间', children: formatDateTime(evaluation.evaluatedAt) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">医疗卫生机构尚未评定。</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" className="review-hint">
        {FAIL_NOTE}
      </Typography.Paragraph>
    </Section>
  );
}
