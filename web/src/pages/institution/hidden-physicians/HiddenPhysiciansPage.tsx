import { Button, Card, Form, Input, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../../common/enums';
import type { HiddenPhysician } from '../../../../../common/schemas/physician';
import { errorMessage } from '../../../api/client';
import { useHiddenPhysicians, useUnhidePhysician } from '../../../api/physicians';
import { LoadFailed } from '../../../components/LoadFailed';
import { SearchButtons } from '../../../components/SearchButtons';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { useActionFeedback } from '../../../lib/useActionFeedback';

/** 医师暂存 (seed 000 §6): the physicians the institution hid, with why and when; 取消隐藏 puts them back on the 医师列表. */
export function HiddenPhysiciansPage() {
  const [form] = Form.useForm<{ name?: string }>();
  const [name, setName] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useHiddenPhysicians({ ...paging, name });
  const unhide = useUnhidePhysician();
  const run = useActionFeedback();

  const columns: TableColumnsType<HiddenPhysician> = [
    { title: '序号', key: 'n', width: 56, align: 'center', render: (_v, _r, i) => (paging.page - 1) * paging.pageSize + i + 1 },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 96 },
    { title: '科室', dataIndex: 'departmentName', key: 'departmentName', width: 112, render: (v: string | null) => v ?? '—' },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 116 },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 84, render: (v: HiddenPhysician['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '医师级别', dataIndex: 'physicianLevel', key: 'physicianLevel', width: 104, render: (v: HiddenPhysician['physicianLevel']) => (v ? physicianLevelLabels[v] : '—') },
    { title: '隐藏时间', dataIndex: 'hiddenAt', key: 'hiddenAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: '隐藏原因', dataIndex: 'hiddenReason', key: 'hiddenReason', render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 96,
      fixed: 'end',
      render: (_v, row) => (
        <Popconfirm
          title="确认取消隐藏？"
          description="取消隐藏后，该医师回到医师列表（未确认参加），并可登录系统"
          onConfirm={() => void run(() => unhide.mutateAsync(row.id), `已取消隐藏${row.name}`)}
        >
          <Button type="link" size="small">
            取消隐藏
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const search = ({ name: value }: { name?: string }) => {
    setName(value?.trim() || undefined);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <Card title="医师暂存">
      <Form form={form} layout="inline" onFinish={search} className="hidden-physicians-filter">
        <Form.Item name="name" label="姓名">
          <Input allowClear maxLength={32} placeholder="请输入姓名" />
        </Form.Item>
        <SearchButtons form={form} onCleared={() => search({})} />
      </Form>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <Table<HiddenPhysician>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无被隐藏的医师' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      )}
    </Card>
  );
}
