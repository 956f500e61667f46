import { returnRegistrationBodySchema, type RosterItem } from '../../../../../common/schemas/physician';
import { useReturnRegistration } from '../../../api/physicians';
import { ReasonModal } from '../../../components/roster/ReasonModal';

/** 退回报名: a submitted registration goes back to the physician (「待报名(被行政机构驳回)」) with the reason. */
export function ReturnRegistrationModal({ row, onClose }: { row: RosterItem | null; onClose: () => void }) {
  return (
    <ReasonModal
      row={row}
      onClose={onClose}
      title="退回报名"
      prompt="确定将该医师已提交的报名信息退回医师本人修改吗？"
      label="退回理由"
      schema={returnRegistrationBodySchema.shape.reason}
      mutation={useReturnRegistration()}
      done={(r) => `已将${r.name}的报名信息退回`}
    />
  );
}
