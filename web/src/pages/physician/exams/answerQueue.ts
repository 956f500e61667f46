// The examinee's answers as the page holds them: what is shown, and what the server has not acknowledged yet.
// Every answer gets the next sequence number; the queue is kept in localStorage until the server says it holds that
// answer (or a newer one), so a reload, a crash or a lost connection loses nothing the physician chose.

export interface QueuedAnswer {
  answer: string;
  seq: number;
}

export interface QueueState {
  answers: Record<number, string>;
  pending: Record<number, QueuedAnswer>;
  /** The last sequence number used; the next answer takes seq + 1. */
  seq: number;
}

interface Stored {
  pending: Record<number, QueuedAnswer>;
  seq: number;
}

const key = (attemptId: number) => `exam-answers-${attemptId}`;

export function loadStored(attemptId: number): Stored | null {
  try {
    const raw = localStorage.getItem(key(attemptId));
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function persist(attemptId: number, state: QueueState): void {
  try {
    localStorage.setItem(key(attemptId), JSON.stringify({ pending: state.pending, seq: state.seq } satisfies Stored));
  } catch {
    // Storage full or disabled (private mode): the server copy still counts; the banner says what is unsaved.
  }
}

export function forget(attemptId: number): void {
  try {
    localStorage.removeItem(key(attemptId));
  } catch {
    // nothing to do
  }
}

/** The server's answers, overlaid with this browser's unacknowledged ones that are newer. */
export function initialState(server: readonly { position: number; answer: string; seq: number }[], stored: Stored | null): QueueState {
  const answers: Record<number, string> = {};
  const serverSeq: Record<number, number> = {};
  let seq = stored?.seq ?? 0;
  for (const a of server) {
    answers[a.position] = a.answer;
    serverSeq[a.position] = a.seq;
    seq = Math.max(seq, a.seq);
  }
  const pending: Record<number, QueuedAnswer> = {};
  for (const [position, queued] of Object.entries(stored?.pending ?? {})) {
    const p = Number(position);
    if ((serverSeq[p] ?? 0) < queued.seq) {
      pending[p] = queued;
      answers[p] = queued.answer;
    }
  }
  return { answers, pending, seq };
}

export function record(state: QueueState, position: number, answer: string): QueueState {
  const seq = state.seq + 1;
  return { answers: { ...state.answers, [position]: answer }, pending: { ...state.pending, [position]: { answer, seq } }, seq };
}

/** Drops what the server now holds (at that sequence number or a newer one). */
export function acknowledge(state: QueueState, saved: readonly { position: number; seq: number }[]): QueueState {
  const pending = { ...state.pending };
  for (const s of saved) if (pending[s.position] && pending[s.position].seq <= s.seq) delete pending[s.position];
  return { ...state, pending };
}

export const pendingList = (state: QueueState) => Object.entries(state.pending).map(([position, q]) => ({ position: Number(position), ...q }));
