import { Col, Row } from 'antd';
import { lazy, Suspense } from 'react';
import type { Progress as ProgressData, Rate } from '../../../../common/schemas/progress';
import './progress-rates.css';

// ECharts comes in its own chunk, only on the pages that draw charts; the tile shows its figures meanwhile.
const RateGauge = lazy(() => import('../charts/RateGauge'));

/** 考核进度's three rates (seed 002 §1.8): each with what it counts, a gauge with the %, and `x/y`. */
const rates: { key: 'registration' | 'review' | 'completion'; title: string; subtitle: string; color: string }[] = [
  { key: 'registration', title: '报名完成率', subtitle: '已填报信息医师', color: '#1a5fb4' },
  { key: 'review', title: '审核完成率', subtitle: '已审核信息医师', color: '#13a8a8' },
  { key: 'completion', title: '最终完成率', subtitle: '已完成考核医师', color: '#52c41a' },
];

function RateTile({ title, subtitle, color, rate }: { title: string; subtitle: string; color: string; rate: Rate }) {
  return (
    <div className="progress-rate" aria-label={`${title} ${rate.percent}% ${rate.done}/${rate.total}`}>
      <div className="progress-rate-gauge">
        <Suspense fallback={null}>
          <RateGauge title={title} percent={rate.percent} color={color} />
        </Suspense>
      </div>
      <div className="progress-rate-text">
        <div className="progress-rate-title">{title}</div>
        <div className="progress-rate-subtitle">{subtitle}</div>
        <div className="progress-rate-count">
          {rate.done}/{rate.total}
        </div>
      </div>
    </div>
  );
}

export function ProgressRates({ progress }: { progress: ProgressData }) {
  return (
    <Row gutter={[16, 16]}>
      {rates.map((r) => (
        <Col key={r.key} xs={24} md={8}>
          <RateTile title={r.title} subtitle={r.subtitle} color={r.color} rate={progress[r.key]} />
        </Col>
      ))}
    </Row>
  );
}
