import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import './progress.css';

interface Placed {
  institutionName: string;
  departmentName: string | null;
}

/**
 * 科室, or across institutions the institution with its 科室 under it (so that the row still fits 1366 px);
 * `institutionTitle` is the role's word for the institution (卫生机构, 医疗卫生机构).
 */
export function placeColumn<T extends Placed>(showInstitution: boolean | undefined, institutionTitle: string, departmentWidth?: number): ColumnType<T> {
  if (!showInstitution) return { title: '科室', dataIndex: 'departmentName', key: 'departmentName', width: departmentWidth, render: (v: string | null) => v ?? '—' };
  return {
    title: `${institutionTitle} / 科室`,
    key: 'institutionName',
    render: (_v, row) => (
      <div className="progress-institution">
        <span>{row.institutionName}</span>
        <Typography.Text type="secondary" className="progress-department">
          {row.departmentName ?? '—'}
        </Typography.Text>
      </div>
    ),
  };
}
