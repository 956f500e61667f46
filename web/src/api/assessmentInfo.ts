// 考核信息查询 (physician): 本届 and 前两届, per 执业地点.
import { useQuery } from '@tanstack/react-query';
import type { AssessmentInfo } from '../../../common/schemas/assessment-info';
import { apiGet } from './client';

export function useAssessmentInfo() {
  return useQuery({ queryKey: ['assessment-info'], queryFn: () => apiGet<AssessmentInfo>('/assessment-info') });
}
