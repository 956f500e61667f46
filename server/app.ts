// Builds the Fastify app: plugins, the session/CSRF hooks, the one error handler, the routes and the web client.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Actor } from './auth/access.js';
import { registerSessionHooks } from './auth/hooks.js';
import type { SessionRow } from './auth/sessions.js';
import type { Config } from './config.js';
import { registerSecurityHeaders } from './lib/security-headers.js';
import type { DatabaseHandle } from './db/client.js';
import { AppError, TooManyRequestsError } from './lib/errors.js';
import { loggingOptions, type LogOptions } from './lib/logger.js';
import { createMetrics, type Metrics } from './lib/metrics.js';
import { BODY_LIMIT, MULTIPART_LIMITS, requestErrorMessage } from './lib/request-errors.js';
import { safeValidatorCompiler } from './lib/validation.js';
import { registerLoadShedding } from './lib/load-shedding.js';
import type { Pii } from './lib/pii.js';
import { createSmsProvider, type SmsProvider } from './lib/sms.js';
import type { Storage } from './lib/storage.js';
import { databaseRateLimitStore } from './lib/rate-limit-store.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { accountSettingsRoutes } from './modules/account-settings/routes.js';
import { passwordResetRoutes } from './modules/password-reset/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { homeRoutes } from './modules/home/routes.js';
import { physicianRoutes } from './modules/physicians/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { assessorRoutes } from './modules/assessors/routes.js';
import { cycleRoutes } from './modules/cycles/routes.js';
import { departmentRoutes } from './modules/departments/routes.js';
import { registrationRoutes } from './modules/registrations/routes.js';
import { reviewRoutes } from './modules/reviews/routes.js';
import { changeRequestRoutes } from './modules/change-requests/routes.js';
import { assessmentInfoRoutes } from './modules/assessment-info/routes.js';
import { messageRoutes } from './modules/messages/routes.js';
import { fileRoutes } from './modules/files/routes.js';
import { institutionRoutes } from './modules/institutions/routes.js';
import { noticeRoutes } from './modules/notices/routes.js';
import { policyRoutes } from './modules/policies/routes.js';
import { progressRoutes } from './modules/progress/routes.js';
import { statisticsRoutes } from './modules/statistics/routes.js';
import { metricsRoutes } from './modules/metrics/routes.js';
import { examRoutes } from './modules/exams/routes.js';
import { retakeRoutes } from './modules/retakes/routes.js';
import { questionBankRoutes } from './modules/question-bank/routes.js';
import { paperRuleRoutes } from './modules/paper-rules/routes.js';
import { examProgressRoutes } from './modules/exam-progress/routes.js';
import { multiSiteEvaluationRoutes } from './modules/multi-site-evaluations/routes.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { proctoringRoutes } from './modules/proctoring/routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
    /** Reachable while the initial password has not been changed yet. */
    beforePasswordChange?: boolean;
    /** Public, but a signed-in caller is recognised (request.actor set when there is a session). */
    optionalAuth?: boolean;
  }
  interface FastifyInstance {
    deps: AppDeps & { sms: SmsProvider };
    metrics: Metrics;
  }
}

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  pii: Pii;
  storage: Storage;
  /** Defaults to the provider named by SMS_PROVIDER (the outbox). */
  sms?: SmsProvider;
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

