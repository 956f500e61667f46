import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { policyBodySchema, policyRulesSchema, policySchema } from '../../../common/schemas/policy.js';
import { authed, errorResponses } from '../http.js';
import { getPolicy, getPolicyRules, updatePolicy } from './service.js';

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const tags = ['policy'];

  app.get('', { schema: { tags, summary: '考核政策（本省）', response: { 200: policySchema, ...errorResponses } } }, async (request) =>
    getPolicy(db, authed(request).actor),
  );

  app.get(
    '/rules',
    { schema: { tags, summary: '本省考核政策中影响机构和医师操作的选项（打回报名、隐藏医师、修改密码短信验证、多点执业机构评价）', response: { 200: policyRulesSchema, ...errorResponses } } },
    async (request) => getPolicyRules(db, authed(request).actor),
  );

  app.put(
    '',
    {
      schema: {
        tags,
        summary: '保存考核政策（省级卫生行政部门）',
        body: policyBodySchema,
        response: { 200: policySchema, ...errorResponses, 409: apiErrorSchema },
      },
    },
    async (request) => updatePolicy(db, authed(request).actor, request.body, request.ip),
  );
};
