import { TeamOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import type { RosterSearch } from '../../../components/roster/rosterFilters';
import { errorMessage } from '../../../api/client';
import { useEnrol } from '../../../api/physicians';

interface Props {
  /** The chosen rows; none means every row the filter matches. */
  selectedIds: number[];
  /** How many rows of 未确认参加 the current filter matches. */
  total: number;
  search: RosterSearch;
  disabled: boolean;
  onDone: () => void;
}

/** 批量参加: the chosen physicians, or (none chosen) everyone the filter finds in 未确认参加, after a confirm naming how many. */
export function BatchEnrolButton({ selectedIds, total, search, disabled, onDone }: Props) {
  const { message, modal } = App.useApp();
  const enrol = useEnrol();

  const confirm = () => {
    const chosen = selectedIds.length > 0;
    const count = chosen ? selectedIds.length : total;
    const dialog = modal.confirm({
      title: '批量参加',
      content: chosen ? `确定将选中的${count}名医师纳入本周期考核吗？` : `确定将筛选出的全部${count}名医师纳入本周期考核吗？`,
      okText: '确定',
      cancelText: '取消',
      // Resolves either way (failures become a message), so the dialog closes when the request ends; until
      // then it says what is being done (tens of thousands take a few seconds) and cannot be cancelled.
      onOk: () => {
        dialog.update({ content: `正在处理${count}名医师，请稍候…`, cancelButtonProps: { disabled: true } });
        return enrol.mutateAsync(chosen ? { physicianIds: selectedIds } : { filters: { ...search, tab: 'unconfirmed' } }).then(
          ({ enrolled }) => {
            void message.success(`已将${enrolled}名医师纳入本周期考核`);
            onDone();
          },
          (error: unknown) => void message.error(errorMessage(error)),
        );
      },
    });
  };

  return (
    <Button type="primary" icon={<TeamOutlined />} disabled={disabled || total === 0} onClick={confirm}>
      批量参加
    </Button>
  );
}
