import { Button, Popconfirm, Space, Tag, Typography, type TableProps } from 'antd';
import { clinicalSubjectLabel } from '../../../../../common/clinical-subjects';
import { practiceCategoryLabels } from '../../../../../common/enums';
import { paperKindLabels } from '../../../../../common/papers';
import { difficultyLabels, questionTypeLabels, type Difficulty } from '../../../../../common/question-bank';
import { bankStatusLabels, type BankListItem, type BankStatus } from '../../../../../common/schemas/question-bank';
import type { Paging } from '../../../../../common/schemas/pagination';
import { useSetBankItemEnabled } from '../../../api/questionBank';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { ListTable } from '../../../components/list/ListTable';
import { useActionFeedback } from '../../../lib/useActionFeedback';

const statusColors: Record<BankStatus, string> = { enabled: 'green', disabled: 'default', replaced: 'orange' };

interface Props {
  items: BankListItem[];
  total: number;
  loading: boolean;
  paging: Paging;
  onPagingChange: (paging: Paging) => void;
  onPreview: (id: number) => void;
  onEdit: (id: number) => void;
}

function RowActions({ row, onPreview, onEdit }: { row: BankListItem; onPreview: () => void; onEdit: () => void }) {
  const setEnabled = useSetBankItemEnabled();
  const feedback = useActionFeedback();
  const enabled = row.status === 'enabled';
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onPreview}>
        预览
      </Button>
      {row.status !== 'replaced' && (
        <>
          <Button type="link" size="small" onClick={onEdit}>
            编辑
          </Button>
          <Popconfirm
            title={enabled ? '确认停用该试题？' : '确认启用该试题？'}
            description={enabled ? '停用后新的考试和练习不再抽取该题，已抽取的不受影响' : undefined}
            onConfirm={() => void feedback(() => setEnabled.mutateAsync({ id: row.id, enabled: !enabled }), enabled ? '已停用' : '已启用')}
          >
            <Button type="link" size="small" danger={enabled}>
              {enabled ? '停用' : '启用'}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}

/** The 题库 table: server-side pages, newest first. */
export function BankTable({ items, total, loading, paging, onPagingChange, onPreview, onEdit }: Props) {
  const columns: TableProps<BankListItem>['columns'] = [
    { title: '题型', dataIndex: 'type', width: 110, render: (v: BankListItem['type']) => questionTypeLabels[v] },
    {
      title: '题目',
      dataIndex: 'summary',
      width: 360,
      render: (v: string, row) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 340 }}>
          {row.questionCount > 1 ? `【共${row.questionCount}题】` : ''}
          {v}
        </Typography.Text>
      ),
    },
    { title: '试卷', dataIndex: 'paper', width: 140, render: (v: BankListItem['paper']) => paperKindLabels[v] },
    { title: '执业类别', dataIndex: 'practiceCategory', width: 90, render: (v: BankListItem['practiceCategory']) => (v ? practiceCategoryLabels[v] : '—') },
    { title: '诊疗科目', dataIndex: 'clinicalSubject', width: 130, render: (v: string | null) => (v ? clinicalSubjectLabel(v) : '—') },
    { title: '难度', dataIndex: 'difficulty', width: 60, align: 'center', render: (v: number) => difficultyLabels[v as Difficulty] },
    { title: '版本', dataIndex: 'version', width: 60, align: 'center', render: (v: number) => `第${v}版` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: '状态', dataIndex: 'status', width: 90, fixed: 'end', render: (v: BankStatus) => <Tag color={statusColors[v]}>{bankStatusLabels[v]}</Tag> },
    { title: '操作', key: 'actions', width: 160, fixed: 'end', render: (_v, row) => <RowActions row={row} onPreview={() => onPreview(row.id)} onEdit={() => onEdit(row.id)} /> },
  ];
  return (
    <ListTable<BankListItem>
      className="bank-table"
      rowKey="id"
      size="middle"
      columns={columns}
      items={items}
      loading={loading}
      scroll={{ x: 1400 }}
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
