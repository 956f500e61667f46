import { Alert, App, Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { institutionGradeLabels, institutionLevelLabels, institutionTypeLabels } from '../../../../../common/enums';
import { regionWithin } from '../../../../../common/regions';
import {
  PHYSICIAN_SUM_MESSAGE,
  updateInstitutionProfileBodySchema,
  type InstitutionProfile,
  type UpdateInstitutionProfileBody,
} from '../../../../../common/schemas/institution';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useUpdateMyInstitution } from '../../../api/institutions';
import { RegionCascader } from '../../../components/region/RegionCascader';
import { labelOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';

const field = updateInstitutionProfileBodySchema.shape;
type Values = UpdateInstitutionProfileBody;

function initialValues(p: InstitutionProfile): Values {
  return {
    name: p.name,
    regionCode: p.regionCode,
    street: p.street ?? '',
    type: p.type,
    level: p.level,
    grade: p.grade,
    bedCount: p.bedCount,
    physicianTotal: p.physicianTotal,
    licensedPhysicianCount: p.licensedPhysicianCount,
    assistantPhysicianCount: p.assistantPhysicianCount,
    legalRepresentative: p.legalRepresentative ?? '',
    contactPerson: p.contactPerson ?? '',
    contactPhone: p.contactPhone ?? '',
    mobile: p.mobile ?? '',
  };
}

const counts = [
  ['bedCount', '核定床位数'],
  ['physicianTotal', '医师总数'],
  ['licensedPhysicianCount', '执业医师人数'],
  ['assistantPhysicianCount', '执业助理医师人数'],
] as const;

/** The 本机构信息 form: `*` required, checked by the API's own schema, 保存. */
export function ProfileForm({ profile }: { profile: InstitutionProfile }) {
  const [form] = Form.useForm<Values>();
  const save = useUpdateMyInstitution();
  const { message } = App.useApp();
  const { authority } = profile;

  const submit = (values: Values) => {
    save.mutate(values, {
      onSuccess: (saved) => {
        form.setFieldsValue(initialValues(saved));
        message.success('保存成功');
      },
      onError: (error) => {
        const fields = isApiRequestError(error) ? error.fields : {};
        const named = Object.keys(fields).filter((name) => name in field);
        if (named.length > 0) form.setFields(named.map((name) => ({ name: name as keyof Values, errors: [fields[name] ?? ''] })));
        else message.error(errorMessage(error));
      },
    });
  };

  const withinAuthority = {
    validator: async (_: unknown, code: string | undefined) => {
      if (code && !regionWithin(code, authority.regionCode)) throw new Error(`详细地址须在${authority.name}的管辖范围内`);
    },
  };
  const sumRule = ({ getFieldValue }: { getFieldValue: (name: keyof Values) => unknown }) => ({
    validator: async () => {
      const n = (name: keyof Values) => Number(getFieldValue(name) ?? 0);
      if (n('licensedPhysicianCount') + n('assistantPhysicianCount') > n('physicianTotal')) throw new Error(PHYSICIAN_SUM_MESSAGE);
    },
  });

  return (
    <>
      <Alert type="info" showIcon className="profile-tip" title="机构名称更新为最新名称，及时更新联系人；带*项目为必填项目" />
      <Form<Values>
        form={form}
        name="institutionProfile"
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={initialValues(profile)}
        onFinish={submit}
        autoComplete="off"
        className="profile-form"
      >
        <Form.Item name="name" label="机构名称" required rules={[zodRule(field.name)]}>
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item label="机构账号" required>
          <Input value={profile.account ?? ''} disabled aria-label="机构账号" />
        </Form.Item>
        <Form.Item label="详细地址" required>
          <Flex vertical gap={8}>
            <Form.Item name="regionCode" noStyle rules={[zodRule(field.regionCode), withinAuthority]}>
              <RegionCascader />
            </Form.Item>
            <Form.Item name="street" noStyle rules={[zodRule(field.street)]}>
              <Input placeholder="街道、门牌号" maxLength={200} aria-label="街道门牌" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="type" label="机构类型" required rules={[zodRule(field.type)]}>
          <Select options={labelOptions(institutionTypeLabels)} placeholder="请选择机构类型" />
        </Form.Item>
        <Form.Item name="level" label="机构级别" required rules={[zodRule(field.level)]}>
          <Select options={labelOptions(institutionLevelLabels)} placeholder="请选择机构级别" />
        </Form.Item>
        <Form.Item name="grade" label="机构等次" required rules={[zodRule(field.grade)]}>
          <Select options={labelOptions(institutionGradeLabels)} placeholder="请选择机构等次" />
        </Form.Item>
        {counts.map(([name, label]) => (
          <Form.Item
            key={name}
            name={name}
            label={label}
            dependencies={name === 'licensedPhysicianCount' ? ['physicianTotal', 'assistantPhysicianCount'] : undefined}
            rules={[zodRule(field[name]), ...(name === 'licensedPhysicianCount' ? [sumRule] : [])]}
          >
            <InputNumber min={0} precision={0} className="profile-number" />
          </Form.Item>
        ))}
        <Form.Item name="legalRepresentative" label="法人代表" required rules={[zodRule(field.legalRepresentative)]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="contactPerson" label="联系人" required rules={[zodRule(field.contactPerson)]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" rules={[zodRule(field.contactPhone)]} extra="固定电话如 0991-86660002，或手机号">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="mobile" label="手机号码" required rules={[zodRule(field.mobile)]}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
