import { App, Form, Input, Modal } from 'antd';
import { REJECT_REASON_MAX, rejectBodySchema } from '../../../../../common/schemas/assessor';
import { useReviewApplication } from '../../../api/assessors';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { zodRule } from '../../../lib/zodRule';

interface Props {
  id: number;
  open: boolean;
  onClose: () => void;
}

/** 驳回 with a reason (required, at most 200 characters); the institution sees it and may apply again. */
export function RejectModal({ id, open, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewApplication();

  const submit = ({ reason }: { reason: string }) =>
    review.mutate(
      { id, decision: 'reject', reason: reason.trim() },
      {
        onSuccess: () => {
          message.success('已驳回');
          form.resetFields();
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

  return (
    <Modal title="驳回申请" open={open} onCancel={onClose} onOk={() => form.submit()} okText="确认驳回" okButtonProps={{ danger: true, loading: review.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="驳回理由" required rules={[zodRule(rejectBodySchema.shape.reason)]}>
          <Input.TextArea rows={4} maxLength={REJECT_REASON_MAX} showCount placeholder="请输入驳回理由，机构可据此修改后重新申请" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
