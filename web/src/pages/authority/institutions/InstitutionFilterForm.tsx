import { Col, Form, Input, Row, Select } from 'antd';
import { institutionLevelLabels, institutionTypeLabels } from '../../../../../common/enums';
import { accountStatusLabels, type InstitutionFilters } from '../../../../../common/schemas/institution';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';
import { labelOptions } from '../../../lib/options';
import { FILTER_COL, SearchButtons } from '../../../components/SearchButtons';

const yesNoOptions = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

interface Props {
  /** The actor's region: the 区划 tree starts there. */
  rootCode: string;
  onSearch: (filters: InstitutionFilters) => void;
}

/** 机构账号 filters: 区划, 名称, 机构类型, 机构级别, 考核机构身份, 是否已指定考核机构, 账号状态; 查询 / 重置. */
export function InstitutionFilterForm({ rootCode, onSearch }: Props) {
  const [form] = Form.useForm<InstitutionFilters>();
  const submit = (values: InstitutionFilters) => onSearch({ ...values, name: values.name?.trim() || undefined });
  return (
    <Form form={form} name="institutionFilter" onFinish={submit} labelCol={{ flex: '140px' }} className="institution-filters">
      <Row gutter={16}>
        <Col {...FILTER_COL}>
          <Form.Item name="regionCode" label="区划">
            <RegionTreeSelect rootCode={rootCode} placeholder="全部" />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="name" label="名称">
            <Input placeholder="机构名称" allowClear maxLength={128} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="type" label="机构类型">
            <Select placeholder="全部" allowClear options={labelOptions(institutionTypeLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="level" label="机构级别">
            <Select placeholder="全部" allowClear options={labelOptions(institutionLevelLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="isAssessor" label="考核机构身份">
            <Select placeholder="全部" allowClear options={yesNoOptions} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="hasAssessor" label="是否已指定考核机构">
            <Select placeholder="全部" allowClear options={yesNoOptions} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="accountStatus" label="账号状态">
            <Select placeholder="全部" allowClear options={labelOptions(accountStatusLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item>
            <SearchButtons form={form} onCleared={() => onSearch({})} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
