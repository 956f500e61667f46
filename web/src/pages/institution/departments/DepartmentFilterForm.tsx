import { Form, Input, Select } from 'antd';
import type { DepartmentStatus } from '../../../../../common/enums';
import { departmentStatusListLabels } from '../../../../../common/schemas/departments';
import { labelOptions } from '../../../lib/options';
import { SearchButtons } from '../../../components/SearchButtons';

export interface DepartmentFilters {
  name?: string;
  status?: DepartmentStatus;
}

/** 名称, 状态; 查询 / 重置. */
export function DepartmentFilterForm({ onSearch }: { onSearch: (filters: DepartmentFilters) => void }) {
  const [form] = Form.useForm<DepartmentFilters>();
  return (
    <Form
      form={form}
      name="departmentFilters"
      layout="inline"
      className="department-filters"
      onFinish={(values) => onSearch({ name: values.name?.trim() || undefined, status: values.status })}
    >
      <Form.Item name="name" label="名称">
        <Input placeholder="请输入科室名称" allowClear maxLength={64} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select placeholder="全部" allowClear options={labelOptions(departmentStatusListLabels)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item>
        <SearchButtons form={form} onCleared={() => onSearch({})} />
      </Form.Item>
    </Form>
  );
}
