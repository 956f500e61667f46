// 进度管理 › 测评进度 (the assessor's 考核机构考核): list, 查看 and 导出 for the institution, its assessor and the authority.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PaperKind } from '../../../common/papers';
import type { ExamProgressFilters, ExamProgressList, ExamProgressRecord } from '../../../common/schemas/exam-progress';
import { queryString } from '../lib/download';
import { API_BASE, apiGet } from './client';

const examProgressKey = ['exam-progress'] as const;

/** The tab (考核程序) and whichever filters are set. */
export type ExamProgressSearch = Partial<ExamProgressFilters> & Pick<ExamProgressFilters, 'procedure'>;

export interface ExamProgressQuery extends ExamProgressSearch {
  page: number;
  pageSize: number;
}

export function useExamProgressList(query: ExamProgressQuery) {
  return useQuery({
    queryKey: [...examProgressKey, 'list', query],
    queryFn: () => apiGet<ExamProgressList>(`/exam-progress${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** 查看: one enrolment's paper and its attempts (nothing is asked while `target` is null). */
export function useExamProgressRecord(target: { enrolmentId: number; paper: PaperKind } | null) {
  return useQuery({
    queryKey: [...examProgressKey, 'record', target],
    queryFn: () => apiGet<ExamProgressRecord>(`/exam-progress/enrolments/${target!.enrolmentId}/papers/${target!.paper}`),
    enabled: target !== null,
  });
}

/** The streamed 导出 of every row the filters match (the browser saves it). */
export const examProgressExportUrl = (search: ExamProgressSearch) => `${API_BASE}/exam-progress/export${queryString({ ...search })}`;
