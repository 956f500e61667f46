// 考核统计 of the institution (by 科室), the assessor (by 委托机构) and the authority (province → city → district →
// institution): the table computed by the server with its totals row, the charts beside it (ECharts, a lazy chunk),
// a breadcrumb back up, the 考核周期 and 拆分 selectors and 导出. Where the page is lives in the URL, so 返回 works.
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Select, Skeleton, Table, Tooltip, Typography, type TableProps } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  statisticsFigureHelp,
  statisticsFigureLabels,
  statisticsRateHelp,
  statisticsRateLabels,
  statisticsSplitLabels,
  statisticsSplits,
  type StatisticsBreadcrumb,
  type StatisticsFigureKey,
  type StatisticsFigures,
  type StatisticsRateKey,
  type StatisticsRow,
  type StatisticsSplit,
} from '../../../../common/schemas/statistics';
import { errorMessage } from '../../api/client';
import { statisticsExportUrl, useStatistics, useStatisticsDaily, type StatisticsSearch } from '../../api/statistics';
import { downloadUrl } from '../../lib/download';
import { formatCount } from '../../lib/format';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';
import './statistics.css';

const StatisticsCharts = lazy(() => import('../charts/StatisticsCharts'));

const figureKeys: StatisticsFigureKey[] = ['enrolled', 'submitted', 'reviewed', 'exempted', 'awaitingTest', 'tested', 'passed', 'failed', 'pendingRetakeConfirmation', 'awaitingRetake'];
const rateKeys: StatisticsRateKey[] = ['registration', 'review', 'test', 'pass'];

/** One line of the table: a row, or one split value of it (indented under it). */
interface Line {
  key: string;
  label: string;
  figures: StatisticsFigures;
  row: StatisticsRow | null;
  children?: Line[];
}

const linesOf = (rows: StatisticsRow[]): Line[] =>
  rows.map((row) => ({
    key: row.key,
    label: row.label,
    figures: row.figures,
    row,
    children: row.parts.length ? row.parts.map((part) => ({ key: `${row.key}:${part.value}`, label: part.label, figures: part.figures, row: null })) : undefined,
  }));

const rateText = (value: number | null) => (value === null ? '—' : `${value}%`);

/** A column heading with what it counts in a tooltip. */
function Heading({ label, help }: { label: string; help: string }) {
  return (
    <Tooltip title={help}>
      <span className="statistics-heading">
        {label} <QuestionCircleOutlined aria-label={`${label}说明`} />
      </span>
    </Tooltip>
  );
}

function columnsOf(rowHeader: string, onDrill: (row: StatisticsRow) => void): TableProps<Line>['columns'] {
  return [
    {
      title: rowHeader,
      dataIndex: 'label',
      key: 'label',
      fixed: 'left',
      width: 220,
      render: (label: string, line) =>
        line.row?.drill ? (
          <Typography.Link
            onClick={(event) => {
              event.stopPropagation();
              onDrill(line.row!);
            }}
          >
            {label}
          </Typography.Link>
        ) : (
          label
        ),
    },
    ...figureKeys.map((key) => ({
      title: <Heading label={statisticsFigureLabels[key]} help={statisticsFigureHelp[key]} />,
      key,
      align: 'right' as const,
      sorter: (a: Line, b: Line) => a.figures[key] - b.figures[key],
      render: (_: unknown, line: Line) => formatCount(line.figures[key]),
    })),
    ...rateKeys.map((key) => ({
      title: <Heading label={statisticsRateLabels[key]} help={statisticsRateHelp[key]} />,
      key: `rate-${key}`,
      align: 'right' as const,
      sorter: (a: Line, b: Line) => (a.figures.rates[key] ?? -1) - (b.figures.rates[key] ?? -1),
      render: (_: unknown, line: Line) => rateText(line.figures.rates[key]),
    })),
  ];
}

