// Per-request authentication from the route's own config (never by URL prefix), the forced
// password change, and the CSRF check on mutations (double submit: cookie + x-csrf-token header).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './access.js';
import { actorOf } from '../modules/auth/service.js';
import { AppError, unauthorized } from '../lib/errors.js';
import { CSRF_HEADER, SESSION_COOKIE, loadSessionAccount } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** From here on every log line of the request names who acted (ids only, never personal data). */
function bindActorToLog(request: FastifyRequest, reply: FastifyReply, actor: Actor): void {
  request.log = request.log.child({ accountId: actor.accountId, role: actor.role });
  reply.log = request.log;
}

export function registerSessionHooks(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // Unknown URLs (the web client's routes, static files) fall through to the not-found handler.
    if (!request.routeOptions.url || (config.public && !config.optionalAuth) || !request.url.startsWith('/api/')) return;
    const { config: appConfig, database } = app.deps;
    const token = request.cookies[SESSION_COOKIE];
    // One round trip: session, account, organisation (see loadSessionAccount).
    const session = token
      ? await loadSessionAccount(database.db, token, { idleMinutes: appConfig.sessionIdleMinutes, absoluteHours: appConfig.sessionAbsoluteHours })
      : null;
    const account = session?.account ?? null;
    if (config.optionalAuth) {
      if (session && account && !account.disabled) {
        request.session = session;
        request.actor = actorOf(account, session.role);
        bindActorToLog(request, reply, request.actor);
      }
      return;
    }
    if (!session) throw unauthorized(token ? '登录已过期，请重新登录' : '请先登录');
    if (!account || account.disabled) throw unauthorized('账号不可用，请重新登录');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(403, 'CSRF_INVALID', '页面已过期，请刷新页面后重试');
    }
    if (account.mustChangePassword && !config.beforePasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
    }
    request.session = session;
    request.actor = actorOf(account, session.role);
    bindActorToLog(request, reply, request.actor);
  });
}
