import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { changeRequestStatusLabels, type ChangeRequestItem, type ChangeRequestStatus } from '../../../../../common/schemas/change-requests';
import type { Paging } from '../../../../../common/schemas/pagination';
import { errorMessage } from '../../../api/client';
import { useChangeRequestList } from '../../../api/changeRequests';
import { LoadFailed } from '../../../components/LoadFailed';
import { ChangeRequestTable } from './ChangeRequestTable';
import { RejectModal } from './RejectModal';
import './change-requests.css';

type TabKey = ChangeRequestStatus | 'all';
const tabs: { key: TabKey; label: string }[] = [
  ...(Object.entries(changeRequestStatusLabels) as [ChangeRequestStatus, string][]).map(([key, label]) => ({ key, label })),
  { key: 'all', label: '全部' },
];

/**
 * 信息修改申请 (信息审核; seed 003 home tile 医师信息 修改申请): the physicians' requests to change their registry
 * fields. 通过 applies the change to the physician's record; 驳回 needs a reason.
 */
export function ChangeRequestsPage() {
  const [tab, setTab] = useState<TabKey>('pending');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const [rejecting, setRejecting] = useState<ChangeRequestItem | null>(null);
  const list = useChangeRequestList({ status: tab === 'all' ? undefined : tab, ...paging });

  return (
    <Card title="信息修改申请">
      <p className="change-requests-tip">医师提交的科室、从事专业等信息修改申请，审核通过后医师信息将按申请内容修改；驳回须填写理由。</p>
      <Tabs
        activeKey={tab}
        items={tabs.map((t) => ({ key: t.key, label: t.label }))}
        onChange={(key) => {
          setTab(key as TabKey);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ChangeRequestTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          paging={paging}
          onPagingChange={setPaging}
          onReject={setRejecting}
        />
      )}
      <RejectModal target={rejecting} onClose={() => setRejecting(null)} />
    </Card>
  );
}
