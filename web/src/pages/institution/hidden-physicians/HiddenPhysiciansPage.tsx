import { Button, Popconfirm, type TableColumnsType } from 'antd';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../../common/enums';
import type { HiddenPhysician } from '../../../../../common/schemas/physician';
import { useHiddenPhysicians, useUnhidePhysician } from '../../../api/physicians';
import { formatDateTime } from '../../../components/assessor/dateTime';
import { FilterForm } from '../../../components/list/FilterForm';
import { textField } from '../../../components/list/filterFields';
import { ListPage } from '../../../components/list/ListPage';
import { ListTable } from '../../../components/list/ListTable';
import { searchValues } from '../../../components/list/searchValues';
import { useListState } from '../../../components/list/useListState';
import { useActionFeedback } from '../../../lib/useActionFeedback';

interface HiddenSearch {
  name?: string;
}

/** 医师暂存 (seed 000 §6): the physicians the institution hid, with why and when; 取消隐藏 puts them back on the 医师列表. */
export function HiddenPhysiciansPage() {
  const { setSearch, list, table } = useListState<HiddenSearch, ReturnType<typeof useHiddenPhysicians>>(useHiddenPhysicians);
  const unhide = useUnhidePhysician();
  const run = useActionFeedback();

  const columns: TableColumnsType<HiddenPhysician> = [
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

  return (
    <ListPage
      filters={
        <FilterForm<HiddenSearch>
          name="hiddenPhysicianFilter"
          labelWidth={48}
          onSearch={(values) => setSearch(searchValues<HiddenSearch>(values))}
          fields={[textField('name', '姓名', '请输入姓名', 32)]}
        />
      }
      title="医师暂存"
      list={list}
    >
      <ListTable<HiddenPhysician>
        rowKey="id"
        size="middle"
        columns={columns}
        {...table}
        scroll={{ x: 'max-content' }}
        emptyText="暂无被隐藏的医师"
      />
    </ListPage>
  );
}
