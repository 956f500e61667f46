// 历史考核结果查询 (seed 002 §1.10): any cycle of the province, the columns 考核周期, 姓名, 证件号码, 执业类别, 考核程序,
// 考核状态, 免考状态, 考核结果, with a filter on each; 查看 (and 下载证书 / 打印 for 合格); 导出; 批量下载证书 of the filtered
// set as one PDF. The institution sees its own; the authority its jurisdiction (区划 and 机构 filters).
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { enrolmentStatusLabels, practiceCategoryLabels } from '../../../../common/enums';
import { progressProcedureLabels, progressResultLabels, progressStatuses } from '../../../../common/schemas/assessment-progress';
import { certificateStatusLabels, type HistoryItem } from '../../../../common/schemas/certificates';
import { exemptionStatusLabels } from '../../../../common/schemas/registration';
import { historyCertificateCount, historyExportUrl, historyPdfUrl, useHistoryList, type HistorySearch } from '../../api/certificates';
import { errorMessage } from '../../api/client';
import { downloadUrl } from '../../lib/download';
import { labelOptions } from '../../lib/options';
import { LoadFailed } from '../LoadFailed';
import { ProgressInstitutionSelect } from '../progress/ProgressInstitutionSelect';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { FILTER_COL, SearchButtons } from '../SearchButtons';
import { CertificateModal } from './CertificateModal';

type Filters = Omit<HistorySearch, 'cycleId'>;

const statusOptions = progressStatuses.map((s) => ({ value: s, label: enrolmentStatusLabels[s] }));

export function HistoryPage({ regionRoot }: { regionRoot?: string }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [cycleId, setCycleId] = useState<number | undefined>(undefined);
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [viewing, setViewing] = useState<HistoryItem | null>(null);
  const list = useHistoryList({ cycleId, ...filters, ...paging });
  const total = list.data?.total ?? 0;
  const search = { cycleId: cycleId ?? list.data?.cycleId ?? undefined, ...filters };

  const [counting, setCounting] = useState(false);
  const batchDownload = async () => {
    setCounting(true);
    try {
      const { count, limit } = await historyCertificateCount(search);
      if (count === 0) return void message.warning('当前筛选结果中没有有效的合格证书');
      if (count > limit) return void message.warning(`符合条件的合格证书有${count}份，一次最多下载${limit}份，请缩小筛选范围`);
      modal.confirm({
        title: '批量下载证书',
        content: `将当前筛选结果中的 ${count} 份有效合格证书合并为一个PDF（${count}页）下载，边生成边下载，进度见浏览器的下载列表。`,
        okText: '下载',
        cancelText: '取消',
        onOk: () => downloadUrl(historyPdfUrl(search)),
      });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCounting(false);
    }
  };

  const columns = [
    { title: '序号', key: 'n', width: 64, render: (_: unknown, __: HistoryItem, i: number) => (paging.page - 1) * paging.pageSize + i + 1 },
    { title: '考核周期', dataIndex: 'cycleName', width: 130 },
    ...(regionRoot ? [{ title: '医疗卫生机构', dataIndex: 'institutionName', width: 220 }] : []),
    { title: '姓名', dataIndex: 'name' },
    { title: '证件号码', dataIndex: 'idNumberMasked', width: 130 },
    { title: '执业类别', dataIndex: 'practiceCategory', render: (v: HistoryItem['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '考核程序', dataIndex: 'procedure', render: (v: HistoryItem['procedure']) => progressProcedureLabels[v] },
    { title: '考核状态', dataIndex: 'status', render: (v: HistoryItem['status']) => enrolmentStatusLabels[v] },
    { title: '免考状态', dataIndex: 'exemptionStatus', render: (v: HistoryItem['exemptionStatus']) => exemptionStatusLabels[v] },
    {
      title: '考核结果',
      dataIndex: 'result',
      render: (v: HistoryItem['result'], r: HistoryItem) => (
        <Space size={4}>
          <Tag color={v === 'passed' ? 'green' : v === 'failed' ? 'red' : undefined}>{progressResultLabels[v]}</Tag>
          {r.certificate?.status === 'revoked' && <Tag color="red">证书{certificateStatusLabels.revoked}</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right' as const,
      width: 90,
      render: (_: unknown, r: HistoryItem) => (
        <Button type="link" size="small" aria-label={`查看 ${r.name}`} onClick={() => setViewing(r)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <Form<Filters>
        form={form}
        name="historyFilter"
        labelCol={{ flex: '76px' }}
        onFinish={(values) => {
          setFilters(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Filters);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Row gutter={16}>
          <Col {...FILTER_COL}>
            <Form.Item label="考核周期">
              <Select
                aria-label="考核周期"
                value={cycleId ?? list.data?.cycleId ?? undefined}
                options={(list.data?.cycles ?? []).map((c) => ({ value: c.id, label: c.isCurrent ? `${c.name}（本届）` : c.name }))}
                onChange={(v: number) => {
                  setCycleId(v);
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
              />
            </Form.Item>
          </Col>
          {regionRoot && (
            <>
              <Col {...FILTER_COL}>
                <Form.Item name="regionCode" label="区划">
                  <RegionTreeSelect rootCode={regionRoot} placeholder="全部" />
                </Form.Item>
              </Col>
              <Col {...FILTER_COL}>
                <Form.Item name="institutionId" label="机构">
                  <ProgressInstitutionSelect />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...FILTER_COL}>
            <Form.Item name="name" label="姓名">
              <Input allowClear maxLength={64} placeholder="请输入" />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="idNumber" label="证件号码">
              <Input allowClear maxLength={18} placeholder="完整号码或后四位" />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="practiceCategory" label="执业类别">
              <Select allowClear placeholder="全部" options={labelOptions(practiceCategoryLabels)} />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="procedure" label="考核程序">
              <Select allowClear placeholder="全部" options={labelOptions(progressProcedureLabels)} />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="status" label="考核状态">
              <Select allowClear placeholder="全部" options={statusOptions} />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="exemptionStatus" label="免考状态">
              <Select allowClear placeholder="全部" options={labelOptions(exemptionStatusLabels)} />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <Form.Item name="result" label="考核结果">
              <Select allowClear placeholder="全部" options={labelOptions(progressResultLabels)} />
            </Form.Item>
          </Col>
          <Col {...FILTER_COL}>
            <SearchButtons form={form} onCleared={() => setFilters({})} />
          </Col>
        </Row>
      </Form>
      <Flex justify="space-between" align="center" wrap gap={8} className="history-actions">
        <Typography.Text type="secondary">共 {total} 条{list.data?.totalCapped ? '以上' : ''}</Typography.Text>
        <Space wrap>
          <Button icon={<FilePdfOutlined />} disabled={total === 0} loading={counting} onClick={() => void batchDownload()}>
            批量下载证书
          </Button>
          <Button icon={<DownloadOutlined />} disabled={total === 0} onClick={() => downloadUrl(historyExportUrl(search))}>
            导出
          </Button>
        </Space>
      </Flex>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <Table<HistoryItem>
          rowKey="enrolmentId"
          loading={list.isFetching}
          dataSource={list.data?.items}
          columns={columns}
          scroll={{ x: regionRoot ? 1400 : 1200 }}
          locale={{ emptyText: '暂无考核结果' }}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total, showSizeChanger: true, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        />
      )}
      <CertificateModal item={viewing} canRevoke={list.data?.canRevoke} onClose={() => setViewing(null)} />
    </Card>
  );
}
