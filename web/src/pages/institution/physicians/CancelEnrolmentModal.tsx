import { cancelEnrolmentBodySchema, type RosterItem } from '../../../../../common/schemas/physician';
import { useCancelEnrolment } from '../../../api/physicians';
import { ReasonModal } from '../../../components/roster/ReasonModal';

/** 取消参加: 「确定将该医师退出考核周期吗？」 with a required 取消原因; refused by the server once the physician submitted. */
export function CancelEnrolmentModal({ row, onClose }: { row: RosterItem | null; onClose: () => void }) {
  return (
    <ReasonModal
      row={row}
      onClose={onClose}
      title="取消参加"
      prompt="确定将该医师退出考核周期吗？"
      label="取消原因"
      schema={cancelEnrolmentBodySchema.shape.reason}
      mutation={useCancelEnrolment()}
      done={(r) => `已将${r.name}退出本周期考核`}
    />
  );
}
