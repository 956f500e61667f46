import { Button, Tooltip, type TableProps } from 'antd';
import { useNavigate } from 'react-router';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { procedureLabels } from '../../../../common/papers';
import type { Paging } from '../../../../common/schemas/pagination';
import { ListTable } from '../list/ListTable';
import type { ReviewItem, ReviewKind, ReviewTab } from '../../../../common/schemas/review';
import { recordPath } from './reviewForms';
import { EnrolmentStatusTag, ExemptionStatusTag } from '../StatusTags';

interface Props {
  kind: ReviewKind;
  tab: ReviewTab;
  items: ReviewItem[];
  total: number;
  loading: boolean;
  paging: Paging;
  onPagingChange: (paging: Paging) => void;
  /** The assessor's list spans its institutions: a 卫生机构 column (for 科室) whose names narrow the list to one. */
  onInstitution?: (row: ReviewItem) => void;
  /** Row checkboxes (批量审核). */
  selection?: { rows: ReviewItem[]; onChange: (rows: ReviewItem[]) => void };
}

const dash = (v: string | null) => v ?? '—';

/** 序号, 科室 (the assessor: 卫生机构 instead, as seed 003 §2.2.8 shows), 姓名, 证件号码, 执业类别, 医师级别, 考核程序, 首次注册时间, 考核状态, 操作 (seed 002 §1.8, 003 §2.2.8). */
export function ReviewTable({ kind, tab, items, total, loading, paging, onPagingChange, onInstitution, selection }: Props) {
  const navigate = useNavigate();
  const columns: TableProps<ReviewItem>['columns'] = [
    ...(onInstitution
      ? [
          {
            title: '卫生机构',
            dataIndex: 'institutionName',
            key: 'institutionName',
            render: (name: string, row: ReviewItem) => (
              <Tooltip title="只看该机构">
                <Button type="link" size="small" className="review-institution-link" onClick={() => onInstitution(row)}>
                  {name}
                </Button>
              </Tooltip>
            ),
          },
        ]
      : [{ title: '科室', dataIndex: 'departmentName', key: 'departmentName', render: dash }]),
    { title: '姓名', dataIndex: 'name', key: 'name', width: 96 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 120, className: 'review-id-number' },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 84, render: (v: ReviewItem['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '医师级别', dataIndex: 'physicianLevel', key: 'physicianLevel', width: 104, render: (v: ReviewItem['physicianLevel']) => (v ? physicianLevelLabels[v] : '—') },
    { title: '考核程序', dataIndex: 'procedure', key: 'procedure', width: 84, render: (v: ReviewItem['procedure']) => (v ? procedureLabels[v] : '—') },
    { title: '首次注册时间', dataIndex: 'firstRegistrationDate', key: 'firstRegistrationDate', width: 112, render: dash },
    {
      title: kind === 'exemption' ? '免考状态' : '考核状态',
      key: 'status',
      width: 168,
      render: (_v, row) => (kind === 'exemption' ? <ExemptionStatusTag status={row.exemptionStatus} /> : <EnrolmentStatusTag status={row.status} />),
    },
    {
      title: '操作',
      key: 'actions',
      width: 72,
      fixed: 'end',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => void navigate(recordPath(row.enrolmentId, kind))}>
          {tab === 'pending' ? '审核' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <ListTable<ReviewItem>
      rowKey="enrolmentId"
      size="middle"
      columns={columns}
      items={items}
      loading={loading}
      // 科室 (卫生机构) takes what is left; below this width the table scrolls instead of squeezing.
      scroll={{ x: 1010 }}
      emptyText={tab === 'pending' ? '暂无待审核的医师' : '暂无已审核的医师'}
      selection={selection && { keys: selection.rows.map((r) => r.enrolmentId), onChange: (_keys, rows) => selection.onChange(rows) }}
      total={total}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
