import { Alert, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { progressExportUrl, useProgressList, type ProgressSearch } from '../../api/progress';
import { ExportButton } from '../list/ExportButton';
import { useListState } from '../list/useListState';
import { LoadFailed } from '../LoadFailed';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { PhysicianDrawer } from '../roster/PhysicianDrawer';
import { ProgressFilterForm } from './ProgressFilterForm';
import { ProgressInstitutionSelect } from './ProgressInstitutionSelect';
import { ProgressTable } from './ProgressTable';
import { useCurrentUser } from '../../auth/currentUser';
import type { HistoryItem } from '../../../../common/schemas/certificates';
import { CertificateModal } from '../certificates/CertificateModal';

export interface ProgressScopeProps {
  /** The institution's 科室 options (the 科室 filter). */
  departments?: { value: number; label: string }[];
  /** The label of the institution picker: 卫生机构 (assessor) or 机构 (authority); none for an institution. */
  institutionLabel?: string;
  /** The authority's region: the 区划 filter offers it and what lies below. */
  regionRoot?: string;
}

/**
 * 考核进度 (seed 003 §2.2.9, seed 002 §1.9, seed 004 slide 19): the current cycle's enrolled physicians with their
 * 考核程序, 考核状态, 免考状态 and 考核结果; filters, server-side pages, 导出, and 查看 opens the physician's record.
 */
export function ProgressPage({ departments, institutionLabel, regionRoot }: ProgressScopeProps) {
  const [viewing, setViewing] = useState<number | null>(null);
  const [printing, setPrinting] = useState<HistoryItem | null>(null);
  const me = useCurrentUser();
  const { search, setSearch, list, table } = useListState<ProgressSearch, ReturnType<typeof useProgressList>>(useProgressList);
  const noCycle = list.data && !list.data.cycle;

  return (
    <Flex vertical gap={16}>
      {noCycle && <Alert type="warning" showIcon title="本省当前没有考核周期" description="卫生行政部门设置当前考核周期、医疗卫生机构确认医师参加后，这里将显示医师的考核进度。" />}
      <Card title="总体进度" extra={list.data?.cycle && <Typography.Text type="secondary">考核周期：{list.data.cycle.name}</Typography.Text>}>
        <ProgressFilterForm
          departments={departments}
          regionSelect={regionRoot ? <RegionTreeSelect rootCode={regionRoot} placeholder="全部" /> : undefined}
          institutionSelect={institutionLabel ? { label: institutionLabel, input: <ProgressInstitutionSelect /> } : undefined}
          onSearch={setSearch}
          extra={<ExportButton url={progressExportUrl(search)} total={list.data?.total} />}
        />
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <ProgressTable
            {...table}
            showInstitution={Boolean(institutionLabel)}
            emptyText={noCycle ? '当前没有考核周期' : Object.keys(search).length > 0 ? '没有符合条件的医师' : '本周期暂无已确认参加考核的医师'}
            onViewPhysician={setViewing}
            onPrint={
              me.role === 'assessor'
                ? undefined
                : ({ age: _age, ...row }) => setPrinting({ ...row, cycleName: list.data?.cycle?.name ?? '', certificate: null })
            }
          />
        )}
      </Card>
      <PhysicianDrawer id={viewing} onClose={() => setViewing(null)} />
      <CertificateModal item={printing} onClose={() => setPrinting(null)} />
    </Flex>
  );
}
