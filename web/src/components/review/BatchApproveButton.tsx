import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Tooltip, Typography } from 'antd';
import { BATCH_REVIEW_MAX, BATCH_REVIEW_WARNING, type ReviewItem } from '../../../../common/schemas/review';
import { errorMessage } from '../../api/client';
import { isStaleReview, useBatchApprove } from '../../api/reviews';
import { batchConfirmText } from './reviewForms';

interface Props {
  selected: ReviewItem[];
  /** Why the institution cannot decide now (no assessor assigned, window closed); the button is off. */
  blockMessage: string | null;
  /** After the request ended: the selection is cleared whatever happened (the list is asked again either way). */
  onDone: () => void;
}

/**
 * 批量审核 (seed 000 §7–8): the chosen registrations pass, 工作成绩 and 职业道德 合格, all or none; a confirm
 * naming how many, with the manual's warning.
 */
export function BatchApproveButton({ selected, blockMessage, onDone }: Props) {
  const { message, modal } = App.useApp();
  const batch = useBatchApprove();
  const tooMany = selected.length > BATCH_REVIEW_MAX;

  const confirm = () => {
    const items = selected.map((r) => ({ enrolmentId: r.enrolmentId, version: r.version }));
    modal.confirm({
      title: '批量审核',
      width: 460,
      content: (
        <Flex vertical gap={12}>
          <Typography.Text>{batchConfirmText(items.length)}</Typography.Text>
          <Alert type="warning" showIcon title={BATCH_REVIEW_WARNING} />
        </Flex>
      ),
      okText: '确定',
      cancelText: '取消',
      // Resolves either way (failures become a message), so the dialog closes when the request ends; while it
      // runs the OK button is loading, so a second click sends nothing.
      onOk: () =>
        batch.mutateAsync({ items }).then(
          ({ approved }) => {
            void message.success(`已审核通过 ${approved} 名医师，已提交考核机构复核`);
            onDone();
          },
          (error: unknown) => {
            void message.error(errorMessage(error));
            if (isStaleReview(error)) onDone();
          },
        ),
    });
  };

  const disabledReason = blockMessage ?? (tooMany ? `一次最多审核${BATCH_REVIEW_MAX}名医师` : selected.length === 0 ? '请先勾选医师' : null);
  return (
    <Tooltip title={disabledReason}>
      <Button type="primary" icon={<CheckCircleOutlined />} disabled={disabledReason !== null} onClick={confirm}>
        批量审核
      </Button>
    </Tooltip>
  );
}
