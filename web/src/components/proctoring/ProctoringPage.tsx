// 监考管理 (seed 002 §1.9, seed 003 §2.2.9 (3)): the proctored attempts of the actor's scope, lowest 相似度 first,
// filtered by 相似度 below a value (the province's threshold by default), 标记状态, 查看状态, 试卷名称, 考核程序, 机构, 姓名
// and 证件号码; 查看 shows the registration photo beside every snapshot; the buttons are those the server says the
// actor has: 标记疑似 (institution), 认定作弊 / 撤销认定 (provincial authority).
import { Alert, Button, Card, Flex, Input, InputNumber, Modal, Space, Tag, Typography, App } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { paperKindLabels, procedureLabels } from '../../../../common/papers';
import {
  cameraIssueLabels,
  proctoringFilterFields,
  proctoringMarkLabels,
  proctoringViewLabels,
  type ProctoringItem,
} from '../../../../common/schemas/proctoring';
import { errorMessage } from '../../api/client';
import { useProctoringDecision, useProctoringList, type ProctoringFilters } from '../../api/proctoring';
import { FilterForm } from '../list/FilterForm';
import { idNumberField, nameField, selectField } from '../list/filterFields';
import { ListTable } from '../list/ListTable';
import { searchValues } from '../list/searchValues';
import { useListState } from '../list/useListState';
import { LoadFailed } from '../LoadFailed';
import { ProgressInstitutionSelect } from '../progress/ProgressInstitutionSelect';
import { ProctoringDrawer } from './ProctoringDrawer';
import '../progress/progress.css';
import './proctoring.css';

const markColors = { none: 'default', suspected: 'orange', confirmed: 'red' } as const;

type Decision = { item: ProctoringItem; action: 'suspect' | 'confirm' | 'revoke' };
const decisionTexts = {
  suspect: { title: '标记疑似', label: '备注', ok: '标记疑似', note: '疑似作弊标记仅作为标记操作，不代表最终监考处理结果；标记后不能撤销，如需撤销请联系隶属卫生行政部门。' },
  confirm: { title: '认定作弊', label: '理由', ok: '认定作弊', note: '认定后该试卷按不合格处理，医师本周期考核结果为不合格；系统将通知医师和所在医疗卫生机构。' },
  revoke: { title: '撤销认定', label: '理由', ok: '撤销认定', note: '撤销后恢复认定前的试卷结果和考核结果；系统将通知医师和所在医疗卫生机构。' },
} as const;

