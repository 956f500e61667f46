import { Button, Space, type FormInstance } from 'antd';

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
