import { useCurrentUser } from '../../../auth/currentUser';
import { ProgressPage as SharedProgressPage } from '../../../components/progress/ProgressPage';
import { ProgressSummaryPage as SharedSummaryPage } from '../../../components/progress/ProgressSummaryPage';

/** 考核进度 of the jurisdiction, by 区划 and 机构. */
export function ProgressPage() {
  const me = useCurrentUser();
  return <SharedProgressPage institutionLabel="机构" regionRoot={me.organization?.regionCode} />;
}

/** 考核情况综合查询 of the jurisdiction, a 区划 or a 机构 in it. */
export function ProgressSummaryPage() {
  const me = useCurrentUser();
  return <SharedSummaryPage institutionLabel="机构" regionRoot={me.organization?.regionCode} />;
}
