import { HomeOverview } from '../../../components/home/HomeOverview';

/** 首页 of the 卫生行政部门. */
export function AuthorityHomePage() {
  return <HomeOverview />;
}
