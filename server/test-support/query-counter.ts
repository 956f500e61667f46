// Counts the statements the app sends to its database (PGlite or the pg pool), to assert how many round trips a
// request costs. A transaction counts its BEGIN and COMMIT too.
import type { Database } from '../db/client.js';

type Query = (...args: unknown[]) => Promise<unknown>;
interface Queryable {
  query: Query;
  exec?: Query;
  transaction?: (fn: (tx: Queryable) => Promise<unknown>) => Promise<unknown>;
  connect?: (...args: unknown[]) => Promise<Queryable & { release: () => void }>;
}

export interface QueryCounter {
  /** Statements sent since the last reset (or since start). */
  readonly count: number;
  /** The SQL text of those statements, for a failing assertion's message. */
  readonly statements: string[];
  reset(): void;
  restore(): void;
}

export function countQueries(db: Database): QueryCounter {
  const client = (db as unknown as { $client: Queryable }).$client;
  const statements: string[] = [];
  const originals = new Map<keyof Queryable, unknown>();
  const note = (text: unknown) => statements.push(typeof text === 'string' ? text : String((text as { text?: string })?.text ?? text));
  const wrapQuery = (target: Queryable, key: 'query' | 'exec') => {
    const original = target[key];
    if (!original) return undefined;
    target[key] = function (this: unknown, ...args: unknown[]) {
      note(args[0]);
      return original.apply(target, args);
    } as Query;
    return original;
  };
  for (const key of ['query', 'exec'] as const) originals.set(key, wrapQuery(client, key));
  if (client.transaction) {
    const original = client.transaction;
    originals.set('transaction', original);
    client.transaction = (fn) =>
      original.call(client, (tx: Queryable) => {
        note('BEGIN');
        wrapQuery(tx, 'query');
        wrapQuery(tx, 'exec');
        return fn(tx).finally(() => note('COMMIT'));
      });
  }
  if (client.connect) {
    const original = client.connect;
    originals.set('connect', original);
    // A pooled client checked out for a transaction: its statements (BEGIN, …, COMMIT) are counted one by one.
    // pool.query checks out a client through connect(callback): that one is counted once, as pool.query.
    client.connect = async (...args: unknown[]) => {
      if (args.length) return original.apply(client, args);
      const pooled = await original.call(client);
      const query = pooled.query;
      pooled.query = function (...args: unknown[]) {
        note(args[0]);
        return query.apply(pooled, args);
      } as Query;
      const release = pooled.release;
      pooled.release = () => {
        pooled.query = query;
        pooled.release = release;
        release.call(pooled);
      };
      return pooled;
    };
  }
  return {
    get count() {
      return statements.length;
    },
    statements,
    reset: () => {
      statements.length = 0;
    },
    restore: () => {
      for (const [key, original] of originals) if (original) (client as unknown as Record<string, unknown>)[key] = original;
    },
  };
}
