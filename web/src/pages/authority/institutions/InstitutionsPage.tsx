import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { InstitutionFilters } from '../../../../../common/schemas/institution';
import { institutionExportUrl, useInstitutionList } from '../../../api/institutions';
import { useCurrentUser } from '../../../auth/currentUser';
import { ExportButton } from '../../../components/list/ExportButton';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/useListState';
import { CreateInstitutionModal } from './CreateInstitutionModal';
import { ImportInstitutionsModal } from './ImportInstitutionsModal';
import { InstitutionFilterForm } from './InstitutionFilterForm';
import { InstitutionTable, type InstitutionPaging } from './InstitutionTable';
import './institutions.css';

/** 机构账号: the institutions of the jurisdiction, their accounts, 新增机构, 批量导入, 导出. */
export function InstitutionsPage() {
  const me = useCurrentUser();
  const rootCode = me.organization?.regionCode ?? '';
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const { search, setSearch, list, table } = useListState<InstitutionFilters, ReturnType<typeof useInstitutionList>, InstitutionPaging>(
    useInstitutionList,
  );

  return (
    <ListPage
      filters={<InstitutionFilterForm rootCode={rootCode} onSearch={setSearch} />}
      title="机构账号"
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            新增机构
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
            批量导入
          </Button>
          <ExportButton url={institutionExportUrl(search)} total={list.data?.total} />
        </Space>
      }
      list={list}
      after={
        <>
          <CreateInstitutionModal open={dialog === 'create'} rootCode={rootCode} onClose={() => setDialog(null)} />
          <ImportInstitutionsModal open={dialog === 'import'} onClose={() => setDialog(null)} />
        </>
      }
    >
      <InstitutionTable {...table} />
    </ListPage>
  );
}
