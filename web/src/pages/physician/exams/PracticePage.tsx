// 待参加的练习 (seed 001 §2.4 注): practice on the same banks, as often as wished; each answer is told right or
// wrong with the key and 解析 at once, and nothing counts.
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PaperKind } from '../../../../../common/papers';
import { errorMessage } from '../../../api/client';
import { startPractice, useExamOverview } from '../../../api/exams';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import './exams.css';

export function PracticePage() {
  const overview = useExamOverview();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [count, setCount] = useState(20);
  const [starting, setStarting] = useState<PaperKind | null>(null);
  if (overview.isPending) return <PageSpin />;
  if (overview.isError) return <LoadFailed message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;

  const start = async (paper: PaperKind) => {
    setStarting(paper);
    try {
      const { attemptId } = await startPractice(paper, count);
      navigate(`/exams/attempts/${attemptId}`);
    } catch (error) {
      message.error(errorMessage(error));
      setStarting(null);
    }
  };

  return (
    <Flex vertical gap={16} className="exams-page">
      <Typography.Paragraph type="secondary">练习题从考试题库中随机抽取，每答一题即显示正确答案和解析，练习成绩不计入考核结果，可反复练习。</Typography.Paragraph>
      <Flex gap={8} align="center">
        <Typography.Text>每次练习题量</Typography.Text>
        <Select value={count} onChange={setCount} options={[10, 20, 50].map((n) => ({ value: n, label: `${n} 题` }))} style={{ width: 100 }} aria-label="每次练习题量" />
      </Flex>
      {overview.data.practice.map((p) => (
        <Card key={p.paper} title={`${p.paperLabel}练习`} className="exam-paper" aria-label={`练习 ${p.paperLabel}`}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">{p.available ? `题库共 ${p.questionCount} 题` : '题库暂无题目'}</Typography.Text>
            <Button type="primary" disabled={!p.available} loading={starting === p.paper} onClick={() => void start(p.paper)}>
              开始练习
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
