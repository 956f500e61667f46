// The requests of a bench run again without HTTP, as the "bare" figure beside each list: the session's
// actor is read the way the server reads it (one statement), then each query string goes through the route's
// schema into the service function the route calls — its SQL and row mapping, without sockets, cookies, the
// session hook, serialisation or compression. HTTP p95 ÷ this p95 is the cost of the request path.
import type { z } from 'zod';
import type { Actor } from '../../server/auth/access.js';
import { loadSessionAccount, SESSION_COOKIE } from '../../server/auth/sessions.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/client.js';
import type { Pii } from '../../server/lib/pii.js';
import { actorOf } from '../../server/modules/auth/service.js';
import { openRuntime } from '../../server/runtime.js';
import type { ApiClient } from './http.js';
import { latency, summarize, type LatencySummary } from './stats.js';

/** What the list services take (the routes pass the same). */
export interface BareDeps {
  db: Database;
  pii: Pii;
}

export interface Bare {
  /** Times each query once, in order, after 5 uncounted warm-ups, as the HTTP measurement does. */
  time<Q>(client: ApiClient, schema: z.ZodType<Q>, run: (deps: BareDeps, actor: Actor, query: Q) => Promise<unknown>, list: string[]): Promise<LatencySummary>;
  close(): Promise<void>;
}

export async function openBare(): Promise<Bare> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const { db } = runtime.database;
  const deps = { db, pii: runtime.pii };
  return {
    async time(client, schema, run, list) {
      const session = await loadSessionAccount(db, client.cookie(SESSION_COOKIE) ?? '', { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
      if (!session) throw new Error('the bench client has no live session');
      const actor = actorOf(session.account, session.role);
      const parse = (query: string) => schema.parse(Object.fromEntries(new URLSearchParams(query)));
      for (const query of list.slice(0, 5)) await run(deps, actor, parse(query));
      const times: number[] = [];
      for (const query of list) {
        const started = performance.now();
        await run(deps, actor, parse(query));
        times.push(performance.now() - started);
      }
      return summarize(times);
    },
    close: () => runtime.close(),
  };
}

/** The table row of a bare figure beside its HTTP one. */
export function bareRow(label: string, http: LatencySummary, alone: LatencySummary): [string, string, string] {
  return [label, latency(alone), `HTTP p95 ÷ bare p95 = ${(http.p95 / alone.p95).toFixed(2)}`];
}
