import { Alert, Card, Col, Flex, Progress, Row, Statistic, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { enrolmentStatusLabels, practiceCategoryLabels } from '../../../../common/enums';
import {
  progressProcedureLabels,
  progressResultLabels,
  type CategorySummary,
  type ProgressSummary,
  type ProgressSummaryQuery,
} from '../../../../common/schemas/assessment-progress';
import { errorMessage } from '../../api/client';
import { useProgressSummary } from '../../api/progress';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { FilterForm } from '../list/FilterForm';
import { searchValues } from '../list/searchValues';
import type { ProgressScopeProps } from './ProgressPage';
import { ProgressInstitutionSelect } from './ProgressInstitutionSelect';
import { formatCount } from '../../lib/format';
import { useRefetchOnSearch } from '../../lib/useRefetchOnSearch';
import './progress.css';

type Scope = Partial<ProgressSummaryQuery>;

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);
const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${percent(part, whole)}%`);

interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** One breakdown: each value with its count and share of the total, and 合计. */
function CountTable({ title, first, rows, total }: { title: string; first: string; rows: CountRow[]; total: number }) {
  const columns: TableProps<CountRow>['columns'] = [
    { title: first, dataIndex: 'label', key: 'label' },
    { title: '人数', dataIndex: 'count', key: 'count', width: 88, align: 'right', render: formatCount },
    {
      title: '占比',
      key: 'share',
      width: 168,
      render: (_v, row) => <Progress percent={percent(row.count, total)} status="normal" size="small" format={(p) => `${p}%`} aria-label={`${row.label} ${percent(row.count, total)}%`} />,
    },
  ];
  return (
    <Card title={title} size="small">
      <Table<CountRow>
        className="progress-summary-table"
        rowKey="key"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatCount(total)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

const categoryColumns: TableProps<CategorySummary>['columns'] = [
  { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', render: (v: CategorySummary['practiceCategory']) => practiceCategoryLabels[v] },
  { title: '参加考核', dataIndex: 'total', key: 'total', align: 'right', render: formatCount },
  { title: '考核完成', dataIndex: 'completed', key: 'completed', align: 'right', render: formatCount },
  { title: '合格', dataIndex: 'passed', key: 'passed', align: 'right', render: formatCount },
  { title: '不合格', dataIndex: 'failed', key: 'failed', align: 'right', render: formatCount },
  { title: '完成率', key: 'completedRate', align: 'right', render: (_v, row) => rate(row.completed, row.total) },
  { title: '合格率', key: 'passedRate', align: 'right', render: (_v, row) => rate(row.passed, row.completed) },
];

function SummaryView({ summary }: { summary: ProgressSummary }) {
  const completed = summary.byStatus.find((s) => s.status === 'COMPLETED')?.count ?? 0;
  const passed = summary.byResult.find((r) => r.result === 'passed')?.count ?? 0;
  const failed = summary.byResult.find((r) => r.result === 'failed')?.count ?? 0;
  const sum = (key: 'total' | 'completed' | 'passed' | 'failed') => summary.byCategory.reduce((n, row) => n + row[key], 0);
  const tiles: { title: string; value: number | string; suffix?: string }[] = [
    { title: '参加考核医师', value: summary.total, suffix: '人' },
    { title: '已提交报名', value: summary.submitted, suffix: '人' },
    { title: '考核完成', value: completed, suffix: '人' },
    { title: '合格', value: passed, suffix: '人' },
    { title: '不合格', value: failed, suffix: '人' },
    { title: '合格率', value: rate(passed, completed) },
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col key={tile.title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={tile.title} value={tile.value} suffix={tile.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <CountTable
            title="按考核状态"
            first="考核状态"
            total={summary.total}
            rows={summary.byStatus.map((s) => ({ key: s.status, label: enrolmentStatusLabels[s.status], count: s.count }))}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <CountTable
              title="按考核程序"
              first="考核程序"
              total={summary.total}
              rows={summary.byProcedure.map((p) => ({ key: p.procedure, label: progressProcedureLabels[p.procedure], count: p.count }))}
            />
            <CountTable
              title="按考核结果"
              first="考核结果"
              total={summary.total}
              rows={summary.byResult.map((r) => ({ key: r.result, label: r.result === 'none' ? '无（考核未完成）' : progressResultLabels[r.result], count: r.count }))}
            />
          </Flex>
        </Col>
      </Row>
      <Card title="按执业类别" size="small">
        <Table<CategorySummary>
          className="progress-summary-table"
          rowKey="practiceCategory"
          size="small"
          pagination={false}
          columns={categoryColumns}
          dataSource={summary.byCategory}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {(['total', 'completed', 'passed', 'failed'] as const).map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  {formatCount(sum(key))}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={5} align="right">
                {rate(sum('completed'), sum('total'))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {rate(sum('passed'), sum('completed'))}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </Flex>
  );
}

/** The assessor's 卫生机构, the authority's 区划 and 机构: whose figures are counted. */
function ScopeForm({ institutionLabel, regionRoot, onSearch }: ProgressScopeProps & { onSearch: (scope: Scope) => void }) {
  return (
    <FilterForm<{ regionCode?: string | null; institutionId?: number | null }>
      name="progressSummaryScope"
      onSearch={(values) => onSearch(searchValues<Scope>(values))}
      fields={[
        regionRoot && { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={regionRoot} placeholder="全部" /> },
        { name: 'institutionId', label: institutionLabel ?? '机构', input: <ProgressInstitutionSelect /> },
      ]}
    />
  );
}

/**
 * 考核情况综合查询 (seed 000 §10): the scope's physicians of the current cycle counted by 考核状态, 考核程序, 考核结果 and
 * 执业类别; the assessor may pick one of its 卫生机构, the authority a 区划 or 机构 of its jurisdiction.
 */
export function ProgressSummaryPage({ institutionLabel, regionRoot }: ProgressScopeProps) {
  const [scope, setScope] = useState<Scope>({});
  const summary = useProgressSummary(scope);
  const searched = useRefetchOnSearch(summary.refetch);
  const data = summary.data;
  return (
    <Flex vertical gap={16}>
      {data && !data.cycle && <Alert type="warning" showIcon title="本省当前没有考核周期" description="设置当前考核周期并确认医师参加后，这里将按考核状态、考核程序、考核结果和执业类别统计。" />}
      <Card
        title="考核情况综合查询"
        extra={data?.cycle && <Typography.Text type="secondary">考核周期：{data.cycle.name}</Typography.Text>}
      >
        <Flex vertical gap={12}>
          {institutionLabel && (
            <ScopeForm
              institutionLabel={institutionLabel}
              regionRoot={regionRoot}
              onSearch={(next) => {
                setScope(next);
                searched();
              }}
            />
          )}
          <Typography.Text type="secondary">按当前数据实时统计；本周期考核全部完成后，统计结果为结论性数据。</Typography.Text>
        </Flex>
      </Card>
      {summary.isError ? (
        <LoadFailed message={errorMessage(summary.error)} onRetry={() => void summary.refetch()} />
      ) : data ? (
        <SummaryView summary={data} />
      ) : (
        <PageSpin />
      )}
    </Flex>
  );
}
