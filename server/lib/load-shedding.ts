// Load shedding with @fastify/under-pressure: while the event loop lags beyond the limit (or the heap is over its
// limit), requests get 503 with Retry-After and a Chinese message instead of queueing until everything times out.
// The pages retry after the wait (开始考试 shows 排队中; answers stay queued in the browser). Health, readiness and
// metrics are never shed: nginx and the monitoring must still see the instance.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

export interface LoadSheddingOptions {
  /** Event-loop delay (ms) above which requests are shed; 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Heap in use (bytes) above which requests are shed; 0 for no limit. */
  maxHeapUsedBytes?: number;
  retryAfterSeconds?: number;
}

const NEVER_SHED = new Set(['/api/health', '/api/ready', '/metrics']);

export async function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions): Promise<void> {
  if (options.maxEventLoopDelayMs <= 0 && !options.maxHeapUsedBytes) return;
  const retryAfter = options.retryAfterSeconds ?? 5;
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    maxHeapUsedBytes: options.maxHeapUsedBytes ?? 0,
    exposeStatusRoute: false,
    pressureHandler: (request, reply) => {
      if (NEVER_SHED.has(request.url.split('?')[0])) return undefined;
      request.log.warn('request shed under load');
      reply.status(503).header('retry-after', String(retryAfter));
      return { error: { code: 'SERVER_BUSY', message: `当前访问人数较多，请${retryAfter}秒后重试` } } as unknown as undefined;
    },
  });
}
