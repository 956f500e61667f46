import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './client';

/** Client errors (4xx) are answers; only network and server failures are worth a retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * Lists of work to do (审核 / 复核 queues, 信息审核, 待处理任务, 站内消息): others keep changing them, so every visit asks
 * again and so does coming back to the tab.
 */
export const workListOptions = { staleTime: 0, refetchOnWindowFocus: true } as const;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
