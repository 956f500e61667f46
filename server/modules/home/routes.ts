import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeSchema } from '../../../common/schemas/home.js';
import { authed, errorResponses } from '../http.js';
import { home } from './service.js';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.get('', { schema: { tags: ['home'], summary: '首页', response: { 200: homeSchema, ...errorResponses } } }, async (request) =>
    home(db, authed(request).actor),
  );
};
