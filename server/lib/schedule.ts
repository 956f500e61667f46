// The periodic jobs of one server process (runExclusive in jobs.ts keeps them to one instance at a time). A
// failed run is logged under the job's name; stopping waits for the runs in flight, so that shutdown closes the
// database after them (a run cut off by the closing pool logged 「Cannot use a pool after calling end on the pool」).
export interface ScheduleLog {
  error(obj: object, msg: string): void;
}

export interface Schedule {
  /** Runs `job` every `everyMs` (and once now with `now`); a failure is logged as 「<name> failed」. */
  every(name: string, everyMs: number, job: () => Promise<unknown>, options?: { now?: boolean }): void;
  /** No more runs start; resolves once those in flight have ended. */
  stop(): Promise<void>;
}

export function schedule(log: ScheduleLog): Schedule {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  const run = (name: string, job: () => Promise<unknown>) => {
    const done = job().then(
      () => undefined,
      (err: unknown) => log.error({ err }, `${name} failed`),
    );
    running.add(done);
    void done.finally(() => running.delete(done));
  };
  return {
    every(name, everyMs, job, { now = false } = {}) {
      if (now) run(name, job);
      timers.push(setInterval(() => run(name, job), everyMs).unref());
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
