import { Button, Card, Collapse, Flex, Result, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { AttemptView } from '../../../../../common/schemas/exams';
import { answerLabel } from './QuestionView';

/** After 提交试卷: the score, 合格 / 不合格, and the answers with the key and 解析 when the rule allows. */
export function AttemptResult({ view }: { view: AttemptView }) {
  const navigate = useNavigate();
  const result = view.result!;
  const practice = view.kind === 'practice';
  const given = new Map(view.answers.map((a) => [a.position, a.answer]));
  return (
    <Flex vertical gap={12} className="exam-attempt">
      <Card>
        <Result
          status={result.passed ? 'success' : practice ? 'info' : 'error'}
          title={practice ? `练习完成：答对 ${result.score} / ${view.totalPoints} 题` : `${view.paperLabel}：${result.score} 分，${result.passed ? '合格' : '不合格'}`}
          subTitle={
            practice
              ? '练习成绩不计入考核结果'
              : `满分 ${view.totalPoints} 分，合格分 ${view.passScore} 分；已答 ${result.answeredCount} / ${view.questions.length} 题；${dayjs(result.submittedAt).format('YYYY-MM-DD HH:mm')} ${result.submittedByLabel}`
          }
          extra={[
            <Button key="back" type="primary" onClick={() => navigate(practice ? '/exams/practice' : '/exams')}>
              {practice ? '返回待参加的练习' : '返回待参加的考试'}
            </Button>,
            !practice && (
              <Button key="done" onClick={() => navigate('/exams/completed')}>
                已完成的考试
              </Button>
            ),
          ]}
        />
      </Card>
      {result.review && (
        <Card title="答题情况">
          <Collapse
            size="small"
            items={view.questions.map((q) => {
              const review = result.review!.find((r) => r.position === q.position)!;
              return {
                key: q.position,
                label: (
                  <Flex gap={8} align="center">
                    <Tag color={review.correct ? 'green' : 'red'}>{review.correct ? '正确' : '错误'}</Tag>
                    <Typography.Text ellipsis className="exam-review-stem">
                      {q.position + 1}. {q.stem}
                    </Typography.Text>
                  </Flex>
                ),
                children: (
                  <Flex vertical gap={4}>
                    {q.group?.shared && <Typography.Text type="secondary">{q.group.shared}</Typography.Text>}
                    {(q.type === 'B1' ? (q.group?.sharedOptions ?? []) : q.options).map((text, i) => (
                      <div key={i}>
                        {'ABCDEFGH'[i]}. {text}
                      </div>
                    ))}
                    <div>您的答案：{answerLabel(given.get(q.position) ?? '')}</div>
                    <div>正确答案：{answerLabel(review.key)}</div>
                    <Typography.Text type="secondary">解析：{review.explanation}</Typography.Text>
                  </Flex>
                ),
              };
            })}
          />
        </Card>
      )}
    </Flex>
  );
}
