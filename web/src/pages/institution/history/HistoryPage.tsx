import { HistoryPage as SharedHistoryPage } from '../../../components/certificates/HistoryPage';

/** 历史考核结果查询 of the institution's own physicians. */
export function HistoryPage() {
  return <SharedHistoryPage />;
}
