// The one ECharts binding of the client: echarts/core with only the charts and components the pages draw, so this
// module (and every chart) is its own lazily loaded chunk, fetched by the pages that draw charts and by no other.
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

echarts.use([BarChart, FunnelChart, GaugeChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, read out by screen readers (ECharts adds the data description). */
  label: string;
  /** A click on a data item (a bar, a slice) with its index in the data. */
  onItemClick?: (dataIndex: number) => void;
  style?: CSSProperties;
}

/** A chart drawn as SVG (crisp text at any zoom), with Chinese built-in texts and resized with its container. */
export function Chart({ option, height, label, onItemClick, style }: ChartProps) {
  return (
    <div role="img" aria-label={label} className="chart">
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true }, ...option }}
        notMerge
        opts={{ renderer: 'svg', locale: 'ZH' }}
        style={{ height, width: '100%', ...style }}
        onEvents={onItemClick ? { click: (event: { dataIndex: number }) => onItemClick(event.dataIndex) } : undefined}
      />
    </div>
  );
}
