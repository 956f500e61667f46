import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { transferReasonLabels } from '../../../../../common/physician-catalogs';
import { REASON_MAX, transferOutBodySchema, type RosterItem, type TransferOutBody } from '../../../../../common/schemas/physician';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useTransferOut } from '../../../api/physicians';
import { labelOptions } from '../../../lib/options';
import { zodRule } from '../../../lib/zodRule';

const field = transferOutBodySchema.shape;

/** 调离: 调离原因 (离职 / 退休 / 变更外省 / 其他) and 具体理由; the new institution can then 调入 the physician. */
export function TransferOutModal({ row, onClose, onDone }: { row: RosterItem | null; onClose: () => void; onDone: (id: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferOutBody>();
  const transferOut = useTransferOut();

  const submit = (values: TransferOutBody) => {
    if (!row) return;
    transferOut.mutate(
      { id: row.id, body: { reason: values.reason, detail: values.detail.trim() } },
      {
        onSuccess: () => {
          message.success(`已将${row.name}调离本机构`);
          onDone(row.id);
          onClose();
        },
        onError: (error) => {
          const fields = isApiRequestError(error) ? error.fields : {};
          const named = (['reason', 'detail'] as const).filter((name) => fields[name]);
          if (named.length > 0) form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
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
      title="调离医师"
      open={row !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: transferOut.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph>选择调离原因，并填写调离具体理由{row && `（${row.name}）`}。调离后该医师不再属于本机构，新单位可在【调入医师】中调入。</Typography.Paragraph>
      <Form<TransferOutBody> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label="调离原因" required rules={[zodRule(field.reason)]}>
          <Select placeholder="请选择调离原因" options={labelOptions(transferReasonLabels)} />
        </Form.Item>
        <Form.Item name="detail" label="具体理由" required rules={[zodRule(field.detail)]}>
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder="如：已于2024年9月13日辞职" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
