// 站内消息: the signed-in account's own messages with the unread count, 标为已读 and 全部标为已读.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageItem, MessageListQuery, MessagePage, ReadAllResult } from '../../../common/schemas/messages';
import { queryString } from '../lib/download';
import { apiGet, apiPost } from './client';
import { workListOptions } from './queryClient';

const root = ['messages'] as const;

/** The first page: the top bar's bell and the home page's card share it (one request for both). */
export const LATEST_MESSAGES: MessageListQuery = { page: 1, pageSize: 10 };

export function fetchMessages(query: MessageListQuery): Promise<MessagePage> {
  return apiGet<MessagePage>(`/messages${queryString({ ...query })}`);
}

export function useMessages(query: MessageListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...root, query],
    queryFn: () => fetchMessages(query),
    placeholderData: keepPreviousData,
    // New messages come with a review decision.
    ...workListOptions,
    enabled: options.enabled ?? true,
  });
}

/** Shows a message read in every cached page at once (the bell, the card, the list); the server's answer follows. */
function readLocally(page: MessagePage | undefined, id: number | 'all'): MessagePage | undefined {
  if (!page) return page;
  const now = new Date().toISOString();
  let marked = 0;
  const items = page.items.map((item) => {
    if (item.readAt || (id !== 'all' && item.id !== id)) return item;
    marked++;
    return { ...item, readAt: now };
  });
  return { ...page, items, unread: id === 'all' ? 0 : Math.max(0, page.unread - marked) };
}

/** 标为已读; the unread count everywhere follows. */
export function useMarkMessageRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiPost<MessageItem>(`/messages/${id}/read`),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: root });
      client.setQueriesData<MessagePage>({ queryKey: root }, (page) => readLocally(page, id));
    },
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}

/** 全部标为已读. */
export function useMarkAllMessagesRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ReadAllResult>('/messages/read-all'),
    onMutate: async () => {
      await client.cancelQueries({ queryKey: root });
      client.setQueriesData<MessagePage>({ queryKey: root }, (page) => readLocally(page, 'all'));
    },
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}
