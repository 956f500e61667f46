import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { viewIdNumber } from './service.js';

export const physicianRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, pii } = app.deps;
  // POST, not GET: every call writes an audit row, and it must not be prefetched or cached.
  app.post(
    '/:id/id-number',
    {
      schema: {
        tags: ['physicians'],
        summary: '显示完整证件号码（留痕）',
        params: idParamSchema,
        response: { 200: z.object({ idNumber: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const idNumber = await viewIdNumber({ db: database.db, pii }, authed(request).actor, request.params.id, request.ip);
      return reply.header('cache-control', 'no-store').send({ idNumber });
    },
  );
};
