import { Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key } from 'react';
import { pageSizes, type Paging } from '../../../../common/schemas/pagination';
import { totalText } from './totalText';

/** A page of a list sorted on the server (the column keys of the sortable columns are the sort fields). */
export interface SortedPaging<F extends string = string> extends Paging {
  sortField?: F;
  sortOrder?: 'ascend' | 'descend';
}

interface Props<T, P extends Paging> extends Omit<TableProps<T>, 'pagination' | 'rowSelection' | 'onChange' | 'dataSource' | 'columns'> {
  items: readonly T[] | undefined;
  columns: NonNullable<TableProps<T>['columns']>;
  total: number;
  /** The total is a lower bound (a list across a jurisdiction counts up to a cap). */
  totalCapped?: boolean;
  paging: P;
  onPagingChange: (paging: P) => void;
  /** A 序号 column first, counted across pages. */
  numbered?: boolean;
  /** Row checkboxes for batch actions; kept across pages. `checkbox`: a row's checkbox props (off, its aria-label). */
  selection?: { keys: Key[]; onChange: (keys: Key[], rows: T[]) => void; checkbox?: NonNullable<TableProps<T>['rowSelection']>['getCheckboxProps'] };
  /** Where the page may have very many pages (跳至 a page). */
  quickJumper?: boolean;
  /** What the empty table says. */
  emptyText?: string;
}

/** The column a sorted list marks as sorted now. */
export function sortOrderOf<F extends string>(paging: SortedPaging<F>, field: F): ColumnType<unknown>['sortOrder'] {
  return paging.sortField === field ? (paging.sortOrder ?? null) : null;
}

/**
 * A list's table paged (and sorted) on the server: 序号, 共 N 条, the page sizes every list offers, a new page size
 * back to page 1, checkboxes kept across pages.
 */
export function ListTable<T extends object, P extends Paging = Paging>({
  items,
  columns,
  total,
  totalCapped,
  paging,
  onPagingChange,
  numbered = true,
  selection,
  quickJumper,
  emptyText,
  locale,
  ...table
}: Props<T, P>) {
  // A column fixed at the start must have none unfixed before it: 序号 sticks with a start-fixed first column.
  const first = columns[0]?.fixed;
  const fixed = first === 'start' || first === 'left' || first === true ? ('start' as const) : undefined;
  // Wide enough that 序号 stays on one line inside each table size's cell padding.
  const numberWidth = table.size === 'small' ? 48 : table.size === 'middle' ? 56 : 72;
  const all: TableProps<T>['columns'] = numbered
    ? [{ title: '序号', key: 'n', width: numberWidth, align: 'center', fixed, render: (_v, _r, i) => (paging.page - 1) * paging.pageSize + i + 1 }, ...columns]
    : columns;
  return (
    <Table<T>
      {...table}
      columns={all}
      dataSource={items as T[] | undefined}
      locale={emptyText ? { ...locale, emptyText } : locale}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          preserveSelectedRowKeys: true,
          getCheckboxProps: selection.checkbox,
          onChange: (keys, rows) => selection.onChange(keys, rows.filter((r): r is T => r !== undefined)),
        }
      }
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        pageSizeOptions: [...pageSizes],
        showSizeChanger: true,
        showQuickJumper: quickJumper,
        showTotal: (n) => totalText(n, totalCapped),
      }}
      onChange={(pagination, _filters, sorter) => {
        const pageSize = pagination.pageSize ?? paging.pageSize;
        const next = { ...paging, page: pageSize !== paging.pageSize ? 1 : (pagination.current ?? 1), pageSize };
        const single = Array.isArray(sorter) ? sorter[0] : sorter;
        if (single && 'column' in single) {
          const order = single.order ?? undefined;
          Object.assign(next, { sortField: order ? single.columnKey : undefined, sortOrder: order });
        }
        onPagingChange(next);
      }}
    />
  );
}
