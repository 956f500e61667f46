import { Button, Col, Form, Row, Space, type FormInstance, type FormItemProps } from 'antd';
import './list.css';
import type { ReactNode } from 'react';

/**
 * The column of one filter field: two per row below 1200 px (at 1024 px, the manuals' minimum, three would cut the
 * placeholders and date ranges), three up to 1600 px, then four.
 */
const FILTER_COL = { xs: 24, sm: 12, xl: 8, xxl: 6 } as const;

/** One field of a list's filter form. */
export interface FilterField {
  /** The form value's name; none for a field that holds its own named items (年龄 下限 / 上限) or is not a form value. */
  name?: string;
  label: string;
  input: ReactNode;
  rules?: FormItemProps['rules'];
  dependencies?: FormItemProps['dependencies'];
}

interface Props<V> {
  /** The form's name: the prefix of its fields' ids. */
  name: string;
  /** In order; a falsy entry leaves a field out (one the role or page does not have). */
  fields: (FilterField | false | null | undefined | '' | 0 | 0n)[];
  onSearch: (values: V) => void;
  /** 重置 clears the form, then calls this (default: a search without filters). */
  onReset?: () => void;
  /** Beside 查询 / 重置 (导出, batch actions). */
  extra?: ReactNode;
  /** The label column's width, px: the longest label of the form. */
  labelWidth?: number;
}

/** 查询 (submits the filter form it sits in) and 重置 (clears the form, then `onCleared`). */
function SearchButtons({ form, onCleared }: { form: FormInstance; onCleared: () => void }) {
  return (
    <Space>
      <Button type="primary" htmlType="submit">
        查询
      </Button>
      <Button
        onClick={() => {
          form.resetFields();
          onCleared();
        }}
      >
        重置
      </Button>
    </Space>
  );
}

/** A list's filters from a field list, in a grid, with 查询 / 重置 (and `extra`) after the last field. */
export function FilterForm<V extends object>({ name, fields, onSearch, onReset, extra, labelWidth = 76 }: Props<V>) {
  const [form] = Form.useForm<V>();
  return (
    <Form<V> form={form} name={name} onFinish={onSearch} labelCol={{ flex: `${labelWidth}px` }} className="list-filters">
      <Row gutter={16}>
        {fields.map(
          (field) =>
            field && (
              <Col {...FILTER_COL} key={field.name ?? field.label}>
                <Form.Item name={field.name} label={field.label} rules={field.rules} dependencies={field.dependencies}>
                  {field.input}
                </Form.Item>
              </Col>
            ),
        )}
        <Col {...FILTER_COL}>
          <Form.Item>
            <Space wrap>
              <SearchButtons form={form} onCleared={onReset ?? (() => onSearch({} as V))} />
              {extra}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
