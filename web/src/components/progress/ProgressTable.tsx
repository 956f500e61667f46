import { Button, Tag, type TableProps } from 'antd';
import { useNavigate } from 'react-router';
import { physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { progressProcedureLabels, progressResultLabels, type ProgressItem, type ProgressStatus } from '../../../../common/schemas/assessment-progress';
import type { Paging } from '../../../../common/schemas/pagination';
import { ListTable } from '../list/ListTable';
import { placeColumn } from './placeColumn';
import { EnrolmentStatusTag, ExemptionStatusTag } from '../StatusTags';
import { exemptionStatusLabels, type ExemptionStatus } from '../../../../common/schemas/registration';

export type ProgressPaging = Paging;

interface Props {
  items: ProgressItem[];
  total: number;
  /** The total is a lower bound (an authority's list counts up to a cap). */
  totalCapped?: boolean;
  loading: boolean;
  paging: ProgressPaging;
  onPagingChange: (paging: ProgressPaging) => void;
  /** The assessor's and the authority's lists span institutions: 卫生机构 says whose physician it is. */
  showInstitution?: boolean;
  /** What the empty table says (no cycle, or no match). */
  emptyText: string;
  /** 查看 before the first 提交: there is no record yet, only the physician's information. */
  onViewPhysician: (physicianId: number) => void;
  /** 打印 of a 合格 row's certificate (seed 003 §2.3.0); absent where the role cannot read certificates. */
  onPrint?: (row: ProgressItem) => void;
}

/** The record of a submitted registration (医师信息, 工作成绩、职业道德, 提交日志). */
export const recordPath = (enrolmentId: number) => `/reviews/record/${enrolmentId}`;

/**
 * 序号, (卫生机构), 科室, 姓名, 年龄, 证件号码 (masked), 执业类别, 医师级别, 考核程序, 考核状态, 免考状态, 考核结果, 操作 查看 —
 * one page from the server. 查看 opens the registration's record once it was submitted, else the physician's information.
 */
export function ProgressTable({ items, total, totalCapped, loading, paging, onPagingChange, showInstitution, emptyText, onViewPhysician, onPrint }: Props) {
  const navigate = useNavigate();
  const columns: TableProps<ProgressItem>['columns'] = [
    placeColumn(showInstitution, '卫生机构'),
    { title: '姓名', dataIndex: 'name', key: 'name', width: 76 },
    { title: '年龄', dataIndex: 'age', key: 'age', width: 48, render: (v: number | null) => v ?? '—' },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 104 },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 74, render: (v: ProgressItem['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '医师级别', dataIndex: 'physicianLevel', key: 'physicianLevel', width: 100, render: (v: ProgressItem['physicianLevel']) => (v ? physicianLevelLabels[v] : '—') },
    { title: '考核程序', dataIndex: 'procedure', key: 'procedure', width: 86, render: (v: ProgressItem['procedure']) => progressProcedureLabels[v] },
    { title: '考核状态', dataIndex: 'status', key: 'status', width: 140, render: (v: ProgressStatus) => <EnrolmentStatusTag status={v} /> },
    {
      title: '免考状态',
      dataIndex: 'exemptionStatus',
      key: 'exemptionStatus',
      width: 100,
      render: (v: ExemptionStatus) => (v === 'none' ? exemptionStatusLabels[v] : <ExemptionStatusTag status={v} />),
    },
    {
      title: '考核结果',
      dataIndex: 'result',
      key: 'result',
      width: 74,
      render: (v: ProgressItem['result']) =>
        v === 'none' ? (
          '—'
        ) : (
          <Tag color={v === 'passed' ? 'green' : 'red'} className="status-tag">
            {progressResultLabels[v]}
          </Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: onPrint ? 96 : 56,
      fixed: 'end',
      render: (_v, row) => (
        <>
          <Button type="link" size="small" onClick={() => (row.submitted ? void navigate(recordPath(row.enrolmentId)) : onViewPhysician(row.physicianId))}>
            查看
          </Button>
          {onPrint && row.status === 'COMPLETED' && row.result === 'passed' && (
            <Button type="link" size="small" aria-label={`打印 ${row.name}`} onClick={() => onPrint(row)}>
              打印
            </Button>
          )}
        </>
      ),
    },
  ];
  return (
    <ListTable<ProgressItem>
      rowKey="enrolmentId"
      size="small"
      columns={columns}
      items={items}
      loading={loading}
      // 科室 (or 卫生机构) takes what is left; below this width the table scrolls instead of squeezing.
      scroll={{ x: showInstitution ? 1040 : 980 }}
      emptyText={emptyText}
      total={total}
      totalCapped={totalCapped}
      paging={paging}
      onPagingChange={onPagingChange}
      quickJumper
    />
  );
}
