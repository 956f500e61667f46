import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentInfoSchema } from '../../../common/schemas/assessment-info.js';
import { authed, errorResponses } from '../http.js';
import { assessmentInfo } from './service.js';

export const assessmentInfoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.get(
    '',
    { schema: { tags: ['assessment-info'], summary: '考核信息查询：本届及前两届，各执业地点的审核或评定情况与考核结果', response: { 200: assessmentInfoSchema, ...errorResponses } } },
    async (request) => assessmentInfo(db, authed(request).actor),
  );
};
