import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiErrorSchema } from '../../../common/schemas/error.js';
import { pendingMigrations } from '../../db/migrations-status.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.deps;
  // Liveness: the process answers and reaches its database.
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), time: z.string() }) },
      },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: database.kind, time: new Date().toISOString() };
    },
  );

  // Readiness: may this instance take traffic? The database answers and has every migration of this build.
  // While the process shuts down, Fastify answers 503 to every request (return503OnClosing).
  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: '就绪检查',
        response: { 200: z.object({ status: z.literal('ready') }), 503: apiErrorSchema },
      },
    },
    async (request, reply) => {
      let pending: string[];
      try {
        pending = await pendingMigrations(database.db);
      } catch (err) {
        request.log.warn({ err }, 'readiness: database unreachable');
        return reply.status(503).send({ error: { code: 'NOT_READY', message: '数据库不可用' } });
      }
      if (pending.length > 0) {
        return reply.status(503).send({ error: { code: 'NOT_READY', message: `数据库迁移未完成：${pending.join('、')}` } });
      }
      return { status: 'ready' as const };
    },
  );
};
