import { Col, Form, Input, Row, Select } from 'antd';
import { practiceCategoryLabels } from '../../../../../common/enums';
import { paperKindLabels } from '../../../../../common/papers';
import { questionTypeLabels } from '../../../../../common/question-bank';
import { bankStatusLabels, type BankFilters } from '../../../../../common/schemas/question-bank';
import { FILTER_COL, SearchButtons } from '../../../components/SearchButtons';
import { labelOptions } from '../../../lib/options';

/** 题库 filters: 试卷, 题型, 执业类别, 关键字 (题干 or 共用题干), 状态; 查询 / 重置. */
export function BankFilterForm({ onSearch }: { onSearch: (filters: BankFilters) => void }) {
  const [form] = Form.useForm<BankFilters>();
  const submit = (values: BankFilters) => onSearch({ ...values, keyword: values.keyword?.trim() || undefined });
  return (
    <Form form={form} name="bankFilter" onFinish={submit} labelCol={{ flex: '80px' }} className="bank-filters">
      <Row gutter={16}>
        <Col {...FILTER_COL}>
          <Form.Item name="paper" label="试卷">
            <Select placeholder="全部" allowClear options={labelOptions(paperKindLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="type" label="题型">
            <Select placeholder="全部" allowClear options={labelOptions(questionTypeLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="practiceCategory" label="执业类别">
            <Select placeholder="全部" allowClear options={labelOptions(practiceCategoryLabels)} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="keyword" label="关键字">
            <Input placeholder="题干或共用题干" allowClear maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...FILTER_COL}>
          <Form.Item name="status" label="状态">
            <Select placeholder="启用和停用" allowClear options={labelOptions(bankStatusLabels)} />
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
