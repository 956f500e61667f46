import { Table } from 'antd';
import type { z } from 'zod';
import { enrolmentStatusLabels, roleLabels, roles, type EnrolmentStatus, type Role } from '../../../../common/enums';
import type { timelineEntrySchema } from '../../../../common/schemas/registration';
import { formatDateTime } from '../assessor/dateTime';

type Entry = z.infer<typeof timelineEntrySchema>;

const roleLabel = (role: string | null) => (role && (roles as readonly string[]).includes(role) ? roleLabels[role as Role] : '—');

/** 提交日志: every step of the enrolment, oldest first — 时间, 操作, 操作方, 状态, 原因. */
export function TimelineTab({ timeline }: { timeline: Entry[] }) {
  return (
    <Table<Entry & { key: number }>
      size="middle"
      pagination={false}
      dataSource={timeline.map((entry, key) => ({ ...entry, key }))}
      locale={{ emptyText: '暂无日志' }}
      scroll={{ x: 800 }}
      columns={[
        { title: '序号', key: 'n', width: 64, align: 'center', render: (_v, _r, i) => i + 1 },
        { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
        { title: '操作', dataIndex: 'label', width: 160 },
        { title: '操作方', dataIndex: 'actorRole', width: 120, render: roleLabel },
        { title: '状态', dataIndex: 'status', width: 220, render: (v: EnrolmentStatus | null) => (v ? enrolmentStatusLabels[v] : '—') },
        { title: '原因', dataIndex: 'reason', render: (v: string | null) => <span className="review-long-text">{v ?? '—'}</span> },
      ]}
    />
  );
}
