// The charts of 考核统计, loaded lazily with ECharts: the status funnel, the bars by region / institution / 科室 (a click
// drills down like the table), the 考核状态 split and the daily 报名 / 审核 / 测评 line.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Tooltip } from 'antd';
import {
  dailySeriesHelp,
  dailySeriesKeys,
  dailySeriesLabels,
  statisticsFigureLabels,
  type Statistics,
  type StatisticsDaily,
  type StatisticsRow,
} from '../../../../common/schemas/statistics';
import { Chart, type ChartOption } from './Chart';

const palette = ['#1a5fb4', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1'];
/** Bars shown at most; the rows with the most 应参考 first. */
const MAX_BARS = 15;

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part * 1000) / whole) / 10}%`);

function funnelOption(total: StatisticsRow): ChartOption {
  const f = total.figures;
  const steps = [
    { name: statisticsFigureLabels.enrolled, value: f.enrolled },
    { name: statisticsFigureLabels.submitted, value: f.submitted },
    { name: statisticsFigureLabels.reviewed, value: f.reviewed },
    { name: statisticsFigureLabels.tested, value: f.tested },
    { name: statisticsFigureLabels.passed, value: f.passed },
  ];
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}：${p.value} 人<br/>占应参考 ${share(p.value, f.enrolled)}` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '8%',
        width: '84%',
        minSize: '30%',
        label: { show: true, position: 'inside', formatter: '{b} {c}', color: '#fff' },
        data: steps,
      },
    ],
  };
}

function barsOption(rows: StatisticsRow[]): ChartOption {
  const keys = ['enrolled', 'submitted', 'reviewed', 'passed'] as const;
  const shown = [...rows].reverse();
  return {
    color: palette,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '人', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
    series: keys.map((key) => ({ type: 'bar', name: statisticsFigureLabels[key], data: shown.map((r) => r.figures[key]), barMaxWidth: 14 })),
  };
}

function splitOption(total: StatisticsRow): ChartOption {
  const f = total.figures;
  // A partition of 应参考: 已报名 = 审核中 + 已审核, 已审核 = 待测评 + 补考中 + 合格 + 不合格.
  const slices = [
    { name: '未报名', value: f.enrolled - f.submitted },
    { name: '审核中', value: f.submitted - f.reviewed },
    { name: '待测评', value: f.awaitingTest },
    { name: '补考中', value: f.pendingRetakeConfirmation + f.awaitingRetake },
    { name: '合格', value: f.passed },
    { name: '不合格', value: f.failed },
  ];
  return {
    color: ['#bfbfbf', '#faad14', '#1a5fb4', '#722ed1', '#52c41a', '#f5222d'],
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}：${p.value} 人（${p.percent}%）` },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 10, itemGap: 8 },
    series: [
      {
        type: 'pie',
        radius: ['34%', '56%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        minShowLabelAngle: 4,
        label: { formatter: '{b} {c}', overflow: 'none' },
        labelLine: { length: 8, length2: 6 },
        data: slices.filter((slice) => slice.value > 0),
      },
    ],
  };
}

function dailyOption(daily: StatisticsDaily): ChartOption {
  return {
    color: palette,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: daily.days.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', name: '人', minInterval: 1 },
    series: dailySeriesKeys.map((key) => ({ type: 'line', name: dailySeriesLabels[key], showSymbol: daily.days.length <= 31, data: daily.days.map((d) => d[key]) })),
  };
}

export interface StatisticsChartsProps {
  data: Statistics;
  daily: StatisticsDaily | undefined;
  onDrill: (row: StatisticsRow) => void;
}

/** Four charts of the scope shown in the table beside them. */
export default function StatisticsCharts({ data, daily, onDrill }: StatisticsChartsProps) {
  const total = data.total;
  const bars = [...data.rows].sort((a, b) => b.figures.enrolled - a.figures.enrolled).slice(0, MAX_BARS);
  const barsTitle = data.rows.length > MAX_BARS ? `按${data.rowHeader}（应参考人数前${MAX_BARS}）` : `按${data.rowHeader}`;
  const empty = total.figures.enrolled === 0;
  return (
    <Row gutter={[16, 16]} className="statistics-charts">
      <Col xs={24} xl={8}>
        <Card size="small" title="考核进度漏斗">
          {empty ? <Empty description="暂无参加考核的医师" /> : <Chart label="考核进度漏斗：应参考、已报名、已审核、已测评、合格人数" height={280} option={funnelOption(total)} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title="考核状态分布">
          {empty ? <Empty description="暂无参加考核的医师" /> : <Chart label="考核状态分布：未报名、审核中、待测评、补考中、合格、不合格人数" height={280} option={splitOption(total)} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title="每日报名 / 审核 / 测评人数"
          extra={
            <Tooltip title={dailySeriesKeys.map((key) => `${dailySeriesLabels[key]}：${dailySeriesHelp[key]}`).join('；')}>
              <QuestionCircleOutlined aria-label="每日人数说明" />
            </Tooltip>
          }
        >
          {daily && daily.days.length > 0 ? (
            <Chart label="每日报名、审核、测评人数" height={280} option={dailyOption(daily)} />
          ) : (
            <Empty description="考核安排尚未开始" />
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={barsTitle}>
          {bars.length === 0 ? (
            <Empty description="暂无数据" />
          ) : (
            <Chart
              label={`${barsTitle}：应参考、已报名、已审核、合格人数，点击可查看下级`}
              height={Math.max(200, 60 + bars.length * 34)}
              option={barsOption(bars)}
              onItemClick={(index) => {
                const row = [...bars].reverse()[index];
                if (row?.drill) onDrill(row);
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
