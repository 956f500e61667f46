// /api/v1/account: the signed-in physician's own 账户设置.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountSettingsSchema, bindPhoneBodySchema, phoneCodeBodySchema, smsCodeSentSchema } from '../../../common/schemas/account.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { authed, errorResponses } from '../http.js';
import { bindPhone, getAccountSettings, sendBindPhoneCode } from './service.js';

export const accountSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const { sms, config } = app.deps;
  const tags = ['account'];
  const responses = { ...errorResponses, 429: apiErrorSchema, 503: apiErrorSchema };

  app.get(
    '/settings',
    { schema: { tags, summary: '账户设置（绑定手机号，脱敏）', response: { 200: accountSettingsSchema, ...errorResponses } } },
    async (request) => getAccountSettings(db, authed(request).actor),
  );

  app.post(
    '/phone/code',
    { schema: { tags, summary: '绑定/更换手机：向新手机号发送短信验证码', body: phoneCodeBodySchema, response: { 200: smsCodeSentSchema, ...responses } } },
    async (request) => sendBindPhoneCode(db, sms, authed(request).actor, request.body.phone, request.ip, config.smsResendSeconds),
  );

  app.post(
    '/phone',
    { schema: { tags, summary: '绑定/更换手机（凭新手机号收到的验证码）', body: bindPhoneBodySchema, response: { 200: accountSettingsSchema, ...errorResponses } } },
    async (request) => bindPhone(db, authed(request).actor, request.body, request.ip),
  );
};
