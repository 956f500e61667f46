import { HomeOverview } from '../../../components/home/HomeOverview';

/** 首页 of the 医疗卫生机构. */
export function InstitutionHomePage() {
  return <HomeOverview />;
}
