// 监考 on the attempt page: the camera is opened once; a snapshot at the start and at random moments is drawn to a
// 320 × 240 canvas, encoded as a small JPEG, queued in the browser and sent in the background with retries. Camera
// problems (denied, busy, absent, lost mid-test) are told on the page each with its own message and reported to the
// server, which marks the attempt for review; answering never waits for any of it.
import { useEffect, useRef, useState } from 'react';
import type { CameraIssue } from '../../../../../common/schemas/proctoring';
import { isApiRequestError } from '../../../api/client';
import { proctoringPlan, reportCameraIssue, uploadSnapshot } from '../../../api/proctoring';
import { dataUrlToBlob, dropSnapshot, enqueueSnapshot, queuedSnapshots, randomMoments } from './snapshotQueue';

export interface ProctoringState {
  active: boolean;
  issue: CameraIssue | null;
  /** Snapshots still waiting in the browser for the server. */
  waiting: number;
}

function issueOf(error: unknown): CameraIssue {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'absent';
}

const RETRY_MS = 15_000;

export function useProctoring(attemptId: number, deadline: string | null, offsetMs: number, enabled: boolean): ProctoringState & { videoRef: React.RefObject<HTMLVideoElement | null> } {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<ProctoringState>({ active: false, issue: null, waiting: queuedSnapshots(attemptId).length });

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    const timers: ReturnType<typeof setTimeout>[] = [];
    let sending = false;

    const refresh = () => !stopped && setState((s) => ({ ...s, waiting: queuedSnapshots(attemptId).length }));

    const send = async () => {
      if (sending || stopped) return;
      sending = true;
      try {
        for (const item of queuedSnapshots(attemptId)) {
          try {
            await uploadSnapshot(attemptId, dataUrlToBlob(item.dataUrl), item.trigger, item.takenAt);
            dropSnapshot(attemptId, item.id);
          } catch (error) {
            // Offline or the server busy: keep it for the next try. Refused (ended, too many, not a picture): drop it.
            if (isApiRequestError(error) && error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 401) dropSnapshot(attemptId, item.id);
            else break;
          } finally {
            refresh();
          }
        }
      } finally {
        sending = false;
      }
    };

    const tell = (issue: CameraIssue) => {
      if (stopped) return;
      setState((s) => ({ ...s, active: false, issue }));
      void reportCameraIssue(attemptId, issue).catch(() => undefined);
    };

    const capture = (trigger: 'start' | 'random') => {
      const video = videoRef.current;
      if (stopped || !video || !stream || video.videoWidth === 0) return;
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      canvas.getContext('2d')?.drawImage(video, 0, 0, 320, 240);
      enqueueSnapshot(attemptId, { id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, trigger, takenAt: new Date(Date.now() + offsetMs).toISOString(), dataUrl: canvas.toDataURL('image/jpeg', 0.7) });
      refresh();
      void send();
    };

    const open = async () => {
      const plan = await proctoringPlan(attemptId).catch(() => null);
      if (stopped || !plan?.proctored) return;
      if (!navigator.mediaDevices?.getUserMedia) return tell('absent');
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, facingMode: 'user' }, audio: false });
      } catch (error) {
        return tell(issueOf(error));
      }
      if (stopped) return stream.getTracks().forEach((t) => t.stop());
      const [track] = stream.getVideoTracks();
      track?.addEventListener('ended', () => tell('lost'));
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined);
      }
      setState((s) => ({ ...s, active: true, issue: null }));
      const shoot = (trigger: 'start' | 'random') => {
        if (video && video.videoWidth === 0) video.addEventListener('loadeddata', () => capture(trigger), { once: true });
        else capture(trigger);
      };
      // A reload does not take the start picture again once the server has one.
      if (plan.received === 0) shoot('start');
      const remaining = deadline ? new Date(deadline).getTime() - (Date.now() + offsetMs) : 0;
      for (const at of randomMoments(plan.snapshots, remaining)) timers.push(setTimeout(() => shoot('random'), at));
    };

    void send();
    void open();
    const retry = setInterval(() => void send(), RETRY_MS);
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      timers.forEach(clearTimeout);
      clearInterval(retry);
      window.removeEventListener('online', online);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [attemptId, deadline, enabled, offsetMs]);

  return { ...state, videoRef };
}
