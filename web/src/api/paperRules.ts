// 试卷规则 (provincial authority): the cards of the current cycle and 保存 of one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaperRuleBody, PaperRuleCard, PaperRules } from '../../../common/schemas/paper-rules';
import { apiGet, apiPut } from './client';

const key = ['paper-rules'] as const;

export function usePaperRules() {
  return useQuery({ queryKey: key, queryFn: () => apiGet<PaperRules>('/paper-rules') });
}

export function useSavePaperRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperRuleBody) => apiPut<PaperRuleCard>('/paper-rules', body),
    onSuccess: (card) =>
      client.setQueryData<PaperRules>(key, (rules) =>
        rules ? { ...rules, cards: rules.cards.map((c) => (c.paper === card.paper && c.practiceCategory === card.practiceCategory ? card : c)) } : rules,
      ),
  });
}