/** The totals row (and its split values) under the table. */
function TotalRows({ total }: { total: StatisticsRow }) {
  const lines = [{ key: 'total', label: '合计', figures: total.figures }, ...total.parts.map((p) => ({ key: p.value, label: `合计 · ${p.label}`, figures: p.figures }))];
  return (
    <Table.Summary fixed>
      {lines.map((line, i) => (
        <Table.Summary.Row key={line.key} className={i === 0 ? 'statistics-total' : 'statistics-total-part'}>
          <Table.Summary.Cell index={0}>{line.label}</Table.Summary.Cell>
          {figureKeys.map((key, k) => (
            <Table.Summary.Cell key={key} index={k + 1} align="right">
              {formatCount(line.figures[key])}
            </Table.Summary.Cell>
          ))}
          {rateKeys.map((key, k) => (
            <Table.Summary.Cell key={key} index={k + 1 + figureKeys.length} align="right">
              {rateText(line.figures.rates[key])}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      ))}
    </Table.Summary>
  );
}

/** The search parameters of the page: which cycle, where in the scope, and the split. */
function useStatisticsSearch(): [StatisticsSearch & { split: StatisticsSplit }, (next: StatisticsSearch) => void] {
  const [params, setParams] = useSearchParams();
  const number = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const split = params.get('split');
  const search = {
    cycleId: number('cycleId'),
    regionCode: params.get('regionCode') ?? undefined,
    institutionId: number('institutionId'),
    split: (statisticsSplits as readonly string[]).includes(split ?? '') ? (split as StatisticsSplit) : 'none',
  };
  const go = (next: StatisticsSearch) => {
    const out = new URLSearchParams();
    // Always in this order, so that a place has one URL.
    for (const key of ['cycleId', 'regionCode', 'institutionId', 'split'] as const) {
      const value = next[key];
      if (value !== undefined && value !== '' && value !== 'none') out.set(key, String(value));
    }
    setParams(out);
  };
  return [search, go];
}

/** 考核统计 (seed 002/003 menu; seed 000 §10 考核结果汇总). The scope is the signed-in role's; the server checks it. */
export function StatisticsPage() {
  const [search, go] = useStatisticsSearch();
  const statistics = useStatistics(search);
  const daily = useStatisticsDaily({ cycleId: search.cycleId, regionCode: search.regionCode, institutionId: search.institutionId });
  const data = statistics.data;
  const place = { cycleId: search.cycleId, split: search.split };
  const drill = (row: StatisticsRow) => row.drill && go({ ...place, ...row.drill });
  const toCrumb = (crumb: StatisticsBreadcrumb) => go({ ...place, regionCode: crumb.regionCode, institutionId: crumb.institutionId });
  const lines = useMemo(() => linesOf(data?.rows ?? []), [data]);

  if (statistics.isError && !data) return <LoadFailed message={errorMessage(statistics.error)} onRetry={() => void statistics.refetch()} />;
  if (!data) return <PageSpin />;
  const crumbs = data.breadcrumb;
  return (
    <Flex vertical gap={16}>
      {!data.cycle && <Alert type="warning" showIcon title="本省当前没有考核周期" description="设置考核周期并确认医师参加后，这里将统计各项人数和完成率。" />}
      <Card
        title="考核统计"
        extra={
          <Flex gap={12} wrap align="center">
            <label className="statistics-control">
              <span>考核周期</span>
              <Select
                aria-label="考核周期"
                className="statistics-cycle"
                value={data.cycle?.id}
                placeholder="无考核周期"
                options={data.cycles.map((c) => ({ value: c.id, label: c.isCurrent ? `${c.name}（当前）` : c.name }))}
                onChange={(cycleId: number) => go({ cycleId, regionCode: search.regionCode, institutionId: search.institutionId, split: search.split })}
              />
            </label>
            <label className="statistics-control">
              <span>拆分</span>
              <Select
                aria-label="拆分"
                className="statistics-split"
                value={search.split}
                options={statisticsSplits.map((s) => ({ value: s, label: statisticsSplitLabels[s] }))}
                onChange={(split: StatisticsSplit) => go({ cycleId: search.cycleId, regionCode: search.regionCode, institutionId: search.institutionId, split })}
              />
            </label>
            <Button icon={<DownloadOutlined />} disabled={!data.cycle} onClick={() => downloadUrl(statisticsExportUrl(search))}>
              导出
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Breadcrumb
            className="statistics-breadcrumb"
            items={crumbs.map((crumb, i) => ({
              key: `${crumb.regionCode ?? ''}-${crumb.institutionId ?? ''}-${i}`,
              title:
                i < crumbs.length - 1 ? (
                  <Typography.Link onClick={() => toCrumb(crumb)}>{crumb.label}</Typography.Link>
                ) : (
                  <span aria-current="page">{crumb.label}</span>
                ),
            }))}
          />
          <Typography.Text type="secondary">
            {data.cycle ? `考核周期：${data.cycle.name}。` : ''}按当前数据实时统计；点击{data.rowHeader === '科室' ? '' : '行或柱形可查看下级，'}列标题上的问号说明各项口径。
          </Typography.Text>
        </Flex>
      </Card>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <StatisticsCharts data={data} daily={daily.data} onDrill={drill} />
      </Suspense>
      <Card size="small" title={`统计表（按${data.rowHeader}）`}>
        <Table<Line>
          key={`${search.split}-${crumbs.length}-${search.regionCode ?? ''}-${search.institutionId ?? ''}`}
          className="statistics-table"
          rowKey="key"
          size="small"
          loading={statistics.isFetching}
          columns={columnsOf(data.rowHeader, drill)}
          dataSource={lines}
          expandable={{ defaultExpandAllRows: true, indentSize: 16 }}
          scroll={{ x: 'max-content' }}
          pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` } : false}
          onRow={(line) => (line.row?.drill ? { onClick: () => drill(line.row!), className: 'statistics-drillable' } : {})}
          summary={() => <TotalRows total={data.total} />}
          locale={{ emptyText: data.rowHeader === '科室' ? '本周期暂无参加考核的医师' : '暂无数据' }}
        />
      </Card>
    </Flex>
  );
}
