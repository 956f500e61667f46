// 考核机构: 开通申请权限, 考核机构审核, 指定考核机构 (authority); 申请考核机构 (institution); 考核委员会 / 考核办公室.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationListQueryInput,
  AssessorOptionList,
  AssignBody,
  AssignmentList,
  AssignmentListQueryInput,
  CommitteeBody,
  CommitteeMember,
  CommitteeMemberFields,
  CommitteeMemberList,
  MyApplication,
  PermissionList,
  PermissionListQueryInput,
} from '../../../common/schemas/assessor';
import { queryString } from '../lib/download';
import { API_BASE, apiDelete, apiGet, apiPost, apiPut, apiUpload } from './client';

const root = ['assessors'] as const;
const keys = {
  permissions: [...root, 'permissions'] as const,
  applications: [...root, 'applications'] as const,
  mine: [...root, 'my-application'] as const,
  assignments: [...root, 'assignments'] as const,
  options: [...root, 'options'] as const,
  committee: [...root, 'committee'] as const,
};

export const fileUrl = (id: string) => `${API_BASE}/files/${id}`;

// ── 开通申请权限 ──

export function usePermissionList(query: PermissionListQueryInput) {
  return useQuery({
    queryKey: [...keys.permissions, query],
    queryFn: () => apiGet<PermissionList>(`/assessors/permissions${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOpenPermissions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (institutionIds: number[]) => apiPost<{ opened: number; alreadyOpened: number }>('/assessors/permissions', { institutionIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.permissions }),
  });
}

// ── 考核机构审核 ──

export function useApplicationList(query: ApplicationListQueryInput) {
  return useQuery({
    queryKey: [...keys.applications, 'list', query],
    queryFn: () => apiGet<ApplicationList>(`/assessors/applications${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useApplicationDetail(id: number | null) {
  return useQuery({
    queryKey: [...keys.applications, 'detail', id],
    queryFn: () => apiGet<ApplicationDetail>(`/assessors/applications/${id}`),
    enabled: id !== null,
  });
}

export type ReviewDecision = { id: number; decision: 'approve' } | { id: number; decision: 'reject'; reason: string };

export function useReviewApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewDecision) =>
      input.decision === 'approve'
        ? apiPost<ApplicationDetail>(`/assessors/applications/${input.id}/approve`)
        : apiPost<ApplicationDetail>(`/assessors/applications/${input.id}/reject`, { reason: input.reason }),
    // A review changes the application, the permission list's 申请状态 and the assessors to choose from.
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}

// ── 申请考核机构 ──

export function useMyApplication() {
  return useQuery({ queryKey: keys.mine, queryFn: () => apiGet<MyApplication>('/assessors/my-application') });
}

export function useSubmitApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (files: Map<number, File>) => {
      const form = new FormData();
      for (const [slot, file] of files) form.append(`slot${slot}`, file, file.name);
      return apiUpload<MyApplication>('/assessors/my-application', form);
    },
    onSuccess: (mine) => client.setQueryData(keys.mine, mine),
  });
}

// ── 指定考核机构 ──

export function useAssignmentList(query: AssignmentListQueryInput) {
  return useQuery({
    queryKey: [...keys.assignments, query],
    queryFn: () => apiGet<AssignmentList>(`/assessors/assignments${queryString({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAssessorOptions(name: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.options, name],
    queryFn: () => apiGet<AssessorOptionList>(`/assessors${queryString({ name, pageSize: 50 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignAssessor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignBody) => apiPost<{ assigned: number }>('/assessors/assignments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: root }),
  });
}

// ── 考核委员会 / 考核办公室 ──

export function useCommitteeMembers(body: CommitteeBody, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.committee, body, page, pageSize],
    queryFn: () => apiGet<CommitteeMemberList>(`/assessors/committee-members${queryString({ body, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export type MemberInput = { id?: number; body: CommitteeBody; fields: CommitteeMemberFields };

export function useSaveCommitteeMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, fields }: MemberInput) =>
      id === undefined
        ? apiPost<CommitteeMember>('/assessors/committee-members', { ...fields, body })
        : apiPut<CommitteeMember>(`/assessors/committee-members/${id}`, fields),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.committee }),
  });
}

export function useDeleteCommitteeMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiDelete(`/assessors/committee-members/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.committee }),
  });
}
