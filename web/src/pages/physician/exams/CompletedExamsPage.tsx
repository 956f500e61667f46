// 已完成的考试 (seed 001 §2.4 注): every submitted test, all cycles, with its score and result.
import { Button, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { examStageLabels, type CompletedAttempt } from '../../../../../common/schemas/exams';
import { errorMessage } from '../../../api/client';
import { useExamOverview } from '../../../api/exams';
import { LoadFailed } from '../../../components/LoadFailed';
import './exams.css';

const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

export function CompletedExamsPage() {
  const overview = useExamOverview();
  const navigate = useNavigate();
  if (overview.isError) return <LoadFailed message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  return (
    <Card className="exams-page">
      <Table<CompletedAttempt>
        rowKey="attemptId"
        loading={overview.isPending}
        dataSource={overview.data?.completed}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: '暂无已完成的考试' }}
        columns={[
          { title: '考核周期', dataIndex: 'cycleName' },
          { title: '试卷名称', dataIndex: 'paperLabel' },
          { title: '考核阶段', dataIndex: 'stage', render: (s: CompletedAttempt['stage']) => examStageLabels[s] },
          { title: '开始时间', dataIndex: 'startedAt', render: time },
          { title: '交卷时间', dataIndex: 'submittedAt', render: time },
          { title: '成绩', dataIndex: 'score' },
          { title: '结果', dataIndex: 'passed', render: (passed: boolean) => <Tag color={passed ? 'green' : 'red'}>{passed ? '合格' : '不合格'}</Tag> },
          { title: '操作', key: 'action', render: (_, row) => <Button type="link" onClick={() => navigate(`/exams/attempts/${row.attemptId}`)}>查看</Button> },
        ]}
      />
    </Card>
  );
}
