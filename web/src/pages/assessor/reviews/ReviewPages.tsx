// 考核管理 of the 考核机构: 一般程序复核, 简易程序复核, 免考复核 and the record they open.
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
