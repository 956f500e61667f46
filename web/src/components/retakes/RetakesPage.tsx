// 补考管理 (seeds 002/003): the province's 待确认补考 with 允许补考 / 不允许补考 (chosen rows, or everything the filter
// matches after a confirm stating the count); the institution's 待确认补考 and 待参加补考, read-only, with 导出.
import { App, Button, Card, Flex, Form, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { practiceCategoryLabels } from '../../../../common/enums';
import { paperKindLabels } from '../../../../common/papers';
import { progressProcedureLabels } from '../../../../common/schemas/assessment-progress';
import { failReasonLabels, retakeFilterFields, retakeTabLabels, type RetakeDecision, type RetakeItem, type RetakeTab } from '../../../../common/schemas/retakes';
import { errorMessage } from '../../api/client';
import { retakeExportUrl, useDecideRetakes, useRetakeList, type RetakeSearch } from '../../api/retakes';
import { LoadFailed } from '../LoadFailed';
import { RegionTreeSelect } from '../region/RegionTreeSelect';
import { ExportButton } from '../list/ExportButton';
import { FilterForm } from '../list/FilterForm';
import { idNumberField, nameField, practiceCategoryField, selectField } from '../list/filterFields';
import { ListTable } from '../list/ListTable';
import { searchValues } from '../list/searchValues';
import { totalText } from '../list/totalText';
import { ProgressInstitutionSelect } from '../progress/ProgressInstitutionSelect';

interface Props {
  /** Tabs the role sees: the authority decides on 待确认补考; the institution reads both. */
  tabs: RetakeTab[];
  /** The authority's region (区划 and 机构 filters). */
  regionRoot?: string;
}

type Filters = Omit<RetakeSearch, 'tab'>;

function DeclineModal({ count, open, onCancel, onOk }: { count: number; open: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={`不允许补考（${count} 名医师）`} okText="确定" cancelText="取消" onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.reason.trim())}>
        <Form.Item name="reason" label="不允许补考的理由" rules={[{ required: true, whitespace: true, message: '请输入不允许补考的理由' }, { max: 200, message: '理由不能超过200个字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="医师将在站内消息中看到该理由" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RetakesPage({ tabs, regionRoot }: Props) {
  const { message, modal } = App.useApp();
  const [tab, setTab] = useState<RetakeTab>(tabs[0]);
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [selected, setSelected] = useState<number[]>([]);
  const [declining, setDeclining] = useState<{ ids: number[] | null; count: number } | null>(null);
  const list = useRetakeList({ tab, ...filters, ...paging });
  const decide = useDecideRetakes();
  const canDecide = Boolean(list.data?.canDecide) && tab === 'pending';
  const total = list.data?.total ?? 0;

  const send = (decision: RetakeDecision, ids: number[] | null, count: number, reason?: string) =>
    decide.mutate(ids ? { decision, enrolmentIds: ids, reason } : { decision, filters, expectedCount: count, reason }, {
      onSuccess: (r) => {
        message.success(`已${decision === 'allow' ? '允许' : '不允许'} ${r.count} 名医师补考`);
        setSelected([]);
        setDeclining(null);
      },
      onError: (e) => message.error(errorMessage(e)),
    });

  const allow = (ids: number[] | null, count: number) =>
    modal.confirm({
      title: '允许补考',
      content: ids ? `确定允许所选的 ${count} 名医师参加补考吗？` : `确定允许当前筛选出的全部 ${count} 名医师参加补考吗？`,
      okText: '允许补考',
      cancelText: '取消',
      onOk: () => send('allow', ids, count),
    });

  const columns = [
    ...(regionRoot ? [{ title: '医疗卫生机构', dataIndex: 'institutionName' }] : []),
    { title: '科室', dataIndex: 'departmentName' },
    { title: '姓名', dataIndex: 'name' },
    { title: '证件号码', dataIndex: 'idNumberMasked' },
    { title: '执业类别', dataIndex: 'practiceCategory', render: (v: RetakeItem['practiceCategory']) => practiceCategoryLabels[v] },
    { title: '考核程序', dataIndex: 'procedure', render: (v: RetakeItem['procedure']) => progressProcedureLabels[v] },
    {
      title: '试卷名称（不合格原因）',
      key: 'failures',
      width: 280,
      render: (_: unknown, r: RetakeItem) => (
        <Space size={4} wrap>
          {r.failures.map((f) => (
            <Tag key={f.paper} color={f.reason === 'failed' ? 'red' : 'orange'}>
              {f.paperLabel}：{f.reasonLabel}
              {f.score !== null ? ` ${f.score}分` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(canDecide
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 180,
            render: (_: unknown, r: RetakeItem) => (
              <Space>
                <Button type="link" size="small" onClick={() => allow([r.enrolmentId], 1)}>
                  允许补考
                </Button>
                <Button type="link" size="small" danger onClick={() => setDeclining({ ids: [r.enrolmentId], count: 1 })}>
                  不允许补考
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as RetakeTab);
          setPaging((p) => ({ ...p, page: 1 }));
          setSelected([]);
        }}
        items={tabs.map((key) => ({ key, label: retakeTabLabels[key] }))}
      />
      <FilterForm<Filters>
        name="retakeFilter"
        onSearch={(values) => {
          setFilters(searchValues<Filters>(values));
          setPaging((p) => ({ ...p, page: 1 }));
          setSelected([]);
        }}
        fields={[
          regionRoot && { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={regionRoot} placeholder="全部" /> },
          regionRoot && { name: 'institutionId', label: '机构', input: <ProgressInstitutionSelect /> },
          nameField(),
          idNumberField(retakeFilterFields.idNumber),
          practiceCategoryField(),
          selectField('procedure', '考核程序', { standard: progressProcedureLabels.standard, simplified: progressProcedureLabels.simplified }),
          selectField('paper', '试卷名称', paperKindLabels),
          selectField('reason', '不合格原因', failReasonLabels),
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} className="retake-actions">
        <Typography.Text type="secondary">{totalText(total, list.data?.totalCapped)}</Typography.Text>
        <Space wrap>
          {canDecide && (
            <>
              <Button type="primary" disabled={selected.length === 0} onClick={() => allow(selected, selected.length)}>
                允许补考（所选 {selected.length}）
              </Button>
              <Button danger disabled={selected.length === 0} onClick={() => setDeclining({ ids: selected, count: selected.length })}>
                不允许补考（所选）
              </Button>
              <Button disabled={total === 0 || list.data?.totalCapped} onClick={() => allow(null, total)}>
                全部允许补考（{total}）
              </Button>
            </>
          )}
          <ExportButton url={retakeExportUrl({ tab, ...filters })} total={total} />
        </Space>
      </Flex>
      {list.isError ? (
        <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : (
        <ListTable<RetakeItem>
          rowKey="enrolmentId"
          loading={list.isFetching}
          items={list.data?.items}
          columns={columns}
          scroll={{ x: 1280 }}
          selection={canDecide ? { keys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
          emptyText={tab === 'pending' ? '暂无待确认补考的医师' : '暂无待参加补考的医师'}
          total={total}
          totalCapped={list.data?.totalCapped}
          paging={paging}
          onPagingChange={setPaging}
        />
      )}
      <DeclineModal
        open={declining !== null}
        count={declining?.count ?? 0}
        onCancel={() => setDeclining(null)}
        onOk={(reason) => declining && send('decline', declining.ids, declining.count, reason)}
      />
    </Card>
  );
}
