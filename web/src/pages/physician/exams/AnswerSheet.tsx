import { Button, Flex, Typography } from 'antd';
import type { AttemptQuestion } from '../../../../../common/schemas/exams';

interface Props {
  questions: AttemptQuestion[];
  answers: Record<number, string>;
  marked: ReadonlySet<number>;
  current: number;
  onJump: (position: number) => void;
}

/** 答题卡: every question by number — answered, unanswered, 标记 — and a jump to it. */
export function AnswerSheet({ questions, answers, marked, current, onJump }: Props) {
  const answered = questions.filter((q) => answers[q.position]).length;
  return (
    <div className="exam-sheet" aria-label="答题卡">
      <Typography.Text type="secondary">
        已答 {answered} / {questions.length} 题
      </Typography.Text>
      <div className="exam-sheet-grid">
        {questions.map((q) => {
          const classes = ['exam-sheet-cell', answers[q.position] ? 'answered' : 'unanswered', marked.has(q.position) ? 'marked' : '', q.position === current ? 'current' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <Button
              key={q.position}
              size="small"
              className={classes}
              aria-label={`第${q.position + 1}题${answers[q.position] ? '（已答）' : '（未答）'}${marked.has(q.position) ? '（已标记）' : ''}`}
              onClick={() => onJump(q.position)}
            >
              {q.position + 1}
            </Button>
          );
        })}
      </div>
      <Flex gap={12} wrap className="exam-sheet-legend">
        <span><i className="legend answered" />已答</span>
        <span><i className="legend unanswered" />未答</span>
        <span><i className="legend marked" />标记</span>
      </Flex>
    </div>
  );
}
