import { StatisticsPage as SharedStatisticsPage } from '../../../components/statistics/StatisticsPage';

/** 考核统计 of the institutions assigned to the 考核机构, each opened by 科室. */
export function StatisticsPage() {
  return <SharedStatisticsPage />;
}
