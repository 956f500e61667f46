import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useState } from 'react';
import type { InstitutionFilters } from '../../../../../common/schemas/institution';
import { errorMessage } from '../../../api/client';
import { institutionExportUrl, useInstitutionList } from '../../../api/institutions';
import { useCurrentUser } from '../../../auth/currentUser';
import { LoadFailed } from '../../../components/LoadFailed';
import { downloadUrl } from '../../../lib/download';
import { CreateInstitutionModal } from './CreateInstitutionModal';
import { ImportInstitutionsModal } from './ImportInstitutionsModal';
import { InstitutionFilterForm } from './InstitutionFilterForm';
import { InstitutionTable, type Paging } from './InstitutionTable';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';
import './institutions.css';

/** 机构账号: the institutions of the jurisdiction, their accounts, 新增机构, 批量导入, 导出. */
export function InstitutionsPage() {
  const me = useCurrentUser();
  const rootCode = me.organization?.regionCode ?? '';
  const [filters, setFilters] = useState<InstitutionFilters>({});
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const list = useInstitutionList({ ...filters, ...paging });
  const searched = useRefetchOnSearch(list.refetch);

  return (
    <Flex vertical gap={16}>
      <Card>
        <InstitutionFilterForm
          rootCode={rootCode}
          onSearch={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
            searched();
          }}
        />
      </Card>
      <Card
        title="机构账号"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              新增机构
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
              批量导入
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => downloadUrl(institutionExportUrl(filters))}>
              导出
            </Button>
          </Space>
        }
      >
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <InstitutionTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            paging={paging}
            onPagingChange={setPaging}
          />
        )}
      </Card>
      <CreateInstitutionModal open={dialog === 'create'} rootCode={rootCode} onClose={() => setDialog(null)} />
      <ImportInstitutionsModal open={dialog === 'import'} onClose={() => setDialog(null)} />
    </Flex>
  );
}
