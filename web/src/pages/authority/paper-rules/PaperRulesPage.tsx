import { Alert, Flex } from 'antd';
import { errorMessage } from '../../../api/client';
import { usePaperRules } from '../../../api/paperRules';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageSpin } from '../../../components/PageSpin';
import { RuleCard } from './RuleCard';
import './paper-rules.css';

/** 试卷规则 of the current cycle: 医学人文·法律法规 (one for all), then 业务水平 per 执业类别. */
export function PaperRulesPage() {
  const rules = usePaperRules();
  if (rules.isError) return <LoadFailed message={errorMessage(rules.error)} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <PageSpin />;
  const { cycle, cards } = rules.data;
  return (
    <Flex vertical gap={16}>
      {cycle ? (
        <Alert
          type="info"
          showIcon
          title={`${cycle.name}考核周期的试卷规则`}
          description="每次开始考试按规则从题库中随机抽题（A3/A4/B1型题整组抽取），考试开始后规则的修改不影响已开始的考试。题库中启用的题目不足时不能保存。典型设置：100题，60分钟，60分合格。"
        />
      ) : (
        <Alert type="warning" showIcon title="尚未设置当前考核周期，请先在【考核周期】中设置当前周期后再设置试卷规则" />
      )}
      {cards.map((card) => (
        <RuleCard key={`${card.paper}-${card.practiceCategory ?? ''}`} card={card} disabled={!cycle} />
      ))}
    </Flex>
  );
}
