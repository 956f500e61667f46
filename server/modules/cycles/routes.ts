import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { cycleBodySchema, cycleListQuerySchema, cycleListSchema, cycleSchema, cycleUpdateBodySchema } from '../../../common/schemas/cycle.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { createCycle, listCycles, updateCycle } from './manage.js';

export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const tags = ['cycles'];

  app.get(
    '',
    { schema: { tags, summary: '考核周期列表（本省）', querystring: cycleListQuerySchema, response: { 200: cycleListSchema, ...errorResponses } } },
    async (request) => listCycles(db, authed(request).actor, request.query),
  );

  app.post(
    '',
    {
      schema: {
        tags,
        summary: '新建考核周期（省级卫生行政部门）',
        body: cycleBodySchema,
        response: { 201: cycleSchema, ...errorResponses, 409: apiErrorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCycle(db, authed(request).actor, request.body, request.ip)),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: '编辑考核周期（省级卫生行政部门）',
        params: idParamSchema,
        body: cycleUpdateBodySchema,
        response: { 200: cycleSchema, ...errorResponses, 409: apiErrorSchema },
      },
    },
    async (request) => updateCycle(db, authed(request).actor, request.params.id, request.body, request.ip),
  );
};
