// 待参加的考试 (seed 001 §2.1–2.2): the papers this cycle requires, each with its state and 参加考试 / 继续答题.
import { Alert, Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { examStageLabels, type ExamPaper } from '../../../../../common/schemas/exams';
import { errorMessage } from '../../../api/client';
import { useExamOverview } from '../../../api/exams';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { formatDateRange } from '../../../lib/format';
import { StartExamModal } from './StartExamModal';
import './exams.css';

const stateColors: Record<ExamPaper['state'], string> = {
  notStarted: 'blue',
  inProgress: 'orange',
  passed: 'green',
  failed: 'red',
  locked: 'default',
  exempted: 'default',
};

function PaperCard({ paper, onStart }: { paper: ExamPaper; onStart: () => void }) {
  const navigate = useNavigate();
  const action =
    paper.state === 'inProgress' ? (
      <Button type="primary" onClick={() => navigate(`/exams/attempts/${paper.attemptId}`)}>
        继续答题
      </Button>
    ) : paper.state === 'passed' || paper.state === 'failed' ? (
      <Button onClick={() => navigate(`/exams/attempts/${paper.attemptId}`)}>查看成绩</Button>
    ) : (
      <Button type="primary" disabled={!!paper.blockedReason} onClick={onStart}>
        参加考试
      </Button>
    );
  return (
    <Card
      className="exam-paper"
      aria-label={`试卷 ${paper.paperLabel}`}
      title={paper.paperLabel}
      extra={<Tag color={stateColors[paper.state]}>{paper.state === 'passed' || paper.state === 'failed' ? `${paper.stateLabel} ${paper.score}分` : paper.stateLabel}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'stage', label: '考核阶段', children: examStageLabels[paper.stage] },
          { key: 'count', label: '题量', children: paper.questionCount ?? '—' },
          { key: 'minutes', label: '考试时长', children: paper.durationMinutes ? `${paper.durationMinutes} 分钟` : '—' },
          { key: 'pass', label: '合格分 / 满分', children: paper.passScore !== null ? `${paper.passScore} / ${paper.totalPoints}` : '—' },
        ]}
      />
      <Flex vertical gap={8} className="exam-paper-action">
        {paper.blockedReason && paper.state !== 'passed' && paper.state !== 'failed' && <Typography.Text type="secondary">{paper.blockedReason}</Typography.Text>}
        {action}
      </Flex>
    </Card>
  );
}

export function ExamsPage() {
  const overview = useExamOverview();
  const [starting, setStarting] = useState<ExamPaper | null>(null);
  if (overview.isPending) return <PageSpin />;
  if (overview.isError) return <LoadFailed message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  const { notice, papers, cycleName, windowLabel, testStart, testEnd } = overview.data;
  return (
    <Flex vertical gap={16} className="exams-page">
      {cycleName && testStart && testEnd && (
        <Typography.Text type="secondary">
          {cycleName} · {windowLabel}时间 {formatDateRange(testStart, testEnd)}
        </Typography.Text>
      )}
      {notice && <Alert type="info" showIcon message={notice} />}
      {papers.length === 0 ? (
        <Card>
          <Empty description="暂无待参加的考试" />
        </Card>
      ) : (
        papers.map((paper) => <PaperCard key={paper.paper} paper={paper} onStart={() => setStarting(paper)} />)
      )}
      <StartExamModal paper={starting} onClose={() => setStarting(null)} />
    </Flex>
  );
}
