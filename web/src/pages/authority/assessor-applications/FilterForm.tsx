import { Col, Form, Input, Row, Select } from 'antd';
import { useCurrentUser } from '../../../auth/currentUser';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';
import '../../../components/assessor/assessor.css';
import { SearchButtons } from '../../../components/SearchButtons';

export interface Filters {
  name?: string;
  regionCode?: string;
  status?: string;
}

interface Props {
  /** The third filter: its label and options (审核状态 or 申请状态). */
  statusLabel: string;
  statusOptions: { value: string; label: string }[];
  onSearch: (filters: Filters) => void;
}

/** 名称, 区划 and a status; 查询 / 重置. */
export function FilterForm({ statusLabel, statusOptions, onSearch }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Filters>();
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
          <Form.Item name="status" label={statusLabel}>
            <Select placeholder="全部" allowClear options={statusOptions} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <SearchButtons form={form} onCleared={() => onSearch({})} />
        </Col>
      </Row>
    </Form>
  );
}
