import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { procedureLabels, procedures, type PaperKind, type Procedure } from '../../../../common/papers';
import { errorMessage } from '../../api/client';
import { examProgressExportUrl, useExamProgressList } from '../../api/examProgress';
import { ExportButton } from '../list/ExportButton';
import { useListState } from '../list/useListState';
import { LoadFailed } from '../LoadFailed';
import { ProgressInstitutionSelect } from '../progress/ProgressInstitutionSelect';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { ExamProgressDrawer } from './ExamProgressDrawer';
import { ExamProgressFilterForm } from './ExamProgressFilterForm';
import { ExamProgressTable } from './ExamProgressTable';
import type { ExamProgressFilterSearch } from './examProgressFilters';

export interface ExamProgressScopeProps {
  /** The institution's 科室 options (the 科室 filter). */
  departments?: { value: number; label: string }[];
  /** The assessor's and the authority's lists span institutions: the 医疗卫生机构 filter and column. */
  acrossInstitutions?: boolean;
  /** The authority's region: the 区划 filter offers it and what lies below. */
  regionRoot?: string;
  /** The card's title: 测评进度 (the assessor's menu calls the group 考核机构考核). */
  title?: string;
}

/**
 * 测评进度 (seed 003 §2.2.9 (2), seed 002 §1.9; the assessor's 考核机构考核, seed 000 §9): tabs 一般程序 / 简易程序, one row
 * per paper each physician past review must take, with its 测评结果 and 测评状态; filters, server-side pages, 导出, and
 * 查看 opens the paper's attempts.
 */
export function ExamProgressPage({ departments, acrossInstitutions, regionRoot, title = '测评进度' }: ExamProgressScopeProps) {
  const [procedure, setProcedure] = useState<Procedure>('standard');
  const [viewing, setViewing] = useState<{ enrolmentId: number; paper: PaperKind } | null>(null);
  const { search, setSearch, firstPage, list, table } = useListState<ExamProgressFilterSearch, ReturnType<typeof useExamProgressList>>((query) =>
    useExamProgressList({ procedure, ...query }),
  );
  const noCycle = list.data && !list.data.cycle;

  return (
    <Flex vertical gap={16}>
      {noCycle && <Alert type="warning" showIcon title="本省当前没有考核周期" description="卫生行政部门设置当前考核周期后，这里将显示医师参加测评的情况。" />}
      <Card title={title} extra={list.data?.cycle && <Typography.Text type="secondary">考核周期：{list.data.cycle.name}</Typography.Text>}>
        <Tabs
          activeKey={procedure}
          onChange={(key) => {
            setProcedure(key as Procedure);
            firstPage();
          }}
          items={procedures.map((key) => ({ key, label: procedureLabels[key] }))}
        />
        <ExamProgressFilterForm
          departments={departments}
          regionSelect={regionRoot ? <RegionTreeSelect rootCode={regionRoot} placeholder="全部" /> : undefined}
          institutionSelect={acrossInstitutions ? <ProgressInstitutionSelect /> : undefined}
          onSearch={setSearch}
          extra={<ExportButton url={examProgressExportUrl({ procedure, ...search })} total={list.data?.total} />}
        />
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <ExamProgressTable
            {...table}
            showInstitution={acrossInstitutions}
            emptyText={noCycle ? '当前没有考核周期' : Object.keys(search).length > 0 ? '没有符合条件的记录' : `本周期暂无${procedureLabels[procedure]}待参加测评的医师`}
            onView={(row) => setViewing({ enrolmentId: row.enrolmentId, paper: row.paper })}
          />
        )}
      </Card>
      <ExamProgressDrawer target={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
