import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { resetPassword, unlockAccount } from './service.js';

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.post(
    '/:id/unlock',
    { schema: { tags: ['accounts'], summary: '解锁账号', params: idParamSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await unlockAccount(db, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/reset-password',
    { schema: { tags: ['accounts'], summary: '重置密码（恢复为初始密码）', params: idParamSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await resetPassword(db, authed(request).actor, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
