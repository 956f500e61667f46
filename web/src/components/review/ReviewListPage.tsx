import { Alert, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { useState, type ComponentProps } from 'react';
import type { Paging } from '../../../../common/schemas/pagination';
import {
  pendingKindLabels,
  pendingKinds,
  reviewKindLabels,
  reviewTabLabels,
  reviewTabs,
  type PendingKind,
  type ReviewItem,
  type ReviewKind,
  type ReviewTab,
} from '../../../../common/schemas/review';
import { useCurrentUser } from '../../auth/currentUser';
import { errorMessage } from '../../api/client';
import { useDepartmentOptions } from '../../api/departments';
import { useReviewList } from '../../api/reviews';
import { LoadFailed } from '../LoadFailed';
import { BatchApproveButton } from './BatchApproveButton';
import { ReviewFilterForm } from './ReviewFilterForm';
import { canBatchApprove, hasPendingKinds, reviewListQueryOf, type ReviewerRole, type ReviewSearch } from './reviewForms';
import { ReviewTable } from './ReviewTable';
import { useRefetchOnSearch } from '../../lib/useRefetchOnSearch';
import './review.css';

const firstPage: Paging = { page: 1, pageSize: 10 };

type FilterProps = Omit<ComponentProps<typeof ReviewFilterForm>, 'departments'>;

/** The institution's filters, with its departments for 科室 (the assessor's list spans institutions: no such filter). */
function InstitutionFilterForm(props: FilterProps) {
  const departments = useDepartmentOptions();
  return <ReviewFilterForm {...props} departments={departments.data?.map((d) => ({ value: d.id, label: d.name }))} />;
}

/**
 * 一般程序 / 简易程序 / 免考 审核 (institution, seed 002 §1.6–1.8, 003 §2.2.6–2.2.8) and 复核 (assessor):
 * 未审核 (for the institution's registration lists: 报名待审核 / 考核机构驳回待审核) and 已审核, filters,
 * 批量审核, and 审核 / 查看 opening the record.
 */
export function ReviewListPage({ kind }: { kind: ReviewKind }) {
  const me = useCurrentUser();
  const role: ReviewerRole = me.role === 'assessor' ? 'assessor' : 'institution';
  const [tab, setTab] = useState<ReviewTab>('pending');
  const [pendingKind, setPendingKind] = useState<PendingKind>('submitted');
  const [search, setSearch] = useState<ReviewSearch>({});
  const [institutionName, setInstitutionName] = useState<string | null>(null);
  const [paging, setPaging] = useState<Paging>(firstPage);
  const [selected, setSelected] = useState<ReviewItem[]>([]);
  const list = useReviewList(reviewListQueryOf({ kind, role, tab, pendingKind, search, ...paging }));
  const searched = useRefetchOnSearch(list.refetch);
  const blockMessage = list.data?.blockMessage ?? null;
  const batch = canBatchApprove(role, kind, tab, pendingKind);
  const FilterForm = role === 'institution' ? InstitutionFilterForm : ReviewFilterForm;

  /** Every change of what the list shows goes back to page 1 and forgets the chosen rows. */
  const reset = () => {
    setPaging((p) => ({ ...firstPage, pageSize: p.pageSize }));
    setSelected([]);
  };
  const chooseInstitution = (row: ReviewItem | null) => {
    setSearch((s) => ({ ...s, institutionId: row?.institutionId }));
    setInstitutionName(row?.institutionName ?? null);
    reset();
  };

  return (
    <Flex vertical gap={16}>
      {blockMessage && <Alert type="warning" showIcon title={blockMessage} className="review-block" />}
      <Card title={reviewKindLabels[role][kind]}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as ReviewTab);
            reset();
          }}
          items={reviewTabs.map((key) => ({ key, label: reviewTabLabels[key] }))}
        />
        {hasPendingKinds(role, kind, tab) && (
          <Tabs
            type="card"
            size="small"
            className="review-subtabs"
            activeKey={pendingKind}
            onChange={(key) => {
              setPendingKind(key as PendingKind);
              reset();
            }}
            items={pendingKinds.map((key) => ({ key, label: pendingKindLabels[key] }))}
          />
        )}
        <FilterForm
          showProcedure={kind === 'exemption'}
          institution={
            role === 'assessor' &&
            (institutionName ? (
              <Tag closable onClose={() => chooseInstitution(null)} className="review-institution-tag">
                {institutionName}
              </Tag>
            ) : (
              <Typography.Text type="secondary">全部（点击列表中的机构名称筛选）</Typography.Text>
            ))
          }
          onSearch={(next) => {
            setSearch({ ...next, institutionId: search.institutionId });
            reset();
            searched();
          }}
          onReset={() => {
            setSearch({});
            setInstitutionName(null);
            reset();
            searched();
          }}
        />
        {batch && (
          <Flex className="review-toolbar" gap={8} wrap align="center">
            <BatchApproveButton selected={selected} blockMessage={blockMessage} onDone={() => setSelected([])} />
            <Typography.Text type="secondary">
              {selected.length > 0 ? `已选择 ${selected.length} 名医师` : '勾选医师后可批量审核通过（工作成绩、职业道德均评定为合格）'}
            </Typography.Text>
          </Flex>
        )}
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <ReviewTable
            kind={kind}
            tab={tab}
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            paging={paging}
            onPagingChange={setPaging}
            onInstitution={role === 'assessor' ? chooseInstitution : undefined}
            selection={batch ? { rows: selected, onChange: setSelected } : undefined}
          />
        )}
      </Card>
    </Flex>
  );
}
