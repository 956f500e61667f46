import { Form, Input, Select } from 'antd';
import { noticeCategoryLabels, noticeStatusLabels, type NoticeCategory, type NoticeStatus } from '../../../../../common/schemas/notices';
import { labelOptions } from '../../../lib/options';
import { SearchButtons } from '../../../components/SearchButtons';

export interface NoticeFilters {
  title?: string;
  category?: NoticeCategory;
  status?: NoticeStatus;
}

/** 标题, 类别, 状态; 查询 / 重置. */
export function NoticeFilterForm({ onSearch }: { onSearch: (filters: NoticeFilters) => void }) {
  const [form] = Form.useForm<NoticeFilters>();
  return (
    <Form
      form={form}
      name="noticeFilters"
      layout="inline"
      className="notice-filters"
      onFinish={(values) => onSearch({ ...values, title: values.title?.trim() || undefined })}
    >
      <Form.Item name="title" label="标题">
        <Input placeholder="请输入标题" allowClear maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="类别">
        <Select placeholder="全部" allowClear options={labelOptions(noticeCategoryLabels)} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select placeholder="全部" allowClear options={labelOptions(noticeStatusLabels)} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item>
        <SearchButtons form={form} onCleared={() => onSearch({})} />
      </Form.Item>
    </Form>
  );
}
