import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { LoadFailed } from '../LoadFailed';

interface Props {
  /** The filter form, in a card of its own above the list. */
  filters?: ReactNode;
  title?: ReactNode;
  /** The card's buttons (新建, 导入, 导出). */
  extra?: ReactNode;
  /** Between the card's title and the table (a tip, a toolbar, tabs). */
  header?: ReactNode;
  /** The list's query: a failed load shows 重试 instead of the table. */
  list: { isError: boolean; error: unknown; refetch: () => unknown };
  /** The table. */
  children: ReactNode;
  /** Beside the cards (drawers, modals). */
  after?: ReactNode;
}

/** A list page: the filters' card, then the list's card with its title, buttons and table (or the load error). */
export function ListPage({ filters, title, extra, header, list, children, after }: Props) {
  return (
    <Flex vertical gap={16}>
      {filters && <Card>{filters}</Card>}
      <Card title={title} extra={extra}>
        {header}
        {list.isError ? <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} /> : children}
      </Card>
      {after}
    </Flex>
  );
}
