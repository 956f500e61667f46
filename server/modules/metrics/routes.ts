// GET /metrics for Prometheus. Not for the internet: answered to loopback callers that did not come through
// a proxy, or to anyone with `Authorization: Bearer $METRICS_TOKEN`.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function metricsAllowed(request: FastifyRequest, token: string | null): boolean {
  const auth = request.headers.authorization;
  if (token && auth?.startsWith('Bearer ')) return sameSecret(auth.slice('Bearer '.length), token);
  // A request relayed by nginx arrives from loopback too; the forwarding header tells it apart.
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers['x-real-ip'] !== undefined;
  return !proxied && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!metricsAllowed(request, app.deps.config.metricsToken)) throw new AppError(403, 'FORBIDDEN', '指标接口仅允许本机访问或凭 METRICS_TOKEN 访问');
    const { registry } = app.metrics;
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(await registry.metrics());
  });
}
