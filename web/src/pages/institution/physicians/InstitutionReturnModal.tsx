import { institutionReturnBodySchema, type RosterItem } from '../../../../../common/schemas/physician';
import { useInstitutionReturn } from '../../../api/physicians';
import { ReasonModal } from '../../../components/roster/ReasonModal';

/** 打回报名 (seed 000 §6): a registration not yet reviewed goes back to the physician (「待报名(被机构驳回)」) with the reason. */
export function InstitutionReturnModal({ row, onClose }: { row: RosterItem | null; onClose: () => void }) {
  return (
    <ReasonModal
      row={row}
      onClose={onClose}
      title="打回报名"
      prompt="确定将该医师已提交的报名信息打回医师本人修改吗？医师将在站内消息中看到打回原因。"
      label="打回原因"
      schema={institutionReturnBodySchema.shape.reason}
      mutation={useInstitutionReturn()}
      done={(r) => `已将${r.name}的报名信息打回`}
    />
  );
}
