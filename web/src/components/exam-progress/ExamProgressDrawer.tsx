import { Descriptions, Drawer, Empty, Flex, Tag } from 'antd';
import { practiceCategoryLabels } from '../../../../common/enums';
import { paperKindLabels, procedureLabels, type PaperKind } from '../../../../common/papers';
import { examProgressOutcomeLabels, examProgressStateLabels, type ExamProgressAttempt } from '../../../../common/schemas/exam-progress';
import { examStageLabels, submittedByLabels } from '../../../../common/schemas/exams';
import { errorMessage } from '../../api/client';
import { useExamProgressRecord } from '../../api/examProgress';
import { formatDateTime } from '../assessor/dateTime';
import { LoadFailed } from '../LoadFailed';
import { PageSpin } from '../PageSpin';

const points = (n: number | null) => (n === null ? '—' : `${n} 分`);

/** One attempt: its times, how it was submitted, its score and the pass mark (never its questions or answers). */
function AttemptSection({ attempt }: { attempt: ExamProgressAttempt }) {
  const submitted = attempt.status === 'submitted';
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2 }}
      title={
        <Flex gap={8} align="center">
          {examStageLabels[attempt.stage]}
          <Tag color={submitted ? 'blue' : 'processing'} className="status-tag">
            {submitted ? '已完成' : '已参加（答题中）'}
          </Tag>
        </Flex>
      }
      items={[
        { key: 'startedAt', label: '开始时间', children: formatDateTime(attempt.startedAt) },
        { key: 'deadline', label: '截止时间', children: formatDateTime(attempt.deadline) },
        { key: 'submittedAt', label: '提交时间', children: formatDateTime(attempt.submittedAt) },
        { key: 'submittedBy', label: '提交方式', children: attempt.submittedBy ? submittedByLabels[attempt.submittedBy] : '—' },
        {
          key: 'score',
          label: '成绩',
          children: submitted ? (
            <Flex gap={8} align="center">
              <span>{points(attempt.score)}</span>
              <Tag color={attempt.passed ? 'green' : 'red'} className="status-tag">
                {attempt.passed ? '合格' : '不合格'}
              </Tag>
            </Flex>
          ) : (
            '—'
          ),
        },
        { key: 'passScore', label: '合格分', children: `${attempt.passScore} 分（总分 ${attempt.totalPoints} 分，${attempt.questionCount} 题）` },
      ]}
    />
  );
}

/** 查看 of 测评进度: the physician's paper and each attempt of it in this cycle (首次考核, then 补考); full width on a phone. */
export function ExamProgressDrawer({ target, onClose }: { target: { enrolmentId: number; paper: PaperKind } | null; onClose: () => void }) {
  const record = useExamProgressRecord(target);
  const data = record.data;
  return (
    <Drawer title={data ? `测评情况 — ${data.item.name}` : '测评情况'} size="min(720px, 100vw)" open={target !== null} onClose={onClose} destroyOnHidden>
      {record.isError ? (
        <LoadFailed message={errorMessage(record.error)} onRetry={() => void record.refetch()} />
      ) : !data ? (
        <PageSpin />
      ) : (
        <Flex vertical gap={24}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'name', label: '姓名', children: data.item.name },
              { key: 'id', label: '证件号码', children: data.item.idNumberMasked },
              { key: 'institution', label: '医疗卫生机构', children: data.item.institutionName },
              { key: 'department', label: '科室', children: data.item.departmentName ?? '—' },
              { key: 'category', label: '执业类别', children: practiceCategoryLabels[data.item.practiceCategory] },
              { key: 'assessor', label: '考核机构', children: data.item.assessorName ?? '未指定' },
              { key: 'procedure', label: '考核程序', children: procedureLabels[data.item.procedure] },
              { key: 'paper', label: '试卷名称', children: paperKindLabels[data.item.paper] },
              { key: 'state', label: '测评状态', children: examProgressStateLabels[data.item.state] },
              { key: 'outcome', label: '测评结果', children: examProgressOutcomeLabels[data.item.outcome] },
            ]}
          />
          {data.attempts.length === 0 ? <Empty description="尚未参加本试卷的测评" /> : data.attempts.map((attempt) => <AttemptSection key={attempt.id} attempt={attempt} />)}
        </Flex>
      )}
    </Drawer>
  );
}
