import { Alert, Button, Card, Flex, Form, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { procedureLabels } from '../../../../common/papers';
import { reviewKindLabels, reviewKinds, type ReviewKind, type ReviewRecord } from '../../../../common/schemas/review';
import { useCurrentUser } from '../../auth/currentUser';
import { errorMessage } from '../../api/client';
import { useReviewRecord } from '../../api/reviews';
import { formatDateTime } from '../assessor/dateTime';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';
import { ConductSection, ExemptionSection, SimplifiedSection } from './ConductSections';
import { EvaluationForm, EvaluationView } from './EvaluationSection';
import { OpinionsSection } from './OpinionsSection';
import { PhysicianTab } from './PhysicianTab';
import { RecordDecisions, type DecisionMode } from './RecordDecisions';
import type { EvaluationValues } from './reviewForms';
import { EnrolmentStatusTag, ExemptionStatusTag } from '../StatusTags';
import { TimelineTab } from './TimelineTab';
import './review.css';

/** The list the record was opened from; without one, what the record holds (a 免考 decision only, or its 考核程序). */
function kindOf(param: string | null, record: ReviewRecord): ReviewKind {
  if ((reviewKinds as readonly string[]).includes(param ?? '')) return param as ReviewKind;
  const registration = record.actions.includes('approve') || record.actions.includes('reject');
  const exemption = record.actions.includes('approveExemption') || record.actions.includes('rejectExemption');
  if (exemption && !registration) return 'exemption';
  return record.procedure ?? 'standard';
}

function RecordView({ record, kind }: { record: ReviewRecord; kind: ReviewKind }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<EvaluationValues>();
  const reviewer = me.role === 'assessor' ? 'assessor' : me.role === 'institution' ? 'institution' : 'authority';
  const mode: DecisionMode = kind === 'exemption' ? 'exemption' : 'registration';
  const tabs = [
    { key: 'physician', label: '医师信息' },
    { key: 'second', label: mode === 'exemption' ? '免考申请' : '工作成绩、职业道德' },
    { key: 'log', label: '提交日志' },
  ];
  const [tab, setTab] = useState(0);
  const go = (index: number) => {
    setTab(index);
    window.scrollTo({ top: 0 });
  };
  const location = useLocation();
  // 返回 goes where the record was opened from (a list, 考核进度); opened by a link, to the list it belongs to.
  const back = () => void (location.key !== 'default' ? navigate(-1) : navigate(reviewer === 'authority' ? '/progress' : `/reviews/${kind}`));
  const title = reviewer === 'authority' ? '考核信息' : reviewKindLabels[reviewer][kind];
  const evaluating = reviewer === 'institution' && mode === 'registration' && record.actions.includes('approve');

  const second =
    mode === 'exemption' ? (
      <ExemptionSection record={record} />
    ) : (
      <Flex vertical gap={24}>
        {record.procedure === 'simplified' && <SimplifiedSection record={record} />}
        <ConductSection record={record} />
        <OpinionsSection record={record} />
        {evaluating ? <EvaluationForm form={form} initial={record.evaluation} /> : <EvaluationView evaluation={record.evaluation} />}
        {record.exemption.requested && (
          <ExemptionSection record={record} note={<Typography.Text type="secondary">免考申请在【{reviewKindLabels[reviewer === 'assessor' ? 'assessor' : 'institution'].exemption}】中处理</Typography.Text>} />
        )}
      </Flex>
    );

  return (
    <Flex vertical gap={16}>
      {record.blockMessage && <Alert type="warning" showIcon title={record.blockMessage} className="review-block" />}
      {record.returnReason && (
        <Alert
          type="error"
          showIcon
          title={record.status === 'RETURNED_BY_ASSESSOR' ? '考核机构驳回理由' : '驳回理由'}
          description={<span className="review-long-text">{record.returnReason}</span>}
        />
      )}
      <Card
        title={
          <Space size={12} wrap>
            <span>{title}</span>
            <Typography.Text type="secondary" className="review-record-name">
              {record.physician.basic.name}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space size={4} wrap>
            {mode === 'exemption' ? <ExemptionStatusTag status={record.exemption.status} /> : <EnrolmentStatusTag status={record.status} result={record.result} />}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" className="review-record-meta">
          {record.cycleName}
          {record.procedure && ` · ${procedureLabels[record.procedure]}`}
          {record.submittedAt && ` · 提交时间 ${formatDateTime(record.submittedAt)}`}
        </Typography.Paragraph>
        <Tabs
          activeKey={tabs[tab].key}
          onChange={(key) => setTab(tabs.findIndex((t) => t.key === key))}
          items={[
            { key: 'physician', label: tabs[0].label, children: <PhysicianTab record={record} /> },
            // Kept mounted: 提交 reads the 评定意见 form from any tab.
            { key: 'second', label: tabs[1].label, children: second, forceRender: true },
            { key: 'log', label: tabs[2].label, children: <TimelineTab timeline={record.timeline} /> },
          ]}
        />
        <RecordDecisions
          record={record}
          mode={mode}
          reviewer={reviewer}
          form={form}
          showApprove={tab > 0}
          onShowEvaluation={() => setTab(1)}
          onDecided={back}
          navigation={
            <>
              <Button onClick={back}>返回</Button>
              {tab > 0 && <Button onClick={() => go(tab - 1)}>上一步</Button>}
              {tab < tabs.length - 1 && (
                <Button type={tab === 0 ? 'primary' : 'default'} ghost={tab === 0} onClick={() => go(tab + 1)}>
                  下一步
                </Button>
              )}
            </>
          }
        />
      </Card>
    </Flex>
  );
}

/** 审核 / 复核 of one physician (seed 002 §1.6–1.8, 003 §2.2.6–2.2.8, 004 slides 16–18): 医师信息, 工作成绩、职业道德 (or 免考申请), 提交日志, and the decisions. */
export function ReviewRecordPage() {
  const { enrolmentId } = useParams();
  const [params] = useSearchParams();
  const id = Number(enrolmentId);
  const valid = Number.isInteger(id) && id > 0;
  const record = useReviewRecord(valid ? id : null);
  if (!valid) return <LoadFailed message="请求的内容不存在" />;
  if (record.isError) return <LoadFailed message={errorMessage(record.error)} onRetry={() => void record.refetch()} />;
  if (!record.data) return <PageSpin />;
  return <RecordView record={record.data} kind={kindOf(params.get('kind'), record.data)} />;
}
