// 考核管理 (physician): 待参加的考试, attempts, answers, 提交试卷, 已完成的考试 and 练习.
import { useQuery } from '@tanstack/react-query';
import type { PaperKind } from '../../../common/papers';
import type { AttemptView, ExamOverview, SavedAnswers } from '../../../common/schemas/exams';
import { apiGet, apiPost } from './client';

export function useExamOverview() {
  return useQuery({ queryKey: ['exams'], queryFn: () => apiGet<ExamOverview>('/exams') });
}

export function useAttempt(attemptId: number) {
  return useQuery({
    queryKey: ['exams', 'attempt', attemptId],
    queryFn: async () => ({ view: await apiGet<AttemptView>(`/exams/attempts/${attemptId}`), receivedAt: Date.now() }),
    // The page owns the attempt's state once loaded; it refetches on purpose (visibility, submit).
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export const startExam = (paper: PaperKind, proctoringConsent?: boolean) => apiPost<{ attemptId: number }>('/exams/start', { paper, proctoringConsent });
export const startPractice = (paper: PaperKind, count: number) => apiPost<{ attemptId: number }>('/exams/practice', { paper, count });
export const saveAnswers = (attemptId: number, answers: { position: number; answer: string; seq: number }[]) =>
  apiPost<SavedAnswers>(`/exams/attempts/${attemptId}/answers`, { answers });
export const submitAttempt = (attemptId: number, reason: 'physician' | 'timeout') => apiPost<AttemptView>(`/exams/attempts/${attemptId}/submit`, { reason });
