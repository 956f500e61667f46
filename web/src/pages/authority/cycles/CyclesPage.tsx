import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { RETAKE_WINDOW_LABEL, windowKeys, windowLabels } from '../../../../../common/enums';
import type { Cycle } from '../../../../../common/schemas/cycle';
import { useCycleList } from '../../../api/cycles';
import { FilterForm } from '../../../components/list/FilterForm';
import { textField } from '../../../components/list/filterFields';
import { ListPage } from '../../../components/list/ListPage';
import { ListTable } from '../../../components/list/ListTable';
import { searchValues } from '../../../components/list/searchValues';
import { useListState } from '../../../components/list/useListState';
import { formatDate } from '../../../lib/format';
import { CycleFormModal } from './CycleFormModal';
import './cycles.css';

/** A range on two lines, so that the five ranges and 当前周期 fit the table; its text stays 「start ~ end」. */
function DateRange({ start, end }: { start: string; end: string }) {
  return (
    <span className="cycle-dates">
      <span>{formatDate(start)} ~</span> <span>{formatDate(end)}</span>
    </span>
  );
}

type Dialog = { mode: 'create' } | { mode: 'edit'; cycle: Cycle } | null;

function columns(canManage: boolean, edit: (cycle: Cycle) => void): TableColumnsType<Cycle> {
  return [
    { title: '名称', dataIndex: 'name', fixed: 'left', width: 140 },
    { title: '周期起止', key: 'period', render: (_, c) => <DateRange start={c.startDate} end={c.endDate} /> },
    ...windowKeys.map((key) => ({
      title: windowLabels[key],
      key,
      render: (_: unknown, c: Cycle) => <DateRange start={c[`${key}Start`]} end={c[`${key}End`]} />,
    })),
    {
      title: RETAKE_WINDOW_LABEL,
      key: 'retake',
      render: (_: unknown, c: Cycle) => (c.retakeStart && c.retakeEnd ? <DateRange start={c.retakeStart} end={c.retakeEnd} /> : <span className="cycle-muted">未设置</span>),
    },
    { title: '当前周期', key: 'isCurrent', width: 96, render: (_, c) => (c.isCurrent ? <Tag color="green">当前周期</Tag> : <span className="cycle-muted">—</span>) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 80,
            render: (_: unknown, c: Cycle) => (
              <Button type="link" size="small" onClick={() => edit(c)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];
}

/** 考核周期: the province's cycles and their 考核安排; the provincial authority creates and edits them. */
export function CyclesPage() {
  const { setSearch, list, table } = useListState<{ name?: string }, ReturnType<typeof useCycleList>>(useCycleList);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canManage = list.data?.canManage ?? false;

  return (
    <ListPage
      filters={<FilterForm<{ name?: string }> name="cycleFilter" labelWidth={48} onSearch={(values) => setSearch(searchValues(values))} fields={[textField('name', '名称', '请输入周期名称')]} />}
      title="考核周期"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
            新建考核周期
          </Button>
        )
      }
      list={list}
      after={
        dialog && (
          <CycleFormModal
            key={dialog.mode === 'edit' ? dialog.cycle.id : 'new'}
            cycle={dialog.mode === 'edit' ? dialog.cycle : null}
            onClose={() => setDialog(null)}
          />
        )
      }
    >
      <ListTable<Cycle>
        rowKey="id"
        size="middle"
        {...table}
        columns={columns(canManage, (cycle) => setDialog({ mode: 'edit', cycle }))}
        scroll={{ x: 'max-content' }}
        numbered={false}
      />
    </ListPage>
  );
}
