// 参加考试 → 考试须知 → 开始考试. When many start at once the server admits them at a bounded rate and answers
// 429 / 503 with Retry-After: the modal shows 排队中 with the wait and tries again by itself (with jitter).
import { Alert, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ExamPaper } from '../../../../../common/schemas/exams';
import { errorMessage, isApiRequestError } from '../../../api/client';
import { startExam } from '../../../api/exams';
import { useProctoringSettings } from '../../../api/proctoring';
import { ProctoringConsent, type ConsentChoice } from './ProctoringConsent';

export function StartExamModal({ paper, onClose }: { paper: ExamPaper | null; onClose: () => void }) {
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const settings = useProctoringSettings(!!paper);
  const proctored = settings.data?.enabled ?? false;
  const [consent, setConsent] = useState<ConsentChoice>('pending');

  useEffect(() => () => { if (timer.current) clearInterval(timer.current); }, []);

  const start = async () => {
    if (!paper) return;
    setStarting(true);
    setError(null);
    try {
      const { attemptId } = await startExam(paper.paper, proctored ? consent === 'agreed' : undefined);
      navigate(`/exams/attempts/${attemptId}`);
    } catch (e) {
      if (isApiRequestError(e) && (e.status === 429 || e.status === 503)) {
        // Queue: count down the server's wait plus up to 2 s of jitter, then try again by itself.
        let left = (e.retryAfterSeconds ?? 3) + Math.floor(Math.random() * 3);
        setWaitSeconds(left);
        timer.current = setInterval(() => {
          left -= 1;
          setWaitSeconds(left);
          if (left <= 0) {
            clearInterval(timer.current!);
            timer.current = null;
            void start();
          }
        }, 1000);
        return;
      }
      setStarting(false);
      setWaitSeconds(null);
      setError(errorMessage(e));
    }
  };

  const cancel = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setStarting(false);
    setWaitSeconds(null);
    setError(null);
    setConsent('pending');
    onClose();
  };

  return (
    <Modal
      open={!!paper}
      title={`考试须知：${paper?.paperLabel ?? ''}`}
      okText={waitSeconds !== null ? '排队中…' : '开始考试'}
      cancelText="取消"
      confirmLoading={starting}
      onOk={start}
      onCancel={cancel}
      maskClosable={false}
      // With 监考 on, 开始考试 waits for the separate consent (and for the settings to be known).
      okButtonProps={{ disabled: settings.isPending || (proctored && consent !== 'agreed') }}
    >
      {paper && (
        <>
          <Typography.Paragraph>
            考试时长 <b>{paper.durationMinutes}</b> 分钟，共 <b>{paper.questionCount}</b> 题，满分 <b>{paper.totalPoints}</b> 分，<b>{paper.passScore}</b> 分合格。
          </Typography.Paragraph>
          <ul className="exam-rules">
            <li>点击“开始考试”后开始计时，计时不因退出或断网暂停；时间到系统自动提交试卷。</li>
            <li>每答一题自动保存；网络中断时答案暂存在本机，恢复后自动保存到服务器。</li>
            <li>刷新页面或换一台设备登录，可从中断处继续答题。</li>
            <li>须先通过医学人文·法律法规考试，方可参加业务水平考试。</li>
            <li>提交试卷后不能再修改答案。</li>
          </ul>
          {proctored && settings.data && <ProctoringConsent settings={settings.data} choice={consent} onChoose={setConsent} />}
          {waitSeconds !== null && <Alert type="info" showIcon message={`当前开始考试的人数较多，正在排队，约 ${Math.max(0, waitSeconds)} 秒后自动进入考试，请勿关闭页面。`} />}
          {error && <Alert type="error" showIcon message={error} />}
        </>
      )}
    </Modal>
  );
}
