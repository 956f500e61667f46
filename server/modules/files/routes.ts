import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openFile } from './service.js';

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, storage } = app.deps;
  // Public files (published notices) download without login; everything else needs the right actor.
  app.get(
    '/:id',
    {
      config: { public: true, optionalAuth: true },
      schema: { tags: ['files'], summary: '下载文件', params: z.object({ id: z.uuid('文件编号格式不正确') }) },
    },
    async (request, reply) => {
      const { file, stream } = await openFile(database.db, storage, request.actor, request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
};
