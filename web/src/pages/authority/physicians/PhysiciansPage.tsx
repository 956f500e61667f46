import { Button, Card, Flex, Space, Tabs } from 'antd';
import { useState } from 'react';
import { rosterTabLabels, rosterTabs, type RosterItem, type RosterTab } from '../../../../../common/schemas/physician';
import { errorMessage } from '../../../api/client';
import { LoadFailed } from '../../../components/LoadFailed';
import { PhysicianDrawer } from '../../../components/roster/PhysicianDrawer';
import { RosterFilterForm } from '../../../components/roster/RosterFilterForm';
import { RosterTable } from '../../../components/roster/RosterTable';
import { useRoster } from '../../../components/roster/useRoster';
import { InstitutionSelect } from './InstitutionSelect';
import { ReturnRegistrationModal } from './ReturnRegistrationModal';

/**
 * 医师列表 of the jurisdiction: the institutions' rosters, filtered by 机构 and the roster filters; 查看, and 退回报名 of
 * a submitted registration not yet tested (the one change an authority makes here).
 */
export function PhysiciansPage() {
  const roster = useRoster();
  const { tab, list } = roster;
  const [viewing, setViewing] = useState<number | null>(null);
  const [returning, setReturning] = useState<RosterItem | null>(null);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Tabs activeKey={tab} onChange={(key) => roster.setTab(key as RosterTab)} items={rosterTabs.map((key) => ({ key, label: rosterTabLabels[key] }))} />
        <RosterFilterForm institutionSelect={<InstitutionSelect />} onSearch={roster.setSearch} />
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <RosterTable
            tab={tab}
            {...roster.table}
            showInstitution
            renderActions={(row) => (
              <Space size={0} wrap>
                {row.actions.includes('view') && (
                  <Button type="link" size="small" onClick={() => setViewing(row.id)}>
                    查看
                  </Button>
                )}
                {row.actions.includes('returnRegistration') && (
                  <Button type="link" size="small" danger onClick={() => setReturning(row)}>
                    退回报名
                  </Button>
                )}
              </Space>
            )}
          />
        )}
      </Card>
      <PhysicianDrawer id={viewing} onClose={() => setViewing(null)} />
      <ReturnRegistrationModal row={returning} onClose={() => setReturning(null)} />
    </Flex>
  );
}
