import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useState } from 'react';
import type { BankFilters } from '../../../../../common/schemas/question-bank';
import { errorMessage } from '../../../api/client';
import { bankExportUrl, useBankCounts, useBankList } from '../../../api/questionBank';
import { LoadFailed } from '../../../components/LoadFailed';
import { ExportButton } from '../../../components/list/ExportButton';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/useListState';
import { BankCountsTable } from './BankCountsTable';
import { BankFilterForm } from './BankFilterForm';
import { BankTable } from './BankTable';
import { ImportBankModal } from './ImportBankModal';
import { ItemDrawer } from './ItemDrawer';
import { PreviewModal } from './PreviewModal';
import './question-bank.css';

/** 题库管理 (provincial authority): counts per bank and 题型, the filtered list, 新增 / 编辑 / 预览 / 停用 / 启用, 批量导入, 导出. */
export function QuestionBankPage() {
  const { search, setSearch, list, table } = useListState<BankFilters, ReturnType<typeof useBankList>>(useBankList);
  /** undefined: closed; null: 新增; a number: 编辑 of that item. */
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [previewing, setPreviewing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const counts = useBankCounts();

  return (
    <Flex vertical gap={16}>
      <Card title="启用题目数量" size="small">
        {counts.isError ? (
          <LoadFailed message={errorMessage(counts.error)} onRetry={() => void counts.refetch()} />
        ) : (
          <BankCountsTable counts={counts.data?.counts ?? []} loading={counts.isFetching} />
        )}
      </Card>
      <ListPage
        filters={<BankFilterForm onSearch={setSearch} />}
        title="题库"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新增试题
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
            <ExportButton url={bankExportUrl(search)} total={list.data?.total} />
          </Space>
        }
        list={list}
        after={
          <>
            <ItemDrawer id={editing} onClose={() => setEditing(undefined)} />
            <PreviewModal id={previewing} onClose={() => setPreviewing(null)} />
            <ImportBankModal open={importing} onClose={() => setImporting(false)} />
          </>
        }
      >
        <BankTable
          {...table}
          onPreview={setPreviewing}
          onEdit={setEditing}
        />
      </ListPage>
    </Flex>
  );
}
