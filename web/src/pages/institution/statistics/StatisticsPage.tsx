import { StatisticsPage as SharedStatisticsPage } from '../../../components/statistics/StatisticsPage';

/** 考核统计 of the institution itself, by 科室. */
export function StatisticsPage() {
  return <SharedStatisticsPage />;
}
