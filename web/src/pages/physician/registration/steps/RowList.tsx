import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  /** The list's field name, e.g. 'educations' or 'badRecords'. */
  name: string;
  /** What one row is called: 教育经历, 不良执业行为记录 … */
  title: string;
  max: number;
  /** The fields of row `index` (names relative to the row). */
  children: (index: number) => ReactNode;
  /** A fresh row's values. */
  blank?: Record<string, unknown>;
}

/** Repeatable rows as cards (one column on phones): 添加 at the end, 删除 on each card. */
export function RowList({ name, title, max, children, blank = {} }: Props) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }, { errors }) => (
        <div className="row-list">
          {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${title}`} />}
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              className="row-card"
              title={`${title} ${index + 1}`}
              extra={
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`删除${title} ${index + 1}`}>
                  删除
                </Button>
              }
            >
              {children(row.name)}
            </Card>
          ))}
          {rows.length < max && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blank)}>
              添加{title}
            </Button>
          )}
          <Form.ErrorList errors={errors} />
          {rows.length >= max && <Typography.Text type="secondary">最多{max}条</Typography.Text>}
        </div>
      )}
    </Form.List>
  );
}
