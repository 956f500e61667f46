import { Tag, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { enrolmentStatusLabels, physicianLevelLabels, practiceCategoryLabels } from '../../../../common/enums';
import { ListTable, sortOrderOf, type SortedPaging } from '../list/ListTable';
import type { RosterItem, RosterSortField, RosterTab } from '../../../../common/schemas/physician';
import './roster.css';

export type RosterPaging = SortedPaging<RosterSortField>;

interface Props {
  tab: RosterTab;
  items: RosterItem[];
  total: number;
  /** The total is a lower bound (a jurisdiction-wide list counts up to a cap). */
  totalCapped?: boolean;
  loading: boolean;
  paging: RosterPaging;
  onPagingChange: (paging: RosterPaging) => void;
  /** The 操作 cell of one row. */
  renderActions: (row: RosterItem) => ReactNode;
  /** The authority's list spans institutions: it shows which one each physician belongs to (and only 查看). */
  showInstitution?: boolean;
  /** Row checkboxes (institution, 未确认参加). */
  selection?: { keys: number[]; onChange: (keys: number[]) => void };
}

const dash = (v: string | null) => v ?? '—';

/** The name, and under it what the tab needs to say: 取消原因 (未确认参加) or the 考核状态 (已确认参加). */
function NameCell({ row, tab }: { row: RosterItem; tab: RosterTab }) {
  return (
    <div className="roster-name">
      <span>{row.name}</span>
      {tab === 'unconfirmed' && row.cancelReason && (
        <Typography.Text type="secondary" className="roster-note">
          取消原因：{row.cancelReason}
        </Typography.Text>
      )}
      {tab === 'confirmed' && (
        <span>
          <Tag className="roster-status">{enrolmentStatusLabels[row.enrolmentStatus]}</Tag>
        </span>
      )}
    </div>
  );
}

/** 序号, 科室, 姓名, 年龄, 证件号码 (masked), 执业类别, 医师级别, 执业证取得时间, 首次注册时间, 操作 — paged and sorted on the server. */
export function RosterTable({ tab, items, total, totalCapped, loading, paging, onPagingChange, renderActions, showInstitution, selection }: Props) {
  const sorted = (field: RosterSortField) => ({ sorter: true, sortOrder: sortOrderOf(paging, field) });
  const columns: TableProps<RosterItem>['columns'] = [
    ...(showInstitution ? [{ title: '医疗机构', dataIndex: 'institutionName', key: 'institutionName', width: 160 }] : []),
    { title: '科室', dataIndex: 'departmentName', key: 'departmentName', render: dash },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 112, ...sorted('name'), render: (_v, row) => <NameCell row={row} tab={tab} /> },
    { title: '年龄', dataIndex: 'age', key: 'age', width: 72, ...sorted('age'), render: (v: number | null) => v ?? '—' },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 116 },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 84, render: (v: RosterItem['practiceCategory']) => practiceCategoryLabels[v] },
    {
      title: '医师级别',
      dataIndex: 'physicianLevel',
      key: 'physicianLevel',
      width: 104,
      render: (v: RosterItem['physicianLevel']) => (v ? physicianLevelLabels[v] : '—'),
    },
    { title: '执业证取得时间', dataIndex: 'licenseDate', key: 'licenseDate', width: 112, ...sorted('licenseDate'), render: dash },
    { title: '首次注册时间', dataIndex: 'firstRegistrationDate', key: 'firstRegistrationDate', width: 112, ...sorted('firstRegistrationDate'), render: dash },
    { title: '操作', key: 'actions', width: showInstitution ? 84 : 184, fixed: 'end', render: (_v, row) => renderActions(row) },
  ];
  return (
    <ListTable<RosterItem, RosterPaging>
      rowKey="id"
      size="middle"
      columns={columns}
      items={items}
      loading={loading}
      // 科室 takes what is left; below this width the table scrolls instead of squeezing.
      scroll={{ x: showInstitution ? 1080 : 1040 }}
      selection={selection && { keys: selection.keys, onChange: (keys) => selection.onChange(keys as number[]) }}
      total={total}
      totalCapped={totalCapped}
      paging={paging}
      onPagingChange={onPagingChange}
    />
  );
}