export function ProctoringPage({ acrossInstitutions = false, institutionRole = false }: { acrossInstitutions?: boolean; institutionRole?: boolean }) {
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<number | null>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [text, setText] = useState('');
  const { setSearch, list, table } = useListState<ProctoringFilters, ReturnType<typeof useProctoringList>>(useProctoringList);
  const decide = useProctoringDecision();

  const submitDecision = async () => {
    if (!deciding) return;
    try {
      await decide.mutateAsync({ attemptId: deciding.item.attemptId, action: deciding.action, text });
      message.success(`${decisionTexts[deciding.action].title}成功`);
      setDeciding(null);
      setText('');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: ColumnsType<ProctoringItem> = [
    // 管辖区 and 医疗卫生机构 where the list spans institutions (an institution's own list would repeat its name).
    ...(acrossInstitutions
      ? [
          { title: '管辖区', dataIndex: 'authorityName', width: 160 },
          { title: '医疗卫生机构', dataIndex: 'institutionName', width: 180 },
        ]
      : []),
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '年龄', dataIndex: 'age', width: 64 },
    { title: '证件号码', dataIndex: 'idNumberMasked', width: 140 },
    { title: '考核程序', dataIndex: 'procedure', width: 96, render: (v: ProctoringItem['procedure']) => (v ? procedureLabels[v] : '—') },
    { title: '试卷名称', dataIndex: 'paper', width: 150, render: (v: ProctoringItem['paper']) => paperKindLabels[v] },
    {
      title: '相似度',
      dataIndex: 'lowestSimilarity',
      width: 110,
      render: (v: number | null, r) => (
        <Space direction="vertical" size={0}>
          <span>{v === null ? '未比对' : `${v}%`}</span>
          {r.cameraIssue && <Tag color="warning">{cameraIssueLabels[r.cameraIssue]}</Tag>}
        </Space>
      ),
    },
    { title: '标记状态', dataIndex: 'mark', width: 90, render: (v: ProctoringItem['mark']) => <Tag color={markColors[v]}>{proctoringMarkLabels[v]}</Tag> },
    { title: '查看状态', dataIndex: 'viewed', width: 90, render: (v: boolean) => (v ? '已查看' : '未查看') },
    {
      title: '操作',
      fixed: 'right',
      width: 190,
      render: (_v, r) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setViewing(r.attemptId)}>
            查看
          </Button>
          {r.actions.includes('confirm') && (
            <Button type="link" size="small" danger onClick={() => setDeciding({ item: r, action: 'confirm' })}>
              认定作弊
            </Button>
          )}
          {r.actions.includes('suspect') && (
            <Button type="link" size="small" onClick={() => setDeciding({ item: r, action: 'suspect' })}>
              标记疑似
            </Button>
          )}
          {r.actions.includes('revoke') && (
            <Button type="link" size="small" onClick={() => setDeciding({ item: r, action: 'revoke' })}>
              撤销认定
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const threshold = list.data?.threshold;
  return (
    <Flex vertical gap={16}>
      <Card title="监考管理">
        <Alert
          showIcon
          type="info"
          style={{ marginBottom: 16 }}
          title={`建议筛选相似度${threshold ?? 40}%以下的医师重点进行监考审核。`}
          description={
            institutionRole
              ? '疑似作弊标记仅作为标记操作，不代表最终监考处理结果，已标记的名单最终由省级卫生行政部门认定是否作弊。若需要取消作弊标记，请联系主管卫生行政部门。'
              : '未检测到人脸的抓拍按相似度 0% 计；摄像头异常的考试也列在其中。'
          }
        />
        <FilterForm<ProctoringFilters>
          name="proctoringFilter"
          labelWidth={96}
          onSearch={(values) => setSearch(searchValues<ProctoringFilters>(values))}
          fields={[
            {
              name: 'similarityBelow',
              label: '相似度低于',
              input: <InputNumber min={0} max={100} precision={0} suffix="%" placeholder={threshold === undefined ? '' : String(threshold)} style={{ width: '100%' }} aria-label="相似度低于" />,
            },
            selectField('mark', '标记状态', proctoringMarkLabels),
            selectField('viewed', '查看状态', proctoringViewLabels),
            selectField('paper', '试卷名称', paperKindLabels),
            selectField('procedure', '考核程序', procedureLabels),
            acrossInstitutions && { name: 'institutionId', label: '机构', input: <ProgressInstitutionSelect /> },
            nameField(),
            idNumberField(proctoringFilterFields.idNumber),
          ]}
        />
        {list.isError ? (
          <LoadFailed message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <ListTable<ProctoringItem>
            style={{ marginTop: 16 }}
            rowKey="attemptId"
            size="middle"
            columns={columns}
            {...table}
            scroll={{ x: acrossInstitutions ? 1300 : 1000 }}
          />
        )}
      </Card>
      <ProctoringDrawer attemptId={viewing} onClose={() => setViewing(null)} />
      <Modal
        open={!!deciding}
        title={deciding ? `${decisionTexts[deciding.action].title}：${deciding.item.name}` : ''}
        okText={deciding ? decisionTexts[deciding.action].ok : ''}
        okButtonProps={{ danger: deciding?.action === 'confirm', disabled: !text.trim() }}
        confirmLoading={decide.isPending}
        cancelText="取消"
        onOk={submitDecision}
        onCancel={() => {
          setDeciding(null);
          setText('');
        }}
      >
        {deciding && (
          <Flex vertical gap={12}>
            <Typography.Paragraph type="secondary">{decisionTexts[deciding.action].note}</Typography.Paragraph>
            <Input.TextArea rows={3} maxLength={500} showCount value={text} onChange={(e) => setText(e.target.value)} placeholder={`请输入${decisionTexts[deciding.action].label}`} aria-label={decisionTexts[deciding.action].label} />
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
