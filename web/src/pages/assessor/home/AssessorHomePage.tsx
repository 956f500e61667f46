import { HomeOverview } from '../../../components/home/HomeOverview';

/** 首页 of the 考核机构. */
export function AssessorHomePage() {
  return <HomeOverview />;
}
