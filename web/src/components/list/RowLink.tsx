import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onClick: () => void;
  /** Asked first (Popconfirm); it closes at once, and the row's own state shows the result. */
  confirm?: { title: string; description?: string };
  danger?: boolean;
}

/** One action in a list row's 操作 cell: a small link, optionally confirmed. */
export function RowLink({ children, onClick, confirm, danger }: Props) {
  if (!confirm) {
    return (
      <Button type="link" size="small" danger={danger} onClick={onClick}>
        {children}
      </Button>
    );
  }
  return (
    <Popconfirm title={confirm.title} description={confirm.description} onConfirm={onClick}>
      <Button type="link" size="small" danger={danger}>
        {children}
      </Button>
    </Popconfirm>
  );
}
