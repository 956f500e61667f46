import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import type { z } from 'zod';
import { REASON_MAX, type RosterItem } from '../../../../common/schemas/physician';
import { errorMessage, isApiRequestError } from '../../api/client';
import { zodRule } from '../../lib/zodRule';

interface Props {
  row: RosterItem | null;
  onClose: () => void;
  title: string;
  /** The question, e.g. 「确定将该医师退出考核周期吗？」 */
  prompt: string;
  /** The reason's label: 取消原因, 退回理由 … */
  label: string;
  schema: z.ZodType;
  mutation: UseMutationResult<unknown, Error, { id: number; reason: string }>;
  done: (row: RosterItem) => string;
}

/** A row action that needs a written reason (取消参加, 退回报名): the server's refusal is shown and closes it. */
export function ReasonModal({ row, onClose, title, prompt, label, schema, mutation, done }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();

  const submit = ({ reason }: { reason: string }) => {
    if (!row || mutation.isPending) return;
    mutation.mutate(
      { id: row.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(done(row));
          onClose();
        },
        onError: (error) => {
          const field = isApiRequestError(error) ? error.fields.reason : undefined;
          if (field) form.setFields([{ name: 'reason', errors: [field] }]);
          else {
            void message.error(errorMessage(error));
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal title={title} open={row !== null} onCancel={onClose} onOk={() => form.submit()} okText="确定" okButtonProps={{ loading: mutation.isPending }} destroyOnHidden>
      <Typography.Paragraph>
        {prompt}
        {row && `（${row.name}）`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label={label} required rules={[zodRule(schema)]}>
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder={`请输入${label}`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
