import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { institutionGradeLabels, institutionLevelLabels, institutionTypeLabels } from '../../../../../common/enums';
import { initialPasswordText } from '../../../../../common/password';
import { createInstitutionBodySchema, type CreateInstitutionBody } from '../../../../../common/schemas/institution';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useCreateInstitution } from '../../../api/institutions';
import { useCurrentUser } from '../../../auth/currentUser';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';
import { labelOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';

const field = createInstitutionBodySchema.shape;

interface Props {
  open: boolean;
  /** The actor's region: the new institution's 区划 must lie inside it. */
  rootCode: string;
  onClose: () => void;
}

/** 新增机构: the account starts with the province's initial password. */
export function CreateInstitutionModal({ open, rootCode, onClose }: Props) {
  const [form] = Form.useForm<CreateInstitutionBody>();
  const create = useCreateInstitution();
  const { message } = App.useApp();
  const initial = initialPasswordText(useCurrentUser().initialPasswordRule, 'organization');

  const submit = (values: CreateInstitutionBody) => {
    create.mutate(values, {
      onSuccess: (created) => {
        message.success(`已新增机构「${created.name}」，${initial}`);
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        const fields = isApiRequestError(error) ? error.fields : {};
        const named = Object.keys(fields).filter((name) => name in field);
        if (named.length > 0) form.setFields(named.map((name) => ({ name: name as keyof CreateInstitutionBody, errors: [fields[name] ?? ''] })));
        else message.error(errorMessage(error));
      },
    });
  };

  return (
    <Modal
      title="新增机构"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Alert type="info" showIcon className="institution-modal-tip" title={`新机构账号使用本省初始密码登录（${initial}），首次登录须修改密码。`} />
      <Form<CreateInstitutionBody> form={form} name="createInstitution" layout="horizontal" labelCol={{ flex: '96px' }} onFinish={submit} autoComplete="off" preserve={false}>
        <Form.Item name="name" label="机构名称" required rules={[zodRule(field.name)]}>
          <Input placeholder="请输入机构名称" maxLength={128} />
        </Form.Item>
        <Form.Item name="account" label="机构账号" required rules={[zodRule(field.account)]} extra="4–32位字母、数字或下划线，不区分大小写">
          <Input placeholder="请输入机构账号" maxLength={32} />
        </Form.Item>
        <Form.Item name="regionCode" label="区划" required rules={[zodRule(field.regionCode)]}>
          <RegionTreeSelect rootCode={rootCode} placeholder="请选择区划" allowClear={false} />
        </Form.Item>
        <Form.Item name="type" label="机构类型" required rules={[zodRule(field.type)]}>
          <Select placeholder="请选择机构类型" options={labelOptions(institutionTypeLabels)} />
        </Form.Item>
        <Form.Item name="level" label="机构级别" required rules={[zodRule(field.level)]}>
          <Select placeholder="请选择机构级别" options={labelOptions(institutionLevelLabels)} />
        </Form.Item>
        <Form.Item name="grade" label="机构等次" required rules={[zodRule(field.grade)]}>
          <Select placeholder="请选择机构等次" options={labelOptions(institutionGradeLabels)} />
        </Form.Item>
        <Form.Item name="contactPerson" label="联系人" rules={[zodRule(field.contactPerson)]}>
          <Input placeholder="请输入联系人" maxLength={64} />
        </Form.Item>
        <Form.Item name="mobile" label="手机号码" rules={[zodRule(field.mobile)]}>
          <Input placeholder="请输入11位手机号" maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
