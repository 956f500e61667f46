import { Card, Empty, Timeline, Typography } from 'antd';
import { enrolmentStatusLabels } from '../../../../../common/enums';
import type { PhysicianTask } from '../../../../../common/schemas/registration';
import { formatDateTime } from '../../../components/assessor/dateTime';

type Entry = PhysicianTask['timeline'][number];

const RETURNED = new Set(['RETURNED_BY_INSTITUTION', 'RETURNED_BY_AUTHORITY', 'RETURNED_BY_ASSESSOR']);

function colorOf(entry: Entry): string {
  if (entry.status && RETURNED.has(entry.status)) return 'red';
  if (entry.status === 'COMPLETED') return 'green';
  return 'blue';
}

/** 办理记录: every transition of this cycle's enrolment, with each 驳回 reason, oldest first. */
export function TaskTimeline({ entries }: { entries: Entry[] }) {
  return (
    <Card title="办理记录">
      {entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          className="task-timeline"
          items={entries.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: colorOf(entry),
            content: (
              <div className="task-timeline-entry">
                <div className="task-timeline-time">{formatDateTime(entry.at)}</div>
                <Typography.Text strong>{entry.label}</Typography.Text>
                {entry.status && <Typography.Text type="secondary">（{enrolmentStatusLabels[entry.status]}）</Typography.Text>}
                {entry.reason && <div className="task-timeline-reason">{RETURNED.has(entry.status ?? '') ? '驳回理由' : '原因'}：{entry.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