/** `log`: where and from which level the JSON log lines go (false: no logging); always with the redaction of lib/logger. */
export async function buildApp(deps: AppDeps, options: Omit<FastifyServerOptions, 'logger'> & { log?: LogOptions | false } = {}): Promise<FastifyInstance> {
  const { log = false, ...fastifyOptions } = options;
  const app = Fastify({ trustProxy: deps.config.trustProxy, bodyLimit: BODY_LIMIT, ...loggingOptions(log), ...fastifyOptions });
  app.decorate('deps', { ...deps, sms: deps.sms ?? createSmsProvider(deps.config, app.log) });
  app.decorate('metrics', createMetrics(app, deps.database));
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.setValidatorCompiler(safeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  registerSecurityHeaders(app, { upgradeInsecureRequests: deps.config.cookieSecure });
  // Counters live in the database, so a limit holds across every instance behind nginx.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database.db) });
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  await app.register(swagger, {
    openapi: { info: { title: '医师定期考核信息登记管理系统 API', version: '1.0.0' } },
    transform: jsonSchemaTransform,
  });
  // The API documentation is public; its routes come from the plugin, so they are marked here.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const key = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[key] ??= issue.message ?? '格式不正确';
      }
      const first = Object.values(fields)[0] ?? '请求参数不正确';
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: first, fields } });
    }
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: requestErrorMessage(error as { code?: string }, request) } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
  });

  // Before the session hook, so a shed request costs no database work.
  await registerLoadShedding(app, { maxEventLoopDelayMs: deps.config.loadShedEventLoopDelayMs, maxHeapUsedBytes: deps.config.loadShedMaxHeapBytes });
  registerSessionHooks(app);

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(healthRoutes, { prefix: '/api' });
  await app.register(metricsRoutes);
  await api.register(authRoutes, { prefix: '/api/v1/auth' });
  await api.register(passwordResetRoutes, { prefix: '/api/v1/auth' });
  await api.register(accountSettingsRoutes, { prefix: '/api/v1/account' });
  await api.register(homeRoutes, { prefix: '/api/v1/home' });
  await api.register(accountRoutes, { prefix: '/api/v1/accounts' });
  await api.register(physicianRoutes, { prefix: '/api/v1/physicians' });
  await api.register(regionRoutes, { prefix: '/api/v1/regions' });
  await api.register(cycleRoutes, { prefix: '/api/v1/cycles' });
  await api.register(policyRoutes, { prefix: '/api/v1/policy' });
  await api.register(institutionRoutes, { prefix: '/api/v1/institutions' });
  await api.register(reviewRoutes, { prefix: '/api/v1/reviews' });
  await api.register(departmentRoutes, { prefix: '/api/v1/departments' });
  await api.register(assessorRoutes, { prefix: '/api/v1/assessors' });
  await api.register(noticeRoutes, { prefix: '/api/v1/notices' });
  await api.register(fileRoutes, { prefix: '/api/v1/files' });
  await api.register(registrationRoutes, { prefix: '/api/v1/registration' });
  await api.register(changeRequestRoutes, { prefix: '/api/v1/change-requests' });
  await api.register(assessmentInfoRoutes, { prefix: '/api/v1/assessment-info' });
  await api.register(messageRoutes, { prefix: '/api/v1/messages' });
  await api.register(progressRoutes, { prefix: '/api/v1/progress' });
  await api.register(examRoutes, { prefix: '/api/v1/exams' });
  await api.register(retakeRoutes, { prefix: '/api/v1/retakes' });
  await api.register(statisticsRoutes, { prefix: '/api/v1/statistics' });
  await api.register(questionBankRoutes, { prefix: '/api/v1/question-bank' });
  await api.register(paperRuleRoutes, { prefix: '/api/v1/paper-rules' });
  await api.register(examProgressRoutes, { prefix: '/api/v1/exam-progress' });
  await api.register(certificateRoutes, { prefix: '/api/v1/certificates' });
  await api.register(proctoringRoutes, { prefix: '/api/v1/proctoring' });
  await api.register(multiSiteEvaluationRoutes, { prefix: '/api/v1/multi-site-evaluations' });

  const hasWeb = fs.existsSync(`${webDist}/index.html`);
  // Built assets carry a content hash in their names, so browsers may keep them for good.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '365d', immutable: true });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && hasWeb && !request.url.startsWith('/api')) {
      // Client-side routes are served the app shell; it is never cached so deploys take effect.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist, { cacheControl: false });
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
  });
  return app;
}
