import { App, Form, Input, Modal, Typography } from 'antd';
import { REASON_MAX, cancelEnrolmentBodySchema, type RosterItem } from '../../../../../common/schemas/physician';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useCancelEnrolment } from '../../../api/physicians';
import { zodRule } from '../../../lib/zodRule';

/** 取消参加: 「确定将该医师退出考核周期吗？」 with a required 取消原因; refused by the server once the physician submitted. */
export function CancelEnrolmentModal({ row, onClose }: { row: RosterItem | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelEnrolment();

  const submit = ({ reason }: { reason: string }) => {
    if (!row) return;
    cancel.mutate(
      { id: row.id, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(`已将${row.name}退出本周期考核`);
          onClose();
        },
        onError: (error) => {
          const field = isApiRequestError(error) ? error.fields.reason : undefined;
          if (field) form.setFields([{ name: 'reason', errors: [field] }]);
          else {
            message.error(errorMessage(error));
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal
      title="取消参加"
      open={row !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: cancel.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph>确定将该医师退出考核周期吗？{row && `（${row.name}）`}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label="取消原因" required rules={[zodRule(cancelEnrolmentBodySchema.shape.reason)]}>
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder="请输入取消原因" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
