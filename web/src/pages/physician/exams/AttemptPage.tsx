// The attempt page (seed 001 §2.3–2.4): one question at a time with 答题卡, the time left from the server's
// deadline, every answer saved as it is given (and kept in the browser until the server has it), 提交试卷 with the
// unanswered questions named, and the page submitting by itself at zero. Practice shows each answer's key at once.
import { App, Alert, Button, Card, Drawer, Flex, Grid, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AttemptView } from '../../../../../common/schemas/exams';
import { apiGet, errorMessage } from '../../../api/client';
import { submitAttempt, useAttempt } from '../../../api/exams';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { AnswerSheet } from './AnswerSheet';
import { AttemptResult } from './AttemptResult';
import { forget } from './answerQueue';
import { QuestionView, type PracticeFeedback } from './QuestionView';
import { useAnswerQueue, type SaveStatus } from './useAnswerQueue';
import { useProctoring } from './useProctoring';
import { CAMERA_ISSUE_FOOTNOTE, cameraIssueLabels, cameraIssueMessages } from '../../../../../common/schemas/proctoring';
import { formatRemaining, useCountdown } from './useCountdown';
import './exams.css';

const statusTags: Record<SaveStatus, { color: string; text: string }> = {
  saved: { color: 'green', text: '已保存' },
  saving: { color: 'blue', text: '保存中' },
  offline: { color: 'red', text: '未连接' },
  closed: { color: 'default', text: '已停止作答' },
};

/** Keeps the session alive while the physician reads a long case without answering. */
const HEARTBEAT_MS = 4 * 60_000;

function useMarks(attemptId: number) {
  const key = `exam-marks-${attemptId}`;
  const [marked, setMarked] = useState<Set<number>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as number[]);
    } catch {
      return new Set();
    }
  });
  const toggle = (position: number) =>
    setMarked((old) => {
      const next = new Set(old);
      if (next.has(position)) next.delete(position);
      else next.add(position);
      try {
        localStorage.setItem(key, JSON.stringify([...next]));
      } catch {
        // marks are a convenience
      }
      return next;
    });
  return { marked, toggle };
}

