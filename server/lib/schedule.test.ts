// schedule: failures are logged under the job's name, and stop() waits for a run in flight.
import { describe, expect, it } from 'vitest';
import { schedule } from './schedule.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('schedule', () => {
  it('stop() resolves only after the run in flight has ended, and starts no run after it', async () => {
    const jobs = schedule({ error: () => undefined });
    const release = gate();
    let runs = 0;
    let ended = false;
    jobs.every('certificate issue', 60_000, async () => {
      runs += 1;
      await release.opened;
      ended = true;
    }, { now: true });
    let stoppedFirst = false;
    const stopping = jobs.stop().then(() => (stoppedFirst = !ended));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    release.open();
    await stopping;
    expect(stoppedFirst).toBe(false);
    expect(runs).toBe(1);
  });

  it('logs a failed run as 「<name> failed」 with the error, and goes on', async () => {
    const logged: { obj: object; msg: string }[] = [];
    const jobs = schedule({ error: (obj, msg) => logged.push({ obj, msg }) });
    const failure = new Error('database went away');
    jobs.every('exam sweep', 60_000, () => Promise.reject(failure), { now: true });
    await jobs.stop();
    expect(logged).toEqual([{ obj: { err: failure }, msg: 'exam sweep failed' }]);
  });
});
