// 考核管理 of the 医疗卫生机构: 一般程序审核, 简易程序审核, 免考审核 and the record they open.
import { ReviewListPage } from '../../../components/review/ReviewListPage';

export function StandardReviewsPage() {
  return <ReviewListPage kind="standard" />;
}

export function SimplifiedReviewsPage() {
  return <ReviewListPage kind="simplified" />;
}

export function ExemptionReviewsPage() {
  return <ReviewListPage kind="exemption" />;
}

export { ReviewRecordPage } from '../../../components/review/ReviewRecordPage';
