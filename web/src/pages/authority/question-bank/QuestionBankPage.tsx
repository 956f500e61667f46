import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useState } from 'react';
import type { BankFilters } from '../../../../../common/schemas/question-bank';
import type { Paging } from '../../../../../common/schemas/pagination';
import { errorMessage } from '../../../api/client';
import { bankExportUrl, useBankCounts, useBankList } from '../../../api/questionBank';
import { LoadFailed } from '../../../components/LoadFailed';
import { downloadUrl } from '../../../lib/download';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';
import { BankCountsTable } from './BankCountsTable';
import { BankFilterForm } from './BankFilterForm';
import { BankTable } from './BankTable';
import { ImportBankModal } from './ImportBankModal';
import { ItemDrawer } from './ItemDrawer';
import { PreviewModal } from './PreviewModal';
import './question-bank.css';

/** 题库管理 (provincial authority): counts per bank and 题型, the filtered list, 新增 / 编辑 / 预览 / 停用 / 启用, 批量导入, 导出. */
export function QuestionBankPage() {
  const [filters, setFilters] = useState<BankFilters>({});
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  /** undefined: closed; null: 新增; a number: 编辑 of that item. */
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [previewing, setPreviewing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useBankList({ ...filters, ...paging });
  const counts = useBankCounts();
  const searched = useRefetchOnSearch(list.refetch);

  if (list.isError && !list.data) return <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Card title="启用题目数量" size="small">
        {counts.isError ? (
          <LoadFailed message={errorMessage(counts.error)} onRetry={() => void counts.refetch()} />
        ) : (
          <BankCountsTable counts={counts.data?.counts ?? []} loading={counts.isFetching} />
        )}
      </Card>
      <Card>
        <BankFilterForm
          onSearch={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
            searched();
          }}
        />
      </Card>
      <Card
        title="题库"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新增试题
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => downloadUrl(bankExportUrl(filters))}>
              导出
            </Button>
          </Space>
        }
      >
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <BankTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            paging={paging}
            onPagingChange={setPaging}
            onPreview={setPreviewing}
            onEdit={setEditing}
          />
        )}
      </Card>
      <ItemDrawer id={editing} onClose={() => setEditing(undefined)} />
      <PreviewModal id={previewing} onClose={() => setPreviewing(null)} />
      <ImportBankModal open={importing} onClose={() => setImporting(false)} />
    </Flex>
  );
}
