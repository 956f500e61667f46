import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Typography, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { physicianLevelLabels } from '../../../../../common/enums';
import { educations, positions, titles } from '../../../../../common/physician-catalogs';
import {
  CHANGE_REASON_MAX,
  NOTHING_TO_CHANGE,
  changeFieldLabels,
  changeRequestBodySchema,
  changeValuesSchema,
  type ChangeField,
  type MyChangeRequests,
} from '../../../../../common/schemas/change-requests';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useSubmitChangeRequest } from '../../../api/changeRequests';
import { useDepartmentOptions } from '../../../api/departments';
import { labelOptions, listOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';
import { changesOf, formFieldOf, initialValuesOf, type FormValues } from './changeRequestForm';
import { useInFlight } from '../../../lib/useInFlight';
import { PracticeScopeSelect } from '../../../components/physician/PracticeScopeSelect';

const field = changeValuesSchema.shape;
const half = { xs: 24, md: 12 };
const notFuture = (date: dayjs.Dayjs) => date.isAfter(dayjs(), 'day');

/** A new 科室 needs a 从事专业 among its 诊疗科目 (the old one is cleared when the 科室 changes). */
const specialtyRule =
  (recordedDepartmentId: number | null): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (getFieldValue('departmentId') !== recordedDepartmentId && !value) throw new Error('请选择新科室关联的从事专业');
    },
  });

/**
 * The record as it is now, to edit in place: 科室 (the institution's enabled ones), 从事专业 (the 科室's 诊疗科目),
 * 职称, 职务, 医师级别, 执业范围 (of the physician's 执业类别), 学历, 手机号码, 电子邮箱, and 申请理由.
 */
export function ChangeRequestForm({ data }: { data: MyChangeRequests }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmitChangeRequest();
  const once = useInFlight();
  const departments = useDepartmentOptions();
  const values = Form.useWatch([], form) as FormValues | undefined;
  const departmentId = Form.useWatch('departmentId', form) as number | undefined;
  const { current } = data;

  const options: { value: number; label: string; disabled?: boolean }[] = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  // A 科室 disabled since it was recorded is still shown, but cannot be chosen again.
  if (departments.isSuccess && current.departmentId && !options.some((o) => o.value === current.departmentId)) {
    options.unshift({ value: current.departmentId, label: `${current.departmentName ?? '原科室'}（已停用）`, disabled: true });
  }
  const subjects = departments.data?.find((d) => d.id === departmentId)?.clinicalSubjects ?? [];
  const changed = values ? (Object.keys(changesOf(values, current)) as ChangeField[]) : [];
  const disabled = !data.canRequest;

  const onFinish = (v: FormValues) =>
    void once(async () => {
      const changes = changesOf(v, current);
      if (Object.keys(changes).length === 0) {
        void message.warning(NOTHING_TO_CHANGE);
        return;
      }
      try {
        await submit.mutateAsync({ changes, reason: v.reason?.trim() ?? '' });
        void message.success('修改申请已提交，请等待本机构审核');
        form.resetFields();
      } catch (error) {
        const fields = isApiRequestError(error) ? Object.entries(error.fields) : [];
        const known = fields.filter(([key]) => key === 'reason' || key.startsWith('changes.'));
        if (known.length) form.setFields(known.map(([key, text]) => ({ name: formFieldOf(key) as keyof FormValues, errors: [text] })));
        else void message.error(errorMessage(error));
      }
    });

  return (
    <Form
      form={form}
      layout="vertical"
      name="change-request"
      className="change-request-form"
      initialValues={initialValuesOf(current)}
      disabled={disabled}
      scrollToFirstError
      onFinish={onFinish}
      onValuesChange={(changedValues: FormValues) => {
        if ('departmentId' in changedValues) form.setFieldValue('specialty', undefined);
      }}
    >
      {disabled && data.blockedReason && <Alert type="warning" showIcon title={data.blockedReason} className="change-request-alert" />}
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item name="departmentId" label={changeFieldLabels.departmentId} rules={[zodRule(field.departmentId)]}>
            <Select placeholder="请选择" loading={departments.isPending} showSearch={{ optionFilterProp: 'label' }} options={options} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="specialty" label={changeFieldLabels.specialty} dependencies={['departmentId']} rules={[zodRule(field.specialty), specialtyRule(current.departmentId)]}>
            <Select
              placeholder={departmentId ? '请选择' : '请先选择科室'}
              disabled={disabled || !departmentId}
              showSearch={{ optionFilterProp: 'label' }}
              options={subjects.map((s) => ({ value: s.code, label: s.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="title" label={changeFieldLabels.title} rules={[zodRule(field.title)]}>
            <Select placeholder="请选择" options={listOptions(titles)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="titleDate" label={changeFieldLabels.titleDate}>
            <DatePicker placeholder="请选择" className="change-request-date" disabledDate={notFuture} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="position" label={changeFieldLabels.position} rules={[zodRule(field.position)]}>
            <Select placeholder="请选择" options={listOptions(positions)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="positionDate" label={changeFieldLabels.positionDate}>
            <DatePicker placeholder="请选择" className="change-request-date" disabledDate={notFuture} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="physicianLevel" label={changeFieldLabels.physicianLevel} rules={[zodRule(field.physicianLevel)]}>
            <Select placeholder="请选择" options={labelOptions(physicianLevelLabels)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="practiceScope" label={changeFieldLabels.practiceScope} rules={[zodRule(field.practiceScope)]}>
            <PracticeScopeSelect category={data.practiceCategory} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="education" label={changeFieldLabels.education} rules={[zodRule(field.education)]}>
            <Select placeholder="请选择" options={listOptions(educations)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mobile" label={changeFieldLabels.mobile} rules={[zodRule(field.mobile)]}>
            <Input placeholder="请输入" inputMode="numeric" maxLength={11} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="email" label={changeFieldLabels.email} rules={[zodRule(field.email)]}>
            <Input placeholder="请输入" inputMode="email" maxLength={128} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label="申请理由" required rules={[zodRule(changeRequestBodySchema.shape.reason)]}>
            <Input.TextArea rows={3} maxLength={CHANGE_REASON_MAX} showCount placeholder="请说明修改原因，如：已调至外科工作" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" className="change-request-summary" aria-live="polite">
        {changed.length ? `本次修改：${changed.map((f) => changeFieldLabels[f]).join('、')}` : '请在上方修改需要变更的信息'}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={submit.isPending} className="change-request-submit">
        提交申请
      </Button>
    </Form>
  );
}
