import { Alert, App, Button, Card, Checkbox, Divider, Form, InputNumber, Radio, type FormInstance } from 'antd';
import { initialPasswordRuleLabels } from '../../../../../common/enums';
import { paperKindLabels, procedureLabels, procedures } from '../../../../../common/papers';
import { POLICY_LIMITS, policyFieldsSchema, type Policy, type PolicyFields } from '../../../../../common/schemas/policy';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { usePolicy, useSavePolicy } from '../../../api/policy';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { labelOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';
import './policy.css';

const shape = policyFieldsSchema.shape;
const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const paperOptions = labelOptions(paperKindLabels);

type ItemName = Parameters<FormInstance<PolicyFields>['setFields']>[0][number]['name'];

/** `papersByProcedure.standard.0` → the form item ['papersByProcedure', 'standard']. */
function itemOf(field: string): ItemName {
  const parts = field.split('.');
  return (parts[0] === 'papersByProcedure' ? parts.slice(0, 2) : [parts[0]]) as ItemName;
}

function PolicyForm({ policy }: { policy: Policy }) {
  const [form] = Form.useForm<PolicyFields>();
  const { message } = App.useApp();
  const save = useSavePolicy();
  const { provinceCode: _p, updatedAt, canEdit, ...fields } = policy;
  const proctoring = Form.useWatch('proctoringEnabled', form) ?? fields.proctoringEnabled;

  const submit = (values: PolicyFields) =>
    save.mutate(
      { ...values, updatedAt },
      {
        onSuccess: () => message.success('考核政策已保存'),
        onError: (error) => {
          const named = isApiRequestError(error) ? Object.entries(error.fields) : [];
          if (named.length > 0) form.setFields(named.map(([field, text]) => ({ name: itemOf(field), errors: [text] })));
          else message.error(errorMessage(error));
        },
      },
    );

  return (
    <Form<PolicyFields>
      form={form}
      name="policy"
      className="policy-form"
      labelCol={{ flex: '180px' }}
      labelWrap
      initialValues={fields}
      disabled={!canEdit}
      onFinish={submit}
      requiredMark={canEdit}
    >
      <Divider titlePlacement="start" plain>
        账号安全
      </Divider>
      <Form.Item name="initialPasswordRule" label="初始密码规则" rules={[zodRule(shape.initialPasswordRule)]} extra="机构和医师账号首次登录时使用，登录后须修改">
        <Radio.Group options={labelOptions(initialPasswordRuleLabels)} />
      </Form.Item>
      <Form.Item name="lockoutMaxFailures" label="连续错误次数上限" rules={[zodRule(shape.lockoutMaxFailures)]} extra="密码连续输错达到此次数后锁定账号（3–10）">
        <InputNumber min={POLICY_LIMITS.lockoutMaxFailures.min} max={POLICY_LIMITS.lockoutMaxFailures.max} precision={0} suffix="次" />
      </Form.Item>
      <Form.Item name="lockoutMinutes" label="锁定时长（分钟）" rules={[zodRule(shape.lockoutMinutes)]} extra="5–1440；上级单位可随时解锁">
        <InputNumber min={POLICY_LIMITS.lockoutMinutes.min} max={POLICY_LIMITS.lockoutMinutes.max} precision={0} suffix="分钟" />
      </Form.Item>
      <Form.Item
        name="passwordChangeSmsRequired"
        label="修改密码须短信验证"
        rules={[zodRule(shape.passwordChangeSmsRequired)]}
        extra="开启后，已绑定手机号的账号修改密码时须输入发送到该手机的验证码"
      >
        <Radio.Group options={yesNo} />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        医师信息管理
      </Divider>
      <Form.Item
        name="institutionReturnEnabled"
        label="机构打回报名"
        rules={[zodRule(shape.institutionReturnEnabled)]}
        extra="开启后，医疗卫生机构可在审核前将医师已提交的报名信息打回医师本人修改（须填写打回原因）"
      >
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item
        name="physicianHidingEnabled"
        label="机构隐藏医师"
        rules={[zodRule(shape.physicianHidingEnabled)]}
        extra="开启后，医疗卫生机构可隐藏无法或无需参加本周期考核的医师（须填写原因），被隐藏的医师清出应参考医师清单且不能登录，可在【医师暂存】中取消隐藏"
      >
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item
        name="multiSiteEvaluationRequired"
        label="多点执业机构均须评价"
        rules={[zodRule(shape.multiSiteEvaluationRequired)]}
        extra="开启后，医师所有的多点执业机构均须在【医疗机构考核】中评价职业道德、工作业绩，全部评价且均为合格后医师方可参加考试"
      >
        <Radio.Group options={yesNo} />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        测评
      </Divider>
      <Form.Item name="retakeAllowed" label="是否允许补考" rules={[zodRule(shape.retakeAllowed)]} extra="不允许补考时，测评未通过即考核不合格">
        <Radio.Group options={yesNo} />
      </Form.Item>
      {procedures.map((procedure) => (
        <Form.Item
          key={procedure}
          name={['papersByProcedure', procedure]}
          label={`${procedureLabels[procedure]}测评试卷`}
          rules={[zodRule(shape.papersByProcedure.shape[procedure])]}
        >
          <Checkbox.Group options={paperOptions} />
        </Form.Item>
      ))}

      <Divider titlePlacement="start" plain>
        监考
      </Divider>
      <Form.Item name="proctoringEnabled" label="是否开启监考" rules={[zodRule(shape.proctoringEnabled)]} extra="开启后，测评时经医师同意抓拍人脸并与报名照片比对">
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item
        name="proctoringThreshold"
        label="人脸相似度阈值（%）"
        rules={[zodRule(shape.proctoringThreshold)]}
        extra="相似度低于此值的抓拍进入人工复核，不会直接判定测评不通过（建议 40）"
      >
        <InputNumber min={POLICY_LIMITS.proctoringThreshold.min} max={POLICY_LIMITS.proctoringThreshold.max} precision={0} suffix="%" disabled={!canEdit || !proctoring} />
      </Form.Item>
      <Form.Item name="proctoringSnapshots" label="考试中随机抓拍次数" rules={[zodRule(shape.proctoringSnapshots)]} extra="开始考试时抓拍一次，另在考试过程中随机抓拍此次数">
        <InputNumber min={POLICY_LIMITS.proctoringSnapshots.min} max={POLICY_LIMITS.proctoringSnapshots.max} precision={0} suffix="次" disabled={!canEdit || !proctoring} />
      </Form.Item>
      <Form.Item
        name="proctoringRetentionDays"
        label="监考照片保存天数"
        rules={[zodRule(shape.proctoringRetentionDays)]}
        extra="考核周期结束后保存的天数，到期自动删除（默认 180 天）"
      >
        <InputNumber min={POLICY_LIMITS.proctoringRetentionDays.min} max={POLICY_LIMITS.proctoringRetentionDays.max} precision={0} suffix="天" disabled={!canEdit} />
      </Form.Item>

      {canEdit && (
        <Form.Item className="policy-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}

/** 考核政策: what differs between provinces; the provincial authority edits, the others see it. */
export function PolicyPage() {
  const { data, isPending, isError, error, refetch } = usePolicy();
  if (isPending) return <PageSpin />;
  if (isError) return <LoadFailed message={errorMessage(error)} onRetry={() => void refetch()} />;
  return (
    <Card title="考核政策">
      {!data.canEdit && <Alert className="policy-readonly" type="info" showIcon title="考核政策由省级卫生行政部门设置，此处仅供查看" />}
      <PolicyForm key={data.updatedAt ?? 'default'} policy={data} />
    </Card>
  );
}
