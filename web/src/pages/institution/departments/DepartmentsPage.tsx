import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import type { Department, DepartmentListQuery } from '../../../../../common/schemas/departments';
import { errorMessage } from '../../../api/client';
import { useDepartmentList } from '../../../api/departments';
import { LoadFailed } from '../../../components/LoadFailed';
import { DepartmentFilterForm, type DepartmentFilters } from './DepartmentFilterForm';
import { DepartmentFormModal } from './DepartmentFormModal';
import { DepartmentTable, type Paging } from './DepartmentTable';
import { useRefetchOnSearch } from '../../../lib/useRefetchOnSearch';
import './departments.css';

/** 科室信息 (seed 002 §1.3): the institution's departments, each with its 诊疗科目; 创建科室, 编辑, 停用 / 启用, 删除. */
export function DepartmentsPage() {
  const [filters, setFilters] = useState<DepartmentFilters>({});
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const query: DepartmentListQuery = { ...filters, ...paging };
  const list = useDepartmentList(query);
  const searched = useRefetchOnSearch(list.refetch);

  return (
    <Flex vertical gap={16}>
      <Card>
        <DepartmentFilterForm
          onSearch={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
            searched();
          }}
        />
      </Card>
      <Card
        title="科室信息"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            创建科室
          </Button>
        }
      >
        <p className="department-tip">科室信息用于医师完善报名信息，医师只能选择已启用的科室；已有医师的科室不能删除，可先停用。</p>
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <DepartmentTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            paging={paging}
            onPagingChange={setPaging}
            onEdit={setEditing}
          />
        )}
      </Card>
      <DepartmentFormModal department={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
