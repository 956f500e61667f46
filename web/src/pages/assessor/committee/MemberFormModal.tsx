import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import {
  committeeBodyLabels,
  committeeMemberFieldsSchema,
  committeeRoleLabels,
  type CommitteeBody,
  type CommitteeMember,
  type CommitteeMemberFields,
} from '../../../../../common/schemas/assessor';
import { useSaveCommitteeMember } from '../../../api/assessors';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { zodRule } from '../../../lib/zodRule';

const shape = committeeMemberFieldsSchema.shape;
const fieldNames = ['name', 'title', 'position', 'committeeRole', 'phone'] as const;

interface Props {
  body: CommitteeBody;
  /** The member to edit, 'new' to add one, null when closed. */
  member: CommitteeMember | 'new' | null;
  onClose: () => void;
}

/** 添加成员 / 编辑: 姓名*, 职称, 职务, 委员会职务, 联系电话 (手机号码 or 固定电话). */
export function MemberFormModal({ body, member, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitteeMemberFields>();
  const save = useSaveCommitteeMember();
  const editing = member !== null && member !== 'new' ? member : null;

  useEffect(() => {
    if (member === null) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ name: editing.name, title: editing.title ?? '', position: editing.position ?? '', committeeRole: editing.committeeRole ?? '', phone: editing.phone ?? '' });
  }, [member, editing, form]);

  const submit = (values: CommitteeMemberFields) =>
    save.mutate(
      { id: editing?.id, body, fields: values },
      {
        onSuccess: () => {
          message.success(editing ? '已保存' : '已添加');
          onClose();
        },
        onError: (error) => {
          const fields = isApiRequestError(error) ? error.fields : {};
          const known = fieldNames.filter((n) => fields[n]);
          if (known.length) form.setFields(known.map((n) => ({ name: n, errors: [fields[n] ?? ''] })));
          else message.error(errorMessage(error));
        },
      },
    );

  return (
    <Modal
      title={`${editing ? '编辑' : '添加'}${committeeBodyLabels[body]}成员`}
      open={member !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label="姓名" required rules={[zodRule(shape.name)]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="title" label="职称" rules={[zodRule(shape.title)]}>
          <Input maxLength={32} placeholder="如：主任医师" />
        </Form.Item>
        <Form.Item name="position" label="职务" rules={[zodRule(shape.position)]}>
          <Input maxLength={64} placeholder="如：副院长" />
        </Form.Item>
        <Form.Item name="committeeRole" label={committeeRoleLabels[body]} rules={[zodRule(shape.committeeRole)]}>
          <Input maxLength={32} placeholder={body === 'committee' ? '如：主任委员、副主任委员、委员' : '如：主任、成员'} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[zodRule(shape.phone)]}>
          <Input maxLength={20} placeholder="手机号码或带区号的固定电话" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