function InProgress({ view, offsetMs, onReload }: { view: AttemptView; offsetMs: number; onReload: () => Promise<unknown> }) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [current, setCurrent] = useState(() => {
    const firstUnanswered = view.questions.find((q) => !view.answers.some((a) => a.position === q.position && a.answer));
    return firstUnanswered?.position ?? 0;
  });
  const [sheetOpen, setSheetOpen] = useState(false);
  const [feedback, setFeedback] = useState<Record<number, PracticeFeedback>>({});
  const [submitting, setSubmitting] = useState(false);
  const { marked, toggle } = useMarks(view.id);
  const practice = view.kind === 'practice';
  const queue = useAnswerQueue({
    attemptId: view.id,
    serverAnswers: view.answers,
    onKeys: (keys) => setFeedback((old) => ({ ...old, ...Object.fromEntries(keys.map((k) => [k.position, k])) })),
    onClosed: (text) => {
      message.warning(text);
      void onReload();
    },
  });
  const remaining = useCountdown(view.deadline, offsetMs);
  const proctoring = useProctoring(view.id, view.deadline, offsetMs, !practice);
  const autoSubmitted = useRef(false);

  const submit = useCallback(
    async (reason: 'physician' | 'timeout') => {
      setSubmitting(true);
      try {
        await queue.flush();
        await submitAttempt(view.id, reason);
        forget(view.id);
        await onReload();
      } catch (error) {
        message.error(errorMessage(error));
      } finally {
        setSubmitting(false);
      }
    },
    [message, onReload, queue, view.id],
  );

  useEffect(() => {
    if (remaining === 0 && !autoSubmitted.current && !practice) {
      autoSubmitted.current = true;
      message.info('考试时间到，系统正在自动提交试卷');
      void submit('timeout');
    }
  }, [message, practice, remaining, submit]);

  useEffect(() => {
    const timer = setInterval(() => void apiGet('/auth/me').catch(() => undefined), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);

  const question = view.questions[current];
  const unanswered = view.questions.filter((q) => !queue.answers[q.position]).map((q) => q.position + 1);

  const confirmSubmit = () => {
    if (queue.pendingCount > 0 && queue.status === 'offline') {
      modal.warning({ title: '答案尚未全部保存', content: `还有 ${queue.pendingCount} 题的答案未保存到服务器，请检查网络连接，恢复后答案会自动保存，再提交试卷。` });
      return;
    }
    modal.confirm({
      title: '确定提交试卷吗？',
      content: unanswered.length ? `您还有 ${unanswered.length} 题未作答：第 ${unanswered.join('、')} 题。提交后不能再修改答案。` : '全部题目已作答。提交后不能再修改答案。',
      okText: '提交试卷',
      cancelText: '继续答题',
      onOk: () => submit('physician'),
    });
  };

  const sheet = <AnswerSheet questions={view.questions} answers={queue.answers} marked={marked} current={current} onJump={(p) => { setCurrent(p); setSheetOpen(false); }} />;
  const tag = statusTags[queue.status];
  const lowTime = remaining !== null && remaining < 5 * 60_000;

  return (
    <Flex vertical gap={12} className="exam-attempt">
      <Card size="small" className="exam-header">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex vertical>
            <Typography.Text strong>
              {view.paperLabel}
              {practice ? '（练习）' : ''}
            </Typography.Text>
            {!practice && (
              <Typography.Text type="secondary">
                满分 {view.totalPoints} 分 · 合格分 {view.passScore} 分
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={8} align="center" wrap>
            {remaining !== null && (
              <Typography.Text className={lowTime ? 'exam-timer low' : 'exam-timer'} aria-label="剩余时间">
                剩余 {formatRemaining(remaining)}
              </Typography.Text>
            )}
            <Tag color={tag.color} aria-label="保存状态">
              {tag.text}
            </Tag>
            {!practice && (
              <video ref={proctoring.videoRef} className={proctoring.active ? 'proctoring-preview' : 'proctoring-preview idle'} muted playsInline aria-label="监考摄像头画面" />
            )}
            {proctoring.active && <Tag color="purple">监考中</Tag>}
            {!screens.md && <Button onClick={() => setSheetOpen(true)}>答题卡</Button>}
            <Button type="primary" loading={submitting} onClick={confirmSubmit}>
              {practice ? '结束练习' : '提交试卷'}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {proctoring.issue && (
        <Alert type="warning" showIcon role="alert" message={cameraIssueLabels[proctoring.issue]} description={`${cameraIssueMessages[proctoring.issue]}${CAMERA_ISSUE_FOOTNOTE}`} />
      )}
      {queue.status === 'offline' && (
        <Alert type="error" showIcon message="网络连接中断" description={`${queue.pendingCount} 题的答案已保存在本机，网络恢复后会自动保存到服务器，请勿关闭页面。`} />
      )}
      <Flex gap={12} align="flex-start">
        <Card className="exam-question-card">
          <QuestionView
            question={question}
            total={view.questions.length}
            answer={queue.answers[question.position] ?? ''}
            disabled={queue.status === 'closed' || submitting}
            onAnswer={(value) => queue.answer(question.position, value)}
            feedback={practice ? feedback[question.position] : undefined}
          />
          <Flex justify="space-between" gap={8} className="exam-nav">
            <Button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              上一题
            </Button>
            <Button onClick={() => toggle(question.position)}>{marked.has(question.position) ? '取消标记' : '标记'}</Button>
            <Button type="primary" disabled={current === view.questions.length - 1} onClick={() => setCurrent(current + 1)}>
              下一题
            </Button>
          </Flex>
        </Card>
        {screens.md && <Card className="exam-sheet-card">{sheet}</Card>}
      </Flex>
      <Drawer title="答题卡" placement="bottom" open={sheetOpen} onClose={() => setSheetOpen(false)} size="default">
        {sheet}
      </Drawer>
      <Button type="link" className="exam-back" onClick={() => navigate(practice ? '/exams/practice' : '/exams')}>
        返回考核管理（答案已自动保存，可稍后继续答题）
      </Button>
    </Flex>
  );
}

/** Route /exams/attempts/:attemptId. */
export function AttemptPage() {
  const attemptId = Number(useParams().attemptId);
  const attempt = useAttempt(attemptId);
  const { refetch } = attempt;

  // The time left is re-synced with the server when the tab becomes visible again (a phone asleep, another tab).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refetch();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refetch]);

  const offsetMs = useMemo(() => (attempt.data ? new Date(attempt.data.view.serverNow).getTime() - attempt.data.receivedAt : 0), [attempt.data]);
  if (attempt.isPending) return <PageSpin />;
  if (attempt.isError) return <LoadFailed message={errorMessage(attempt.error)} onRetry={() => void refetch()} />;
  const { view } = attempt.data;
  if (view.status === 'submitted') return <AttemptResult view={view} />;
  return <InProgress key={view.id} view={view} offsetMs={offsetMs} onReload={refetch} />;
}
