import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { RETAKE_WINDOW_LABEL, windowKeys, windowLabels } from '../../../../../common/enums';
import { pageSizes, type Cycle } from '../../../../../common/schemas/cycle';
import { errorMessage } from '../../../api/client';
import { useCycleList } from '../../../api/cycles';
import { LoadFailed } from '../../../components/LoadFailed';
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
  const [filterForm] = Form.useForm<{ name?: string }>();
  const [name, setName] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useCycleList({ name, ...paging });
  const canManage = list.data?.canManage ?? false;

  const search = (next: string | undefined) => {
    setName(next?.trim() || undefined);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Form form={filterForm} layout="inline" onFinish={(v) => search(v.name)} className="cycle-filters">
          <Form.Item name="name" label="名称">
            <Input placeholder="请输入周期名称" allowClear maxLength={64} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  filterForm.resetFields();
                  search(undefined);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        title="考核周期"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              新建考核周期
            </Button>
          )
        }
      >
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Cycle>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={columns(canManage, (cycle) => setDialog({ mode: 'edit', cycle }))}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              pageSizeOptions: pageSizes.map(String),
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
      {dialog && (
        <CycleFormModal
          key={dialog.mode === 'edit' ? dialog.cycle.id : 'new'}
          cycle={dialog.mode === 'edit' ? dialog.cycle : null}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
