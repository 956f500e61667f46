import { StatisticsPage as SharedStatisticsPage } from '../../../components/statistics/StatisticsPage';

/** 考核统计 of the jurisdiction, drilled down province → city → district → institution → 科室. */
export function StatisticsPage() {
  return <SharedStatisticsPage />;
}
