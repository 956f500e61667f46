import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paperRuleBodySchema, paperRuleCardSchema, paperRulesSchema } from '../../../common/schemas/paper-rules.js';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { authed, errorResponses } from '../http.js';
import { listPaperRules, savePaperRule } from './service.js';

const tags = ['paper-rules'];

export const paperRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '',
    { schema: { tags, summary: '试卷规则（当前考核周期：医学人文·法律法规，业务水平按执业类别）', response: { 200: paperRulesSchema, ...errorResponses } } },
    async (request) => listPaperRules(db, authed(request).actor),
  );

  app.put(
    '',
    {
      schema: {
        tags,
        summary: '保存试卷规则（新建或修改；题库中启用的题目不足时 422）',
        body: paperRuleBodySchema,
        response: { 200: paperRuleCardSchema, ...errorResponses, 422: apiErrorSchema },
      },
    },
    async (request) => savePaperRule(db, authed(request).actor, request.body, request.ip),
  );
};
