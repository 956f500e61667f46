// Sends the queued answers to the server, one batch at a time, and retries with backoff and jitter while the
// connection is lost (and at once when the browser says it is back). The page shows the status: 已保存 / 保存中 / 未连接.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedAnswers } from '../../../../../common/schemas/exams';
import { saveAnswers } from '../../../api/exams';
import { isApiRequestError } from '../../../api/client';
import { acknowledge, initialState, loadStored, pendingList, persist, record, type QueueState } from './answerQueue';

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'closed';

interface Options {
  attemptId: number;
  serverAnswers: readonly { position: number; answer: string; seq: number }[];
  /** Practice: the key and 解析 of each answer, as the server returns them. */
  onKeys?: (keys: NonNullable<SavedAnswers['keys']>) => void;
  /** The server refused for good (submitted, or the time is over): the page reloads the attempt. */
  onClosed?: (message: string) => void;
}

const backoff = (failures: number) => Math.min(15_000, 1_000 * 2 ** failures) + Math.random() * 1_000;

export function useAnswerQueue({ attemptId, serverAnswers, onKeys, onClosed }: Options) {
  const [state, setState] = useState<QueueState>(() => initialState(serverAnswers, loadStored(attemptId)));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const stateRef = useRef(state);
  const inFlight = useRef(false);
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callbacks = useRef({ onKeys, onClosed });
  callbacks.current = { onKeys, onClosed };

  const update = useCallback(
    (next: QueueState) => {
      stateRef.current = next;
      persist(attemptId, next);
      setState(next);
    },
    [attemptId],
  );

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) return;
    const batch = pendingList(stateRef.current);
    if (batch.length === 0) {
      setStatus((s) => (s === 'closed' ? s : 'saved'));
      return;
    }
    inFlight.current = true;
    setStatus((s) => (s === 'offline' ? s : 'saving'));
    try {
      const saved = await saveAnswers(attemptId, batch.slice(0, 200));
      failures.current = 0;
      update(acknowledge(stateRef.current, saved.saved));
      if (saved.keys?.length) callbacks.current.onKeys?.(saved.keys);
      inFlight.current = false;
      if (pendingList(stateRef.current).length) return flush();
      setStatus('saved');
    } catch (error) {
      inFlight.current = false;
      if (isApiRequestError(error) && error.status === 409) {
        setStatus('closed');
        callbacks.current.onClosed?.(error.message);
        return;
      }
      // Offline, a 5xx, a 429/503 of a busy server: keep the queue and try again later.
      setStatus('offline');
      failures.current += 1;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = setTimeout(() => void flush(), backoff(failures.current));
    }
  }, [attemptId, update]);

  const answer = useCallback(
    (position: number, value: string) => {
      update(record(stateRef.current, position, value));
      void flush();
    },
    [flush, update],
  );

  useEffect(() => {
    // Answers left over from before a reload go out at once.
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [flush]);

  return { answers: state.answers, pendingCount: Object.keys(state.pending).length, status, answer, flush };
}
