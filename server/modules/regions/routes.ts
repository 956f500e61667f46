import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { regions } from '../../db/schema/index.js';

const regionSchema = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  // Public: the address cascader and the login page's lists need it; it holds no personal data.
  app.get(
    '',
    { config: { public: true }, schema: { tags: ['regions'], summary: '行政区划', response: { 200: z.array(regionSchema) } } },
    async () => db.select().from(regions).orderBy(asc(regions.code)),
  );
};
