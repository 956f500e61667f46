// 历史考核结果查询 (seed 002 §1.10): any cycle of the province, the columns 考核周期, 姓名, 证件号码, 执业类别, 考核程序,
// 考核状态, 免考状态, 考核结果, with a filter on each; 查看 (and 下载证书 / 打印 for 合格); 导出; 批量下载证书 of the filtered
// set as one PDF. The institution sees its own; the authority its jurisdiction (区划 and 机构 filters).
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { enrolmentStatusLabels, practiceCategoryLabels } from '../../../../common/enums';
import { progressProcedureLabels, progressResultLabels, progressStatuses } from '../../../../common/schemas/assessment-progress';
import { certificateStatusLabels, historyFiltersShape, type HistoryItem } from '../../../../common/schemas/certificates';
import { exemptionStatusLabels } from '../../../../common/schemas/registration';
import { historyCertificateCount, historyExportUrl, historyPdfUrl, useHistoryList, type HistorySearch } from '../../api/certificates';
import { errorMessage } from '../../api/client';
import { downloadUrl } from '../../lib/download';
import { LoadFailed } from '../LoadFailed';
import { ProgressInstitutionSelect } from '../progress/ProgressInstitutionSelect';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { ExportButton } from '../list/ExportButton';
import { FilterForm } from '../list/FilterForm';
import { idNumberField, nameField, practiceCategoryField, selectField } from '../list/filterFields';
import { ListTable } from '../list/ListTable';
import { searchValues } from '../list/searchValues';
import { totalText } from '../list/totalText';
import { CertificateModal } from './CertificateModal';

type Filters = Omit<HistorySearch, 'cycleId'>;

const statusOptions = progressStatuses.map((s) => ({ value: s, label: enrolmentStatusLabels[s] }));

export function HistoryPage({ regionRoot }: { regionRoot?: string }) {
  const { modal, message } = App.useApp();
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
      <FilterForm<Filters>
        name="historyFilter"
        onSearch={(values) => {
          setFilters(searchValues<Filters>(values));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        fields={[
          {
            label: '考核周期',
            input: (
              <Select
                aria-label="考核周期"
                value={cycleId ?? list.data?.cycleId ?? undefined}
                options={(list.data?.cycles ?? []).map((c) => ({ value: c.id, label: c.isCurrent ? `${c.name}（本届）` : c.name }))}
                onChange={(v: number) => {
                  setCycleId(v);
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
              />
            ),
          },
          regionRoot && { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={regionRoot} placeholder="全部" /> },
          regionRoot && { name: 'institutionId', label: '机构', input: <ProgressInstitutionSelect /> },
          nameField(),
          idNumberField(historyFiltersShape.idNumber),
          practiceCategoryField(),
          selectField('procedure', '考核程序', progressProcedureLabels),
          { name: 'status', label: '考核状态', input: <Select allowClear placeholder="全部" options={statusOptions} /> },
          selectField('exemptionStatus', '免考状态', exemptionStatusLabels),
          selectField('result', '考核结果', progressResultLabels),
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} className="history-actions">
        <Typography.Text type="secondary">{totalText(total, list.data?.totalCapped)}</Typography.Text>
        <Space wrap>
          <Button icon={<FilePdfOutlined />} disabled={total === 0} loading={counting} onClick={() => void batchDownload()}>
            批量下载证书
          </Button>
          <ExportButton url={historyExportUrl(search)} total={total} />
        </Space>
      </Flex>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ListTable<HistoryItem>
          rowKey="enrolmentId"
          loading={list.isFetching}
          items={list.data?.items}
          columns={columns}
          scroll={{ x: regionRoot ? 1400 : 1200 }}
          emptyText="暂无考核结果"
          total={total}
          totalCapped={list.data?.totalCapped}
          paging={paging}
          onPagingChange={setPaging}
        />
      )}
      <CertificateModal item={viewing} canRevoke={list.data?.canRevoke} onClose={() => setViewing(null)} />
    </Card>
  );
}
