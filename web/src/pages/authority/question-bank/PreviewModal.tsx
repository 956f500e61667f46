import { Alert, Checkbox, Flex, Modal, Radio, Tag, Typography } from 'antd';
import { optionLetters } from '../../../../../common/question-bank';
import type { AttemptQuestion } from '../../../../../common/schemas/exams';
import { errorMessage } from '../../../api/client';
import { useBankPreview } from '../../../api/questionBank';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';

const lettered = (options: string[]) => options.map((text, i) => ({ value: optionLetters[i], label: `${optionLetters[i]}. ${text}` }));

/** One question as the attempt page lays it out: its group's case or option list first, then the stem and the choices. */
function PreviewQuestion({ question, number }: { question: AttemptQuestion; number: number }) {
  const group = question.group;
  const choices = question.type === 'TF' ? [{ value: 'T', label: '正确' }, { value: 'F', label: '错误' }] : lettered(group?.sharedOptions ?? question.options);
  return (
    <Flex vertical gap={8} className="bank-preview-question">
      {group && group.first === question.position && (
        <div className="bank-preview-group">
          <Typography.Text type="secondary">
            （{group.first + 1}～{group.first + group.size}题共用{group.shared ? '题干' : '备选答案'}）
          </Typography.Text>
          {group.shared && <Typography.Paragraph className="bank-preview-shared">{group.shared}</Typography.Paragraph>}
          {group.sharedOptions && (
            <ul className="bank-preview-options">
              {lettered(group.sharedOptions).map((o) => (
                <li key={o.value}>{o.label}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Typography.Text strong>
        {number}. <Tag>{question.typeLabel}</Tag>
        {question.stem}
      </Typography.Text>
      {question.type === 'X' ? (
        <Checkbox.Group className="bank-preview-choices" options={choices} />
      ) : (
        <Radio.Group
          className={group?.sharedOptions ? 'bank-preview-choices bank-preview-letters' : 'bank-preview-choices'}
          options={group?.sharedOptions ? choices.map((c) => ({ value: c.value, label: c.value })) : choices}
        />
      )}
    </Flex>
  );
}

/** 预览: the item as an examinee sees it during the test (no key, no 解析). */
export function PreviewModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const preview = useBankPreview(id);
  return (
    <Modal title="预览" open={id !== null} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {preview.isError ? (
        <LoadFailed message={errorMessage(preview.error)} onRetry={() => void preview.refetch()} />
      ) : !preview.data ? (
        <PageSpin />
      ) : (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title="考生所见：考试中不显示答案和解析，选项顺序随机排列（B1型题一组共用同一顺序）。" />
          {preview.data.questions.map((q) => (
            <PreviewQuestion key={q.position} question={q} number={q.position + 1} />
          ))}
        </Flex>
      )}
    </Modal>
  );
}
