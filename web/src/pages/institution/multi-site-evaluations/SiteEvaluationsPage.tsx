import { Alert, App, Button, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { enrolmentStatusLabels, practiceCategoryLabels, type PracticeCategory } from '../../../../../common/enums';
import {
  siteEvaluationFilterFields,
  siteEvaluationStateLabels,
  type SiteEvaluationItem,
  type SiteEvaluationState,
} from '../../../../../common/schemas/multi-site-evaluation';
import { verdictLabels, verdicts, type Verdict } from '../../../../../common/schemas/review';
import { useSaveSiteEvaluation, useSiteEvaluations } from '../../../api/multi-site-evaluations';
import { FilterForm } from '../../../components/list/FilterForm';
import { idNumberField, nameField, practiceCategoryField, selectField } from '../../../components/list/filterFields';
import { ListPage } from '../../../components/list/ListPage';
import { ListTable } from '../../../components/list/ListTable';
import { searchValues } from '../../../components/list/searchValues';
import { useListState } from '../../../components/list/useListState';
import { useActionFeedback } from '../../../lib/useActionFeedback';
import { PassAllButton } from './PassAllButton';
import { bodyOf, draftOf, type SiteEvaluationDraft } from './siteEvaluationDraft';

interface SiteEvaluationSearch {
  name?: string;
  idNumber?: string;
  practiceCategory?: PracticeCategory;
  state?: SiteEvaluationState;
}

const verdictOptions = verdicts.map((v) => ({ value: v, label: verdictLabels[v] }));

/**
 * 医疗机构考核 (seed 000 §8) of a 多点执业 site: the physicians of the current cycle who practise here but are based
 * elsewhere, with 职业道德 / 工作业绩 and 保存 per row, and 「职业道德 工作成绩合格」 for every 未评价 one listed.
 */
export function SiteEvaluationsPage() {
  const { search, setSearch, list, table } = useListState<SiteEvaluationSearch, ReturnType<typeof useSiteEvaluations>>(useSiteEvaluations);
  const [drafts, setDrafts] = useState<Record<number, SiteEvaluationDraft>>({});
  const save = useSaveSiteEvaluation();
  const run = useActionFeedback();
  const { message } = App.useApp();

  const draftFor = (row: SiteEvaluationItem) => drafts[row.enrolmentId] ?? draftOf(row);
  const edit = (row: SiteEvaluationItem, change: Partial<SiteEvaluationDraft>) => setDrafts((d) => ({ ...d, [row.enrolmentId]: { ...draftFor(row), ...change } }));
  const forget = (row: SiteEvaluationItem) =>
    setDrafts((d) => {
      const { [row.enrolmentId]: _saved, ...rest } = d;
      return rest;
    });

  const onSave = (row: SiteEvaluationItem) => {
    const outcome = bodyOf(draftFor(row));
    if ('error' in outcome) return void message.warning(`${row.name}：${outcome.error}`);
    void run(() => save.mutateAsync({ enrolmentId: row.enrolmentId, body: outcome.body }), `已保存${row.name}的评价`, () => forget(row));
  };

  const verdictSelect = (row: SiteEvaluationItem, item: 'ethics' | 'workPerformance', label: string) => (
    <Select<Verdict>
      aria-label={`${row.name}${label}`}
      placeholder="请选择"
      style={{ width: 88 }}
      options={verdictOptions}
      value={draftFor(row)[item]}
      disabled={row.enrolmentStatus === 'COMPLETED'}
      onChange={(value) => edit(row, { [item]: value })}
    />
  );

  const columns: TableColumnsType<SiteEvaluationItem> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 80 },
    { title: '证件号码', dataIndex: 'idNumberMasked', key: 'idNumberMasked', width: 112 },
    { title: '执业类别', dataIndex: 'practiceCategory', key: 'practiceCategory', width: 72, render: (v: PracticeCategory) => practiceCategoryLabels[v] },
    {
      title: '主要执业机构',
      dataIndex: 'mainInstitutionName',
      key: 'mainInstitutionName',
      width: 140,
      // The 科室 the physician practises in here, under the main institution's name.
      render: (v: string, row) => (row.departmentName ? `${v}（本院${row.departmentName}）` : v),
    },
    { title: '考核状态', dataIndex: 'enrolmentStatus', key: 'enrolmentStatus', width: 112, render: (v: SiteEvaluationItem['enrolmentStatus']) => enrolmentStatusLabels[v] },
    { title: '职业道德', key: 'ethics', width: 100, render: (_v, row) => verdictSelect(row, 'ethics', '职业道德') },
    { title: '工作业绩', key: 'workPerformance', width: 100, render: (_v, row) => verdictSelect(row, 'workPerformance', '工作业绩') },
    {
      title: '不合格理由',
      key: 'reason',
      width: 150,
      render: (_v, row) => {
        const draft = draftFor(row);
        const failed = draft.ethics === 'failed' || draft.workPerformance === 'failed';
        return (
          <Input
            aria-label={`${row.name}不合格理由`}
            placeholder={failed ? '请输入不合格理由' : '不合格时填写'}
            maxLength={200}
            disabled={!failed || row.enrolmentStatus === 'COMPLETED'}
            value={draft.reason}
            onChange={(e) => edit(row, { reason: e.target.value })}
          />
        );
      },
    },
    {
      title: '评价状态',
      key: 'state',
      width: 76,
      render: (_v, row) => (row.evaluation ? <Tag color="success">{siteEvaluationStateLabels.evaluated}</Tag> : <Tag>{siteEvaluationStateLabels.pending}</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 60,
      fixed: 'end',
      render: (_v, row) => (
        <Button type="link" size="small" disabled={row.enrolmentStatus === 'COMPLETED'} onClick={() => onSave(row)} aria-label={`保存${row.name}的评价`}>
          保存
        </Button>
      ),
    },
  ];

  // The batch 合格 takes the same filters but 评价状态: it only ever evaluates the 未评价 ones.
  const { state: _state, ...batchFilters } = search;

  return (
    <ListPage
      filters={
        <FilterForm<SiteEvaluationSearch>
          name="siteEvaluationFilter"
          onSearch={(values) => {
            setSearch(searchValues<SiteEvaluationSearch>(values));
            setDrafts({});
          }}
          fields={[
            nameField(),
            idNumberField(siteEvaluationFilterFields.idNumber),
            practiceCategoryField(),
            selectField('state', '评价状态', siteEvaluationStateLabels),
          ]}
        />
      }
      title="医疗机构考核"
      header={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="此处只显示本周期参加考核、在本机构多点执业的医师（主要执业机构为其他机构）；本院医师的职业道德、工作成绩在审核时评定。所有多点执业机构评价后，医师方可参加考试。"
        />
      }
      list={list}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PassAllButton filters={batchFilters} pending={list.data?.pendingTotal ?? 0} />
        <ListTable<SiteEvaluationItem>
          rowKey="enrolmentId"
          size="middle"
          columns={columns}
          {...table}
          scroll={{ x: 'max-content' }}
          emptyText={list.data && !list.data.cycle ? '当前没有进行中的考核周期' : '暂无在本机构多点执业的医师'}
        />
      </Space>
    </ListPage>
  );
}
