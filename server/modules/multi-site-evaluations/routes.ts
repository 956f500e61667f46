import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  siteEvaluationBatchBodySchema,
  siteEvaluationBodySchema,
  siteEvaluationListQuerySchema,
  siteEvaluationListSchema,
} from '../../../common/schemas/multi-site-evaluation.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { listSiteEvaluations, passAllSiteEvaluations, saveSiteEvaluation } from './service.js';

const tags = ['multi-site-evaluations'];

export const multiSiteEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.database.db, pii: app.deps.pii };

  app.get(
    '',
    {
      schema: {
        tags,
        summary: '医疗机构考核：本周期在本机构多点执业的医师及本机构的职业道德、工作业绩评价（考核政策开启“所有多点执业机构均须评价”时）',
        querystring: siteEvaluationListQuerySchema,
        response: { 200: siteEvaluationListSchema, ...errorResponses },
      },
    },
    async (request) => listSiteEvaluations(deps, authed(request).actor, request.query),
  );

  app.post(
    '/batch-pass',
    {
      schema: {
        tags,
        summary: '职业道德 工作成绩合格：筛选条件下所有未评价的医师评价合格（一次事务）',
        body: siteEvaluationBatchBodySchema,
        response: { 200: z.object({ passed: z.number() }), ...errorResponses },
      },
    },
    async (request) => passAllSiteEvaluations(deps, authed(request).actor, request.body, request.ip),
  );

  app.put(
    '/:id',
    { schema: { tags, summary: '保存一名医师的职业道德、工作业绩评价（不合格须填写理由）', params: idParamSchema, body: siteEvaluationBodySchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await saveSiteEvaluation(deps, authed(request).actor, request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );
};
