import { Alert, Checkbox, Radio, Tag, Typography } from 'antd';
import type { AttemptQuestion } from '../../../../../common/schemas/exams';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export interface PracticeFeedback {
  key: string;
  explanation: string;
  correct: boolean;
}

interface Props {
  question: AttemptQuestion;
  total: number;
  answer: string;
  disabled?: boolean;
  onAnswer: (value: string) => void;
  feedback?: PracticeFeedback;
}

/** One question as the examinee sees it: its group's case or shared options, the stem, and the choices. */
export function QuestionView({ question, total, answer, disabled, onAnswer, feedback }: Props) {
  const { group } = question;
  const options = question.type === 'B1' ? (group?.sharedOptions ?? []) : question.options;
  const range = group ? `第${group.first + 1}–${group.first + group.size}题` : '';
  return (
    <div className="exam-question" aria-label={`第${question.position + 1}题`}>
      <div className="exam-question-meta">
        <Tag color="blue">{question.typeLabel}</Tag>
        <Typography.Text type="secondary">
          第 {question.position + 1} / {total} 题 · {question.points} 分
        </Typography.Text>
      </div>
      {group?.shared && (
        <div className="exam-shared">
          <Typography.Text type="secondary">（{range}共用题干）</Typography.Text>
          <Typography.Paragraph className="exam-shared-text">{group.shared}</Typography.Paragraph>
        </div>
      )}
      {question.type === 'B1' && group && (
        <div className="exam-shared">
          <Typography.Text type="secondary">（{range}共用备选答案）</Typography.Text>
          {options.map((text, i) => (
            <div key={i}>
              {LETTERS[i]}. {text}
            </div>
          ))}
        </div>
      )}
      <Typography.Paragraph className="exam-stem" strong>
        {question.position + 1}. {question.stem}
      </Typography.Paragraph>
      {question.type === 'TF' ? (
        <Radio.Group className="exam-choices" value={answer || undefined} disabled={disabled} onChange={(e) => onAnswer(e.target.value as string)}>
          <Radio value="T">正确</Radio>
          <Radio value="F">错误</Radio>
        </Radio.Group>
      ) : question.type === 'X' ? (
        <Checkbox.Group
          className="exam-choices"
          value={answer ? answer.split('') : []}
          disabled={disabled}
          onChange={(values) => onAnswer([...(values as string[])].sort().join(''))}
        >
          {options.map((text, i) => (
            <Checkbox key={i} value={LETTERS[i]}>
              {LETTERS[i]}. {text}
            </Checkbox>
          ))}
        </Checkbox.Group>
      ) : (
        <Radio.Group className="exam-choices" value={answer || undefined} disabled={disabled} onChange={(e) => onAnswer(e.target.value as string)}>
          {options.map((text, i) => (
            <Radio key={i} value={LETTERS[i]}>
              {question.type === 'B1' ? LETTERS[i] : `${LETTERS[i]}. ${text}`}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {question.type === 'X' && <Typography.Text type="secondary">（多选题，请选择所有正确答案）</Typography.Text>}
      {feedback && (
        <Alert
          className="exam-feedback"
          type={feedback.correct ? 'success' : 'error'}
          message={`${feedback.correct ? '回答正确' : '回答错误'}，正确答案：${answerLabel(feedback.key)}`}
          description={`解析：${feedback.explanation}`}
          showIcon
        />
      )}
    </div>
  );
}

export const answerLabel = (value: string) => (value === 'T' ? '正确' : value === 'F' ? '错误' : value || '未作答');
