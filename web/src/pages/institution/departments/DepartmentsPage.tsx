import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../../../common/schemas/departments';
import { useDepartmentList } from '../../../api/departments';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/useListState';
import { DepartmentFilterForm, type DepartmentFilters } from './DepartmentFilterForm';
import { DepartmentFormModal } from './DepartmentFormModal';
import { DepartmentTable } from './DepartmentTable';
import './departments.css';

/** 科室信息 (seed 002 §1.3): the institution's departments, each with its 诊疗科目; 创建科室, 编辑, 停用 / 启用, 删除. */
export function DepartmentsPage() {
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const { setSearch, list, table } = useListState<DepartmentFilters, ReturnType<typeof useDepartmentList>>(useDepartmentList);

  return (
    <ListPage
      filters={<DepartmentFilterForm onSearch={setSearch} />}
      title="科室信息"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          创建科室
        </Button>
      }
      header={<p className="department-tip">科室信息用于医师完善报名信息，医师只能选择已启用的科室；已有医师的科室不能删除，可先停用。</p>}
      list={list}
      after={<DepartmentFormModal department={editing} onClose={() => setEditing(null)} />}
    >
      <DepartmentTable
        {...table}
        onEdit={setEditing}
      />
    </ListPage>
  );
}
