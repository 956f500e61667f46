import { HomeOverview } from '../../../components/home/HomeOverview';

/** 首页 of the 医师. */
export function PhysicianHomePage() {
  return <HomeOverview />;
}
