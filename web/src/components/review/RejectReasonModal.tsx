import { Form, Input, Modal, Typography } from 'antd';
import { rejectBodySchema } from '../../../../common/schemas/review';
import { useInFlight } from '../../lib/useInFlight';
import { zodRule } from '../../lib/zodRule';

interface Props {
  open: boolean;
  title: string;
  /** Who reads the reason and what happens next. */
  prompt: string;
  pending: boolean;
  /** Sends the reason; resolves when the request has ended (the page tells how it went). */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** 驳回 with a reason (required, at most 200 characters). */
export function RejectReasonModal({ open, title, prompt, pending, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const once = useInFlight();
  return (
    <Modal title={title} open={open} onCancel={onClose} onOk={() => form.submit()} okText="确认驳回" okButtonProps={{ danger: true, loading: pending }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{prompt}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={({ reason }) => void once(() => onSubmit(reason.trim()))}>
        <Form.Item name="reason" label="驳回理由" required rules={[zodRule(rejectBodySchema.shape.reason)]}>
          <Input.TextArea rows={4} maxLength={200} showCount placeholder="请输入驳回理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
