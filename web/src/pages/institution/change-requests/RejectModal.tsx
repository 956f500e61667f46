import { App, Form, Input, Modal } from 'antd';
import { CHANGE_REASON_MAX, changeRequestRejectBodySchema } from '../../../../../common/schemas/change-requests';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useReviewChangeRequest } from '../../../api/changeRequests';
import { zodRule } from '../../../lib/zodRule';

interface Props {
  /** The request being rejected; null keeps the modal closed. */
  target: { id: number; physicianName: string } | null;
  onClose: () => void;
}

/** 驳回 with a reason (required, at most 200 characters); the physician sees it and may ask again. */
export function RejectModal({ target, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewChangeRequest();

  const submit = ({ reason }: { reason: string }) => {
    if (!target) return;
    review.mutate(
      { id: target.id, decision: 'reject', reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success('已驳回');
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
    <Modal
      title={target ? `驳回 ${target.physicianName} 的修改申请` : '驳回修改申请'}
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认驳回"
      okButtonProps={{ danger: true, loading: review.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label="驳回理由" required rules={[zodRule(changeRequestRejectBodySchema.shape.reason)]}>
          <Input.TextArea rows={4} maxLength={CHANGE_REASON_MAX} showCount placeholder="请输入驳回理由，医师可据此修改后重新申请" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
