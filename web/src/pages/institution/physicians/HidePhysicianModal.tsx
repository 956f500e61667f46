import { hidePhysicianBodySchema, type RosterItem } from '../../../../../common/schemas/physician';
import { useHidePhysician } from '../../../api/physicians';
import { ReasonModal } from '../../../components/roster/ReasonModal';

/** 隐藏 (seed 000 §6): the physician leaves the list to assess for 医师暂存 and cannot log in until 取消隐藏. */
export function HidePhysicianModal({ row, onClose, onDone }: { row: RosterItem | null; onClose: () => void; onDone: (id: number) => void }) {
  return (
    <ReasonModal
      row={row}
      onClose={onClose}
      title="隐藏"
      prompt="确定隐藏该医师吗？隐藏后该医师将清出应参考医师清单，且不能登录系统，可在【医师暂存】中取消隐藏。"
      label="隐藏原因"
      schema={hidePhysicianBodySchema.shape.reason}
      mutation={useHidePhysician()}
      done={(r) => {
        onDone(r.id);
        return `已隐藏${r.name}`;
      }}
    />
  );
}
