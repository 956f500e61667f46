import { Button, Tag, type TableProps } from 'antd';
import { practiceCategoryLabels } from '../../../../common/enums';
import { paperKindLabels, procedureLabels } from '../../../../common/papers';
import type { Paging } from '../../../../common/schemas/pagination';
import { ListTable } from '../list/ListTable';
import { placeColumn } from '../progress/placeColumn';
import { examProgressOutcomeLabels, examProgressStateLabels, type ExamProgressItem, type ExamProgressOutcome, type ExamProgressState } from '../../../../common/schemas/exam-progress';
import { examStageLabels } from '../../../../common/schemas/exams';
import '../progress/progress.css';

export type ExamProgressPaging = Paging;

interface Props {
  items: ExamProgressItem[];
  total: number;
  /** The total is a lower bound (an authority's list counts up to a cap). */
  totalCapped?: boolean;
  loading: boolean;
  paging: ExamProgressPaging;
  onPagingChange: (paging: ExamProgressPaging) => void;
  /** The assessor's and the authority's lists span institutions: 医疗卫生机构 says whose physician it is. */
  showInstitution?: boolean;
  emptyText: string;
  onView: (row: ExamProgressItem) => void;
}

const outcomeColors: Record<ExamProgressOutcome, string | undefined> = { none: undefined, passed: 'green', failed: 'red' };
const stateColors: Record<ExamProgressState, string> = { notTaken: 'default', inProgress: 'processing', submitted: 'blue' };

export const rowKey = (row: Pick<ExamProgressItem, 'enrolmentId' | 'paper'>) => `${row.enrolmentId}:${row.paper}`;

/**
 * 序号, 科室 (under its 医疗卫生机构 across institutions), 姓名, 证件号码 (masked), 执业类别, 考核机构, 考核程序, 试卷名称,
 * 测评结果, 测评状态 (with 补考 when the latest attempt is one), 操作 查看 — one page from the server.
 */
export function ExamProgressTable({ items, total, totalCapped, loading, paging, onPagingChange, showInstitution, emptyText, onView }: Props) {
  const columns: TableProps<ExamProgressItem>['columns'] = [
    placeColumn(showInstitution, '医疗卫生机构', 110),
    { title: '姓名', dataIndex: 'name', key: 'name', width: 72 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 104 },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 74, render: (v: ExamProgressItem['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '考核机构', dataIndex: 'assessorName', key: 'assessorName', render: (v: string | null) => v ?? '未指定' },
    { title: '考核程序', dataIndex: 'procedure', key: 'procedure', width: 76, render: (v: ExamProgressItem['procedure']) => procedureLabels[v] },
    { title: '试卷名称', dataIndex: 'paper', key: 'paper', width: 144, render: (v: ExamProgressItem['paper']) => paperKindLabels[v] },
    {
      title: '测评结果',
      dataIndex: 'outcome',
      key: 'outcome',
      width: 76,
      render: (v: ExamProgressOutcome) =>
        outcomeColors[v] ? (
          <Tag color={outcomeColors[v]} className="status-tag">
            {examProgressOutcomeLabels[v]}
          </Tag>
        ) : (
          examProgressOutcomeLabels[v]
        ),
    },
    {
      title: '测评状态',
      key: 'state',
      width: 112,
      render: (_v, row) => (
        <span>
          <Tag color={stateColors[row.state]} className="status-tag">
            {examProgressStateLabels[row.state]}
          </Tag>
          {row.stage === 'retake' && (
            <Tag color="orange" className="status-tag">
              {examStageLabels.retake}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 56,
      fixed: 'end',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => onView(row)}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <ListTable<ExamProgressItem>
      rowKey={rowKey}
      size="small"
      columns={columns}
      items={items}
      loading={loading}
      // Both names (机构, 考核机构) take what is left; below this width the table scrolls instead of squeezing.
      scroll={{ x: showInstitution ? 1060 : 980 }}
      emptyText={emptyText}
      total={total}
      totalCapped={totalCapped}
      paging={paging}
      onPagingChange={onPagingChange}
      quickJumper
    />
  );
}
