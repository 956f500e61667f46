import { Col, Form, Input, Row, Select } from 'antd';
import { useCurrentUser } from '../../../auth/currentUser';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';
import '../../../components/assessor/assessor.css';
import { SearchButtons } from '../../../components/SearchButtons';

export interface AssignFilters {
  name?: string;
  regionCode?: string;
  assigned?: 'yes' | 'no';
}

const assignedOptions = [
  { value: 'no', label: '未指定' },
  { value: 'yes', label: '已指定' },
];

/** 名称, 区划, 是否已指定; 查询 / 重置. */
export function AssignFilterForm({ onSearch }: { onSearch: (filters: AssignFilters) => void }) {
  const me = useCurrentUser();
  const [form] = Form.useForm<AssignFilters>();
  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <Form form={form} onFinish={(v) => onSearch({ ...v, name: v.name?.trim() || undefined })} className="assessor-filters">
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="name" label="名称">
            <Input placeholder="机构名称" allowClear maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="regionCode" label="区划">
            <RegionTreeSelect rootCode={me.organization?.regionCode ?? ''} placeholder="全部" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="assigned" label="是否已指定">
            <Select placeholder="全部" allowClear options={assignedOptions} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <SearchButtons form={form} onCleared={() => onSearch({})} />
        </Col>
      </Row>
    </Form>
  );
}
