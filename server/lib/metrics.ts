// Prometheus metrics (prom-client), one registry per app: request rate and latency per route pattern,
// the database pool, event-loop lag (with the process defaults) and the job queue depth jobs report.
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseHandle } from '../db/client.js';

export interface Metrics {
  registry: Registry;
  /** Background jobs report how many items wait in their queue (`queue`: the job's name). */
  setJobQueueDepth(queue: string, depth: number): void;
}

/** Requests that matched no route share one label, so scanners cannot grow the series without bound. */
const UNMATCHED = 'unmatched';

export function createMetrics(app: FastifyInstance, database: DatabaseHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route pattern', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const pool = (name: string, help: string, pick: (s: ReturnType<DatabaseHandle['poolStats']>) => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(pick(database.poolStats())); } });
  pool('db_pool_connections_total', 'Database connections open (embedded: 1)', (s) => s.total);
  pool('db_pool_connections_idle', 'Database connections open and idle', (s) => s.idle);
  pool('db_pool_requests_waiting', 'Queries waiting for a free database connection', (s) => s.waiting);
  const queueDepth = new Gauge({ name: 'job_queue_depth', help: 'Items waiting in a background job queue', labelNames: ['queue'], registers: [registry] });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  return { registry, setJobQueueDepth: (queue, depth) => queueDepth.set({ queue }, depth) };
}
