import { Alert, Descriptions, Table, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { procedureLabels } from '../../../../common/papers';
import {
  exemptedPaperLabel,
  registrationFileSlots,
  simplifiedReasonLabels,
  workloadLabels,
  type ConductStep,
  type ProcedureStep,
} from '../../../../common/schemas/registration';
import type { ReviewRecord } from '../../../../common/schemas/review';
import { FileLinks } from './RecordFiles';
import { ExemptionStatusTag } from '../StatusTags';

// The steps are stored as the physician submitted them (validated by the registration schemas).
type Conduct = Partial<ConductStep>;
type BadRecord = ConductStep['badRecords'][number];

const text = (v: string | number | null | undefined): ReactNode => (v === null || v === undefined || v === '' ? '—' : v);
const hasNone = (v: boolean | undefined) => (v === true ? '有' : v === false ? '无' : '—');
const longText = (v: string | null | undefined) => <span className="review-long-text">{text(v)}</span>;

export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-section-head">
        <Typography.Title level={5}>{title}</Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

function Rows({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 200 } }} />;
}

/** 简易程序: 申请理由, 申请材料, whether the data supports the reason, 个人述职. */
export function SimplifiedSection({ record }: { record: ReviewRecord }) {
  const step = (record.procedureStep ?? {}) as Partial<ProcedureStep>;
  const check = record.simplifiedCheck;
  return (
    <Section title="简易程序">
      {check && (
        <Alert
          type={check.supported === true ? 'success' : check.supported === false ? 'warning' : 'info'}
          showIcon
          title={`数据核对：${check.message}`}
          description={check.supported === false ? '所填数据与申请理由不符，请核实申请材料；不符合简易程序条件的可驳回，医师可重新选择考核程序。' : undefined}
          className="review-check"
        />
      )}
      <Rows
        items={[
          { key: 'reason', label: '简易程序申请理由', children: step.simplifiedReason ? simplifiedReasonLabels[step.simplifiedReason] : '—' },
          { key: 'material', label: '申请材料', children: <FileLinks files={record.files} slots={[registrationFileSlots.simplifiedMaterial]} /> },
          { key: 'statement', label: '个人述职', children: longText(step.statement) },
        ]}
      />
    </Section>
  );
}

/** 执业行为记录 (良好 / 不良 with the records), 工作成绩 (the 科室's 工作量), 职业道德自我评价. */
export function ConductSection({ record }: { record: ReviewRecord }) {
  const conduct = (record.conduct ?? {}) as Conduct;
  const workload: Partial<ConductStep['workload']> = conduct.workload ?? {};
  const badRecords = conduct.badRecords ?? [];
  if (!record.conduct) {
    return (
      <Section title="执业行为记录">
        <Typography.Text type="secondary">医师未填写工作成绩、职业道德。</Typography.Text>
      </Section>
    );
  }
  return (
    <>
      <Section title="执业行为记录">
        <Rows
          items={[
            { key: 'good', label: '良好执业行为记录', children: hasNone(conduct.hasGoodRecord) },
            ...(conduct.hasGoodRecord
              ? [
                  { key: 'awards', label: '受到的表彰、奖励', children: longText(conduct.awards) },
                  { key: 'tasks', label: '完成的政府指令性任务', children: longText(conduct.tasks) },
                  { key: 'research', label: '取得的科研成果', children: longText(conduct.research) },
                ]
              : []),
            { key: 'bad', label: '不良执业行为记录', children: hasNone(conduct.hasBadRecord) },
          ]}
        />
        <Typography.Text strong className="review-subtitle">
          不良记录
        </Typography.Text>
        <Table<BadRecord & { key: number }>
          size="small"
          pagination={false}
          dataSource={badRecords.map((r, key) => ({ ...r, key }))}
          locale={{ emptyText: '暂无数据' }}
          scroll={{ x: 640 }}
          columns={[
            { title: '医疗卫生机构', dataIndex: 'institutionName' },
            { title: '结案时间', dataIndex: 'closedOn', width: 112 },
            { title: '处理结果', dataIndex: 'outcome' },
            { title: '处罚事由', dataIndex: 'cause' },
          ]}
        />
      </Section>
      <Section title="工作成绩">
        <Rows
          items={record.workloadKinds.map((kind) => ({ key: kind, label: `${workloadLabels[kind]}（考核周期内）`, children: text(workload[kind]) }))}
        />
      </Section>
      <Section title="职业道德">
        <Rows items={[{ key: 'ethics', label: '职业道德自我评价', children: longText(conduct.ethicsSelfAssessment) }]} />
      </Section>
    </>
  );
}

/** 免考: 考核程序, the paper it exempts, 理由, 材料, status (and the reason of a 驳回). */
export function ExemptionSection({ record, note }: { record: ReviewRecord; note?: ReactNode }) {
  const { exemption } = record;
  const procedure = record.procedure;
  if (!exemption.requested) {
    return (
      <Section title="免考申请">
        <Typography.Text type="secondary">医师未申请免考。</Typography.Text>
      </Section>
    );
  }
  return (
    <Section title="免考申请" extra={note}>
      <Rows
        items={[
          { key: 'procedure', label: '考核程序', children: procedure ? procedureLabels[procedure] : '—' },
          { key: 'paper', label: '免考科目', children: procedure ? exemptedPaperLabel[procedure] : '—' },
          { key: 'reason', label: '免考理由', children: longText(exemption.reason) },
          { key: 'material', label: '免考材料', children: <FileLinks files={record.files} slots={[registrationFileSlots.exemptionMaterial]} /> },
          { key: 'status', label: '免考状态', children: <ExemptionStatusTag status={exemption.status} /> },
          ...(exemption.rejectReason ? [{ key: 'rejectReason', label: '驳回理由', children: longText(exemption.rejectReason) }] : []),
        ]}
      />
    </Section>
  );
}
