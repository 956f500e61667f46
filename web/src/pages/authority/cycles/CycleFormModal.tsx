import { App, Col, DatePicker, Divider, Form, Input, Modal, Row, Switch, type FormRule } from 'antd';
import { RETAKE_WINDOW_LABEL, windowKeys, windowLabels } from '../../../../../common/enums';
import { cycleBodySchema, cycleDateProblems, type Cycle } from '../../../../../common/schemas/cycle';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useCreateCycle, useUpdateCycle } from '../../../api/cycles';
import { bodyOf, datesOf, formItemOf, itemErrors, rangeItems, valuesOf, type CycleFormValues, type RangeItem } from './cycleForm';

const rangeLabels: Record<RangeItem, string> = { period: '周期起止', ...windowLabels };

/** Required, then the shared order rules of 考核安排 (common/schemas/cycle.ts) for this picker. */
function rangeRules(item: RangeItem): FormRule[] {
  return [
    { required: true, message: `请选择${rangeLabels[item]}` },
    ({ getFieldsValue }) => ({
      validator: async () => {
        const dates = datesOf(getFieldsValue(rangeItems as RangeItem[]) as Partial<CycleFormValues>);
        const problem = dates && cycleDateProblems(dates).find((p) => formItemOf(p.field) === item);
        if (problem) throw new Error(problem.message);
      },
    }),
  ];
}

/** 补考时间 is optional; when chosen it must follow 测评考核 and stay inside the cycle. */
const retakeRules: FormRule[] = [
  ({ getFieldsValue }) => ({
    validator: async () => {
      const dates = datesOf(getFieldsValue([...rangeItems, 'retake']) as Partial<CycleFormValues>);
      const problem = dates && cycleDateProblems(dates).find((p) => formItemOf(p.field) === 'retake');
      if (problem) throw new Error(problem.message);
    },
  }),
];

const otherRanges = (item: RangeItem) => rangeItems.filter((other) => other !== item);

interface Props {
  /** The cycle to edit, or null for 新建考核周期. */
  cycle: Cycle | null;
  onClose: () => void;
}

/** 新建 / 编辑考核周期: name, 周期起止, the four windows of 考核安排, 设为当前周期. */
export function CycleFormModal({ cycle, onClose }: Props) {
  const [form] = Form.useForm<CycleFormValues>();
  const { message } = App.useApp();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const saving = create.isPending || update.isPending;

  const submit = (values: CycleFormValues) => {
    const body = bodyOf(values);
    const checked = cycleBodySchema.safeParse(body);
    if (!checked.success) {
      form.setFields(itemErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0]), i.message]))));
      return;
    }
    const options = {
      onSuccess: () => {
        message.success(cycle ? '考核周期已保存' : '考核周期已创建');
        onClose();
      },
      onError: (error: unknown) => {
        const fields = isApiRequestError(error) ? itemErrors(error.fields) : [];
        if (fields.length > 0) form.setFields(fields);
        else message.error(errorMessage(error));
      },
    };
    if (cycle) update.mutate({ id: cycle.id, body: { ...body, updatedAt: cycle.updatedAt } }, options);
    else create.mutate(body, options);
  };

  const rangeItem = (item: RangeItem) => (
    <Form.Item name={item} label={rangeLabels[item]} rules={rangeRules(item)} dependencies={otherRanges(item)}>
      <DatePicker.RangePicker className="cycle-range" placeholder={['开始日期', '结束日期']} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={cycle ? '编辑考核周期' : '新建考核周期'}
      width={760}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Form<CycleFormValues>
        form={form}
        name="cycle"
        layout="vertical"
        requiredMark
        initialValues={cycle ? valuesOf(cycle) : { name: '', isCurrent: false }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请输入名称' },
                { max: 64, message: '名称不能超过64个字符' },
              ]}
            >
              <Input placeholder="例如：2024-2026年度" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {rangeItem('period')}
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          考核安排
        </Divider>
        <Row gutter={16}>
          {windowKeys.map((key) => (
            <Col key={key} xs={24} md={12}>
              {rangeItem(key)}
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item name="retake" label={`${RETAKE_WINDOW_LABEL}（可不设）`} rules={retakeRules} dependencies={['test', 'period']} extra="测评考核结束后，经允许补考的医师在此时间内参加补考">
              <DatePicker.RangePicker className="cycle-range" placeholder={['开始日期', '结束日期']} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="isCurrent"
          label="设为当前周期"
          valuePropName="checked"
          extra="每个省份只有一个当前周期；设为当前周期后，原当前周期自动取消。"
        >
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
