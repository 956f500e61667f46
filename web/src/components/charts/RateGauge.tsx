// A small ECharts gauge of one 考核进度 rate (首页 of the authority and the institution), in the lazy chart chunk.
import { Chart } from './Chart';

export interface RateGaugeProps {
  title: string;
  percent: number;
  color: string;
}

/** A half-ring gauge from 0 to 100% with the rate in its middle. */
export default function RateGauge({ title, percent, color }: RateGaugeProps) {
  return (
    <Chart
      label={`${title}仪表盘 ${percent}%`}
      height={96}
      style={{ width: 132 }}
      option={{
        series: [
          {
            type: 'gauge',
            name: title,
            min: 0,
            max: 100,
            startAngle: 200,
            endAngle: -20,
            radius: '100%',
            center: ['50%', '62%'],
            progress: { show: true, width: 10, itemStyle: { color } },
            axisLine: { lineStyle: { width: 10, color: [[1, '#e6e9ef']] } },
            pointer: { show: false },
            axisTick: { show: false },
            splitLine: { show: false },
            axisLabel: { show: false },
            anchor: { show: false },
            title: { show: false },
            detail: { valueAnimation: false, offsetCenter: [0, '8%'], fontSize: 18, fontWeight: 600, formatter: '{value}%', color: '#1f1f1f' },
            data: [{ value: percent, name: title }],
          },
        ],
      }}
    />
  );
}
