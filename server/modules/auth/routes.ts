import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { smsCodeSentSchema } from '../../../common/schemas/account.js';
import { changePasswordBodySchema, loginBodySchema, meSchema, passwordChangeRequirementsSchema, switchRoleBodySchema } from '../../../common/schemas/auth.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { CAPTCHA_COOKIE, createCaptcha } from '../../auth/captcha.js';
import { authed, clearSessionCookies, errorResponses, setSessionCookies } from '../http.js';
import { passwordChangeRequirements, sendPasswordChangeCode } from './password-sms.js';
import * as auth from './service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, pii } = app.deps;
  const db = database.db;

  app.get('/captcha', { config: { public: true }, schema: { tags: ['auth'], summary: '验证码图片' } }, async (_request, reply) => {
    const captcha = await createCaptcha(db);
    reply.setCookie(CAPTCHA_COOKIE, captcha.id, { path: '/api/v1/auth', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
    return reply.header('cache-control', 'no-store').type('image/svg+xml').send(captcha.svg);
  });

  app.post(
    '/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: loginBodySchema, response: { 200: meSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { session, me } = await auth.login({ db, pii, captchaEnabled: config.captchaEnabled }, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        captchaId: request.cookies[CAPTCHA_COOKIE],
      });
      setSessionCookies(reply, session.token, session.csrfToken, config.cookieSecure);
      return me;
    },
  );

  app.post(
    '/logout',
    { config: { beforePasswordChange: true }, schema: { tags: ['auth'], summary: '退出', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { actor, session } = authed(request);
      await auth.logout(db, actor, session.tokenHash, request.ip);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  // The client's probe on every page load: signed out is an answer here (null), not an error, so a login page's
  // browser console stays clean. `/me` keeps answering 401 without a session.
  app.get(
    '/session',
    {
      config: { public: true, optionalAuth: true },
      schema: { tags: ['auth'], summary: '当前会话（未登录时为 null）', response: { 200: meSchema.nullable(), ...errorResponses } },
    },
    async (request) => (request.actor && request.session ? auth.me(db, request.actor, request.session.account) : null),
  );

  app.get(
    '/me',
    { config: { beforePasswordChange: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema, ...errorResponses } } },
    async (request) => {
      const { actor, session } = authed(request);
      return auth.me(db, actor, session.account);
    },
  );

  app.post(
    '/password',
    {
      config: { beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '修改密码', body: changePasswordBodySchema, response: { 200: meSchema, ...errorResponses } },
    },
    async (request) => {
      const { actor, session } = authed(request);
      return auth.changePassword({ db, pii }, actor, session.tokenHash, request.body, request.ip);
    },
  );

  app.get(
    '/password/requirements',
    {
      config: { beforePasswordChange: true },
      schema: { tags: ['auth'], summary: '修改密码是否须短信验证码（考核政策开启且已绑定手机时）', response: { 200: passwordChangeRequirementsSchema, ...errorResponses } },
    },
    async (request) => passwordChangeRequirements(db, authed(request).actor),
  );

  app.post(
    '/password/code',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码：向绑定手机发送短信验证码',
        response: { 200: smsCodeSentSchema, ...errorResponses, 409: apiErrorSchema, 429: apiErrorSchema, 503: apiErrorSchema },
      },
    },
    async (request) => sendPasswordChangeCode(db, app.deps.sms, authed(request).actor, request.ip, app.deps.config.smsResendSeconds),
  );

  app.post(
    '/switch-role',
    { schema: { tags: ['auth'], summary: '切换身份', body: switchRoleBodySchema, response: { 200: meSchema, ...errorResponses } } },
    async (request) => {
      const { actor, session } = authed(request);
      return auth.switchRole(db, actor, session.tokenHash, request.body.role, request.ip);
    },
  );
};
