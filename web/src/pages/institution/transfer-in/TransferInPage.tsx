import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { transferIdNumberBodySchema } from '../../../../../common/schemas/physician';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { useTransferSearch } from '../../../api/physicians';
import { LoadFailed } from '../../../components/LoadFailed';
import { zodRule } from '../../../lib/zodRule';
import { TransferTable } from './TransferTable';
import './transfer-in.css';

/** 调入医师 (seed 004 slide 9): find a physician by 证件号码; one whom the previous institution transferred out can be 调入. */
export function TransferInPage() {
  // 新增医师 sends here the number it found already registered (in router state, not in the address).
  const handedOver = (useLocation().state as { idNumber?: string } | null)?.idNumber ?? '';
  const [form] = Form.useForm<{ idNumber: string }>();
  const [idNumber, setIdNumber] = useState(handedOver);
  const search = useTransferSearch(idNumber);
  // 查询 again with the same number asks the server again (the physician may have been transferred out since).
  const find = (value: string) => (value === idNumber ? void search.refetch() : setIdNumber(value));
  // A number the server rejects (e.g. a wrong check digit) is the field's problem, not a failed load.
  const rejected = isApiRequestError(search.error) && search.error.status === 400 ? (search.error.fields.idNumber ?? search.error.message) : null;

  return (
    <Card title="调入医师">
      <Flex vertical gap={16}>
        <Form form={form} name="transferSearch" layout="inline" initialValues={{ idNumber: handedOver }} onFinish={(v) => find(v.idNumber.trim())} className="transfer-search">
          <Form.Item
            name="idNumber"
            label="证件号码"
            rules={[zodRule(transferIdNumberBodySchema.shape.idNumber)]}
            {...(rejected && !search.isFetching ? { validateStatus: 'error' as const, help: rejected } : {})}
          >
            <Input placeholder="输入15位或18位身份证号" allowClear maxLength={32} className="transfer-id-input" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isFetching}>
              查询
            </Button>
          </Form.Item>
        </Form>
        <Alert
          type="info"
          showIcon
          title={
            <ul className="transfer-notes">
              <li>1、医师被原单位调离，新单位才能调入本单位</li>
              <li>2、医师列表无【调入】按钮，需联系原单位先调离。</li>
            </ul>
          }
        />
        {search.isError && !rejected ? (
          <LoadFailed message={errorMessage(search.error)} onRetry={() => void search.refetch()} />
        ) : (
          <TransferTable items={search.data?.items ?? []} idNumber={idNumber} searched={idNumber !== '' && !rejected} loading={search.isFetching} />
        )}
      </Flex>
    </Card>
  );
}
