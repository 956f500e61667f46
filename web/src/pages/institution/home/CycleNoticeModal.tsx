import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import type { CycleSummary } from '../../../../../common/schemas/home';
import { errorMessage } from '../../../api/client';
import { useConfirmCycle } from '../../../api/institutionHome';
import { formatDateRange } from '../../../lib/format';

/**
 * 考核周期起止日期告知栏 (seed 002 §1.2): shown on the home page until the institution confirms the cycle with
 * 【去确认】 — once per cycle. It does not lock the rest of the page (no mask), so the menu and top bar stay usable.
 */
export function CycleNoticeModal({ cycle }: { cycle: CycleSummary }) {
  const { message } = App.useApp();
  const confirm = useConfirmCycle();
  return (
    <Modal
      open
      title="考核周期起止日期告知"
      closable={false}
      mask={false}
      keyboard={false}
      styles={{ wrapper: { pointerEvents: 'none' } }}
      footer={
        <Button
          type="primary"
          loading={confirm.isPending}
          onClick={() =>
            confirm.mutate(cycle.id, {
              onSuccess: () => message.success('已确认考核周期'),
              onError: (error) => message.error(errorMessage(error)),
            })
          }
        >
          去确认
        </Button>
      }
      className="cycle-notice-modal"
    >
      <p className="cycle-notice-lead">
        <CalendarOutlined /> 当前考核周期信息：{formatDateRange(cycle.startDate, cycle.endDate)}
      </p>
      <ul className="cycle-notice-windows">
        {cycle.windows.map((w) => (
          <li key={w.key}>
            <span>{w.label}</span>
            <span>{formatDateRange(w.start, w.end)}</span>
          </li>
        ))}
      </ul>
      <p className="cycle-notice-tip">请核对以上日期，并及时完善本机构信息和科室信息。</p>
    </Modal>
  );
}
