// Public routes of 重置密码 (mounted under /api/v1/auth, where the captcha cookie is sent), limited like login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordResetBodySchema, passwordResetCodeBodySchema, smsCodeSentSchema } from '../../../common/schemas/account.js';
import { CAPTCHA_COOKIE } from '../../auth/captcha.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { errorResponses } from '../http.js';
import { resetPasswordBySms, sendPasswordResetCode } from './service.js';

export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, pii, sms } = app.deps;
  const deps = { db: database.db, pii, sms, smsResendSeconds: config.smsResendSeconds, captchaEnabled: config.captchaEnabled };
  const limited = { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } };
  const responses = { ...errorResponses, 429: apiErrorSchema, 503: apiErrorSchema };

  app.post(
    '/password-reset/code',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: '重置密码：向绑定手机发送短信验证码',
        body: passwordResetCodeBodySchema,
        response: { 200: smsCodeSentSchema, ...responses },
      },
    },
    async (request) => sendPasswordResetCode(deps, request.body, { ip: request.ip, captchaId: request.cookies[CAPTCHA_COOKIE] }),
  );

  app.post(
    '/password-reset',
    {
      config: limited,
      schema: { tags: ['auth'], summary: '重置密码：凭短信验证码设置新密码', body: passwordResetBodySchema, response: { 204: z.null(), ...responses } },
    },
    async (request, reply) => {
      await resetPasswordBySms(deps, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );
};
