import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageItemSchema, messageListQuerySchema, messagePageSchema, readAllResultSchema } from '../../../common/schemas/messages.js';
import { authed, errorResponses, idParamSchema } from '../http.js';
import { listMessages, markAllMessagesRead, markMessageRead } from './service.js';

const tags = ['messages'];

export const messageRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    '',
    { schema: { tags, summary: '站内消息：本账号的消息（新的在前）与未读条数', querystring: messageListQuerySchema, response: { 200: messagePageSchema, ...errorResponses } } },
    async (request) => listMessages(db, authed(request).actor, request.query),
  );
  app.post(
    '/read-all',
    { schema: { tags, summary: '全部标为已读', response: { 200: readAllResultSchema, ...errorResponses } } },
    async (request) => markAllMessagesRead(db, authed(request).actor),
  );
  app.post(
    '/:id/read',
    { schema: { tags, summary: '标为已读（仅本账号的消息）', params: idParamSchema, response: { 200: messageItemSchema, ...errorResponses } } },
    async (request) => markMessageRead(db, authed(request).actor, request.params.id),
  );
};
