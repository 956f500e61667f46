import { useCurrentUser } from '../../../auth/currentUser';
import { HistoryPage as SharedHistoryPage } from '../../../components/certificates/HistoryPage';

/** 历史考核结果查询 of the jurisdiction; the provincial authority may 撤销证书. */
export function HistoryPage() {
  const me = useCurrentUser();
  return <SharedHistoryPage regionRoot={me.organization?.regionCode} />;
}
