import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { rosterTabLabels, rosterTabs, type RosterItem, type RosterTab } from '../../../../../common/schemas/physician';
import { errorMessage } from '../../../api/client';
import { useDepartmentOptions } from '../../../api/departments';
import { physicianExportUrl } from '../../../api/physicians';
import { LoadFailed } from '../../../components/LoadFailed';
import { PhysicianDrawer } from '../../../components/roster/PhysicianDrawer';
import { RosterFilterForm } from '../../../components/roster/RosterFilterForm';
import type { RosterSearch } from '../../../components/roster/rosterFilters';
import { RosterTable } from '../../../components/roster/RosterTable';
import { useRoster } from '../../../components/roster/useRoster';
import { downloadUrl } from '../../../lib/download';
import { BatchEnrolButton } from './BatchEnrolButton';
import { CancelEnrolmentModal } from './CancelEnrolmentModal';
import { CreatePhysicianDrawer } from './CreatePhysicianDrawer';
import { HidePhysicianModal } from './HidePhysicianModal';
import { ImportPhysiciansModal } from './ImportPhysiciansModal';
import { InstitutionReturnModal } from './InstitutionReturnModal';
import { RowActions } from './RowActions';
import { TransferOutModal } from './TransferOutModal';
import './physicians.css';

type Dialog = { kind: 'create' } | { kind: 'import' } | { kind: 'cancel' | 'transferOut' | 'institutionReturn' | 'hide'; row: RosterItem };

/** 医师列表 (seed 002 §1.5, 004 slides 7–11): 未确认参加 / 已确认参加, 参加 and 批量参加, 导出, 新增医师, 批量导入医师, row actions. */
export function PhysiciansPage() {
  const roster = useRoster();
  const { tab, list } = roster;
  const departments = useDepartmentOptions();
  const [selected, setSelected] = useState<number[]>([]);
  const [viewing, setViewing] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const hasCurrentCycle = list.data?.hasCurrentCycle ?? true;

  const changeTab = (next: RosterTab) => {
    roster.setTab(next);
    setSelected([]);
  };
  const unselect = (id: number) => setSelected((keys) => keys.filter((key) => key !== id));
  const search = (next: RosterSearch) => {
    roster.setSearch(next);
    setSelected([]);
  };

  return (
    <Flex vertical gap={16}>
      {!hasCurrentCycle && (
        <Alert type="warning" showIcon title="当前没有考核周期" description="卫生行政部门尚未设置本省的当前考核周期，暂时不能将医师纳入考核（参加 / 批量参加）。" />
      )}
      <Card>
        <Tabs activeKey={tab} onChange={(key) => changeTab(key as RosterTab)} items={rosterTabs.map((key) => ({ key, label: rosterTabLabels[key] }))} />
        <RosterFilterForm departments={departments.data?.map((d) => ({ value: d.id, label: d.name }))} onSearch={search} />
        <Flex className="roster-toolbar" gap={8} wrap align="center">
          {tab === 'unconfirmed' && (
            <BatchEnrolButton
              selectedIds={selected}
              total={list.data?.total ?? 0}
              search={roster.search}
              disabled={!hasCurrentCycle || !list.data}
              onDone={() => setSelected([])}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => downloadUrl(physicianExportUrl(roster.filters))}>
            导出
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新增医师
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
            批量导入医师
          </Button>
          {tab === 'unconfirmed' && (
            <Typography.Text type="secondary">
              {selected.length > 0 ? `已选择 ${selected.length} 名医师` : '未勾选医师时，批量参加将纳入筛选出的全部医师'}
            </Typography.Text>
          )}
        </Flex>
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <RosterTable
            tab={tab}
            {...roster.table}
            selection={tab === 'unconfirmed' ? { keys: selected, onChange: setSelected } : undefined}
            renderActions={(row) => (
              <RowActions
                row={row}
                canEnrol={hasCurrentCycle}
                onView={(r) => setViewing(r.id)}
                onCancel={(r) => setDialog({ kind: 'cancel', row: r })}
                onTransferOut={(r) => setDialog({ kind: 'transferOut', row: r })}
                onInstitutionReturn={(r) => setDialog({ kind: 'institutionReturn', row: r })}
                onHide={(r) => setDialog({ kind: 'hide', row: r })}
                onGone={unselect}
              />
            )}
          />
        )}
      </Card>
      <PhysicianDrawer id={viewing} onClose={() => setViewing(null)} />
      <CreatePhysicianDrawer open={dialog?.kind === 'create'} onClose={() => setDialog(null)} />
      <ImportPhysiciansModal open={dialog?.kind === 'import'} onClose={() => setDialog(null)} />
      <CancelEnrolmentModal row={dialog?.kind === 'cancel' ? dialog.row : null} onClose={() => setDialog(null)} />
      <InstitutionReturnModal row={dialog?.kind === 'institutionReturn' ? dialog.row : null} onClose={() => setDialog(null)} />
      <HidePhysicianModal row={dialog?.kind === 'hide' ? dialog.row : null} onClose={() => setDialog(null)} onDone={unselect} />
      <TransferOutModal row={dialog?.kind === 'transferOut' ? dialog.row : null} onClose={() => setDialog(null)} onDone={unselect} />
    </Flex>
  );
}
