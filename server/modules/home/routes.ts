import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { homeSchema } from '../../../common/schemas/home.js';
import { authed, errorResponses } from '../http.js';
import { home } from './service.js';
import { authorityHomeSchema } from '../../../common/schemas/authority-home.js';
import { authorityHome } from './authority.js';
import { institutionHomeRoutes } from './institution.js';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.get('', { schema: { tags: ['home'], summary: '首页', response: { 200: homeSchema, ...errorResponses } } }, async (request) =>
    home(db, authed(request).actor),
  );
  app.get(
    '/authority',
    { schema: { tags: ['home'], summary: '卫生行政部门首页', response: { 200: authorityHomeSchema, ...errorResponses } } },
    async (request) => authorityHome(db, authed(request).actor),
  );
  await app.register(institutionHomeRoutes, { prefix: '/institution' });
};
