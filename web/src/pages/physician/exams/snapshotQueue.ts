// Snapshots waiting for the server, kept in localStorage (small JPEGs as data URLs) so that a lost connection or a
// reload does not lose them; sent oldest first, each removed once the server has it — or has refused it for good
// (the attempt ended, the picture was refused), since a snapshot is never worth blocking anything for.
export interface QueuedSnapshot {
  id: string;
  trigger: 'start' | 'random';
  takenAt: string;
  dataUrl: string;
}

/** At most this many wait in the browser (the oldest are dropped first when storage is short). */
const MAX_QUEUED = 12;
const key = (attemptId: number) => `proctoring-snapshots-${attemptId}`;

export function queuedSnapshots(attemptId: number): QueuedSnapshot[] {
  try {
    return JSON.parse(localStorage.getItem(key(attemptId)) ?? '[]') as QueuedSnapshot[];
  } catch {
    return [];
  }
}

function save(attemptId: number, items: QueuedSnapshot[]): void {
  for (let keep = items.slice(-MAX_QUEUED); ; keep = keep.slice(1)) {
    try {
      if (keep.length === 0) localStorage.removeItem(key(attemptId));
      else localStorage.setItem(key(attemptId), JSON.stringify(keep));
      return;
    } catch {
      if (keep.length === 0) return;
    }
  }
}

export function enqueueSnapshot(attemptId: number, item: QueuedSnapshot): void {
  save(attemptId, [...queuedSnapshots(attemptId), item]);
}

export function dropSnapshot(attemptId: number, id: string): void {
  save(attemptId, queuedSnapshots(attemptId).filter((s) => s.id !== id));
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const [head, body] = dataUrl.split(',');
  const mime = /data:([^;]+)/.exec(head)?.[1] ?? 'image/jpeg';
  const bytes = atob(body);
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return new Blob([array], { type: mime });
}

/**
 * `count` moments (ms from now) spread at random over what is left of the attempt, away from its very start and end,
 * so the physician cannot tell when the next one comes.
 */
export function randomMoments(count: number, remainingMs: number, margin = 30_000): number[] {
  const span = remainingMs - 2 * margin;
  if (count <= 0 || span <= 0) return [];
  const slot = span / count;
  return Array.from({ length: count }, (_, i) => Math.round(margin + i * slot + Math.random() * slot));
}
