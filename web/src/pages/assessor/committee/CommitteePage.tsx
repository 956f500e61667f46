import { Card, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { committeeBodies, committeeBodyLabels, type CommitteeBody } from '../../../../../common/schemas/assessor';
import { MemberTable } from './MemberTable';

export const committeePaths: Record<CommitteeBody, string> = { committee: '/committee', office: '/committee/office' };

/** 考核委员会 / 考核办公室 (seed 000 §5): the members of both bodies, one tab (and one menu item) each. */
export function CommitteePage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const body: CommitteeBody = pathname === committeePaths.office ? 'office' : 'committee';
  return (
    <Card>
      <Tabs
        activeKey={body}
        onChange={(key) => void navigate(committeePaths[key as CommitteeBody], { replace: true })}
        destroyOnHidden
        items={committeeBodies.map((b) => ({ key: b, label: committeeBodyLabels[b], children: <MemberTable body={b} /> }))}
      />
    </Card>
  );
}
