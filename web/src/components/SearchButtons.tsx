import { Button, Space, type FormInstance } from 'antd';

/**
 * The column of one filter field: two per row below 1200 px (at 1024 px, the manuals' minimum, three would cut the
 * placeholders and date ranges), three up to 1600 px, then four.
 */
export const FILTER_COL = { xs: 24, sm: 12, xl: 8, xxl: 6 } as const;

/** 查询 (submits the filter form it sits in) and 重置 (clears the form, then `onCleared` searches without filters). */
export function SearchButtons({ form, onCleared }: { form: FormInstance; onCleared: () => void }) {
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
