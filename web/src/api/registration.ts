// 我要报名 and 当前任务 (physician): the draft of the five steps, its files, 提交, and the home's task card.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PhysicianTask, Registration, RegistrationFileSlot, RegistrationStep } from '../../../common/schemas/registration';
import { API_BASE, apiDelete, apiGet, apiPost, apiPut, apiUpload } from './client';
import { homeQueryKey } from './home';

const root = ['registration'] as const;
export const registrationKeys = {
  task: [...root, 'task'] as const,
  draft: [...root, 'draft'] as const,
};

export const registrationFileUrl = (id: string) => `${API_BASE}/files/${id}`;

export function useTask() {
  return useQuery({ queryKey: registrationKeys.task, queryFn: () => apiGet<PhysicianTask>('/registration/task') });
}

/** 409 (not enrolled) is an answer to show, not a failure to retry. */
export function useRegistration() {
  return useQuery({ queryKey: registrationKeys.draft, queryFn: () => apiGet<Registration>('/registration'), retry: false });
}

/** Every write answers with the whole registration: it replaces the cached one; the task card follows. */
function useWrite<A>(call: (args: A) => Promise<Registration>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (registration) => {
      client.setQueryData(registrationKeys.draft, registration);
      void client.invalidateQueries({ queryKey: registrationKeys.task });
    },
  });
}

export function useSaveStep() {
  return useWrite(({ step, body, draft = false }: { step: RegistrationStep; body: unknown; draft?: boolean }) =>
    apiPut<Registration>(`/registration/steps/${step}${draft ? '?draft=true' : ''}`, body),
  );
}

export function useUploadFile() {
  return useWrite(({ slot, file }: { slot: RegistrationFileSlot; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<Registration>(`/registration/files/${slot}`, form);
  });
}

export function useDeleteFile() {
  return useWrite((fileId: string) => apiDelete<Registration>(`/registration/files/${fileId}`));
}

export function useSubmitRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<Registration>('/registration/submit'),
    onSuccess: (registration) => {
      client.setQueryData(registrationKeys.draft, registration);
      void client.invalidateQueries({ queryKey: registrationKeys.task });
      void client.invalidateQueries({ queryKey: homeQueryKey });
    },
  });
}

/** 头像: stored on the physician at once; the registration shows it as identity.photoFileId. */
export function useUploadPhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<{ photoFileId: string }>('/registration/photo', form, 'PUT');
    },
    onSuccess: ({ photoFileId }) => {
      client.setQueryData<Registration>(registrationKeys.draft, (current) =>
        current ? { ...current, identity: { ...current.identity, photoFileId } } : current,
      );
    },
  });
}
